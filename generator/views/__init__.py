"""Stage 5: plain data for the templates, per generated module: methods, blocks, classes,
import sets. See ARCHITECTURE.md.
"""
