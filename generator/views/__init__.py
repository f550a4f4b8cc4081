"""views: see ARCHITECTURE.md."""
