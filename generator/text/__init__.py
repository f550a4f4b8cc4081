"""Base layer: the one literal writer and docstring wrapping (pytext), flat statements and
signatures (layout), the mypy pragma. See ARCHITECTURE.md.
"""
