"""Stage 3: how a Python name is spelt (rules) and every module-level name of a service,
assigned once (table); the generated package's own name, dotted or not (package). See
ARCHITECTURE.md.
"""
