"""Documents: lists and dicts, also from variables (their items are not checked: List
and Dict are invariant)."""

from __future__ import annotations

from aws_typed import glue


def documents(client: glue.GlueClient, names: list[str], props: dict[str, int]) -> None:
    fields = [{"Id": 1, "Name": "c", "Type": names, "Required": True, "InitialDefault": props}]
    client.create_table(DatabaseName="d", Name="t", OpenTableFormatInput={"IcebergInput": {"MetadataOperation": "CREATE", "CreateIcebergTableInput": {"Location": "s3://b/t", "Schema": {"Fields": [{"Id": 1, "Name": "c", "Type": "int", "Required": True, "WriteDefault": None}]}}}})
    del fields
