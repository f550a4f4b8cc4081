"""Stage 3: how a Python name is spelt (rules) and every module-level name of a service,
assigned once (table). See ARCHITECTURE.md.
"""
