"""naming: see ARCHITECTURE.md."""
