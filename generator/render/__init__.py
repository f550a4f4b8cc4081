"""Stage 6: views through the jinja2 templates into {path: text}, then one ruff format pass.
See ARCHITECTURE.md.
"""
