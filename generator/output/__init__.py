"""Stage 7: the package directory: manifest, incremental cache, lock, staged atomic writes,
--check diffs. See ARCHITECTURE.md.
"""
