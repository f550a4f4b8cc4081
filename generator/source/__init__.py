"""Stage 1: botocore's definitions as botocore's Loader reads them (RawService), refused early
when malformed. See ARCHITECTURE.md.
"""
