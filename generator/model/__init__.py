"""model: see ARCHITECTURE.md."""
