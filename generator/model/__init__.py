"""Stage 2: a frozen, typed model of one service (operations, shapes, paginators, waiters,
resources, which operations can be presigned). See ARCHITECTURE.md.
"""
