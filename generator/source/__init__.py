"""source: see ARCHITECTURE.md."""
