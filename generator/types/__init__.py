"""Stage 4: which TypedDicts and aliases a service has and the type of every field, as values
that know their imports (pyexpr, imports). See ARCHITECTURE.md.
"""
