"""types: see ARCHITECTURE.md."""
