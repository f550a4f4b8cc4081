"""A document is what botocore's validator takes: a list or a dict, not a tuple
(tests/runtime/test_unions_blobs.py runs the line through botocore)."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import glue


def documents(client: glue.GlueClient) -> None:
    client.create_table(DatabaseName="d", Name="t", OpenTableFormatInput={"IcebergInput": {"MetadataOperation": "CREATE", "CreateIcebergTableInput": {"Location": "s3://b/t", "Schema": {"Fields": [{"Id": 1, "Name": "c", "Type": ("int", "long"), "Required": True}]}}}})  # E[mypy]: incompatible types (expression has type "tuple[str, str]", TypedDict item "Type"  # E[pyright]: "tuple[str, str]" is not assignable to type "DocumentTypeDef"
