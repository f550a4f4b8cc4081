"""A caller of archivist that passes boto3's own clients and session (not migrated)."""

from __future__ import annotations

import boto3

import archivist
from archivist import catalog, notify, sweep


def main() -> None:
    s3 = boto3.client("s3")
    session = boto3.Session()
    archivist.put_blob("docs", "a.txt", b"alpha", s3_client=s3)
    archivist.read_blob("docs", "a.txt", s3)
    notify.announce("https://queue", "a.txt", sqs_client=boto3.client("sqs"))
    table = catalog.open_table("index", boto3_session=session)
    catalog.record(table, "letters", "a.txt", 5)
    sweep.sweep("docs", "letters/", session)
    archive = archivist.Archive("docs", "index", "https://queue", s3_client=s3, boto3_session=session)
    archivist.put_blob("docs", "b.txt", b"beta", archive.client())
