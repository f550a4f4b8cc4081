"""The public class: clients and a session given by the caller, or made here."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boto3

from . import blobs, catalog, notify
from .settings import ENDPOINT, REGION

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient


class Archive:
    def __init__(
        self,
        bucket: str,
        table_name: str,
        queue_url: str,
        *,
        s3_client: S3Client | None = None,
        sqs_client: SQSClient | None = None,
        boto3_session: boto3.Session | None = None,
    ) -> None:
        self.session = boto3_session or boto3.Session()
        self.s3: S3Client = s3_client or self.session.client("s3", region_name=REGION, endpoint_url=ENDPOINT)
        self.sqs = sqs_client
        self.bucket, self.queue_url = bucket, queue_url
        self.table = catalog.open_table(table_name, self.session)

    def keep(self, shelf: str, key: str, data: bytes) -> str:
        etag = blobs.put_blob(self.bucket, f"{shelf}/{key}", data, self.s3)
        catalog.record(self.table, shelf, key, len(data))
        notify.announce(self.queue_url, f"{shelf}/{key}", self.sqs)
        return etag

    def fetch(self, shelf: str, key: str) -> bytes | None:
        return blobs.read_blob(self.bucket, f"{shelf}/{key}", self.s3)

    def client(self) -> S3Client:
        return self.s3

    def listing(self, shelf: str) -> list[str]:
        """The keys on a shelf, listed by a client of the archive's own session."""
        s3: S3Client = self.session.client("s3", region_name=REGION, endpoint_url=ENDPOINT)
        found = s3.list_objects_v2(Bucket=self.bucket, Prefix=f"{shelf}/")
        return [item.get("Key", "") for item in found.get("Contents", [])]
