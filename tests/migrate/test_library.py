"""--library: public signatures keep taking what callers pass (boto3-stubs' classes widened
with the package's, returns kept), the body moves to the package, a second run changes nothing."""

from __future__ import annotations

import dataclasses
import textwrap

import pytest

from generator.migrate.package import Target

from .conftest import Migrate

CASES = {
    "parameters widened, returns kept, private ones moved; annotations quoted without the future import": (
        """\
        \"\"\"Doc.\"\"\"

        import boto3
        from mypy_boto3_s3 import S3Client


        def put(body: bytes, s3_client: S3Client | None = None) -> S3Client:
            client = s3_client or boto3.client("s3")
            local: S3Client = client
            return local


        class Store:
            def __init__(self, client: S3Client) -> None:
                self.client = client

            def _private(self, client: S3Client) -> None:
                def inner(other: S3Client) -> None: ...


        class _Hidden:
            def get(self, client: S3Client) -> None: ...
        """,
        """\
        \"\"\"Doc.\"\"\"

        from typing import TYPE_CHECKING

        from aws_typed import s3
        from aws_typed.s3 import S3Client

        if TYPE_CHECKING:
            import mypy_boto3_s3


        def put(body: bytes, s3_client: "S3Client | mypy_boto3_s3.S3Client | None" = None) -> "mypy_boto3_s3.S3Client":
            client = s3_client or s3.client()
            local: S3Client = client
            return local


        class Store:
            def __init__(self, client: "S3Client | mypy_boto3_s3.S3Client") -> None:
                self.client = client

            def _private(self, client: S3Client) -> None:
                def inner(other: S3Client) -> None: ...


        class _Hidden:
            def get(self, client: S3Client) -> None: ...
        """,
    ),
    "with the future import, into its TYPE_CHECKING block; Optional and keyword-only": (
        """\
        from __future__ import annotations

        from typing import TYPE_CHECKING, Optional

        if TYPE_CHECKING:
            from mypy_boto3_dynamodb.service_resource import Table
            from mypy_boto3_sqs import SQSClient


        def send(*, sqs: Optional[SQSClient] = None, table: Table, **kw: SQSClient) -> None: ...
        """,
        """\
        from __future__ import annotations

        from typing import TYPE_CHECKING, Optional

        if TYPE_CHECKING:
            import mypy_boto3_dynamodb.service_resource
            import mypy_boto3_sqs
            from aws_typed.dynamodb.service_resource import Table
            from aws_typed.sqs import SQSClient


        def send(*, sqs: Optional[SQSClient | mypy_boto3_sqs.SQSClient] = None, table: Table | mypy_boto3_dynamodb.service_resource.Table, **kw: SQSClient | mypy_boto3_sqs.SQSClient) -> None: ...
        """,
    ),
}


@pytest.fixture
def library(target: Target) -> Target:
    return dataclasses.replace(target, library_mode=True)


@pytest.mark.parametrize("name", list(CASES))
def test_library_mode(migrate: Migrate, library: Target, name: str) -> None:
    before, after = CASES[name]
    result = migrate(before, library)
    assert result.code == textwrap.dedent(after)
    assert result.notes == []
    again = migrate(result.code, library)
    assert (again.code, again.notes) == (result.code, [])


def test_without_library_mode_signatures_move(migrate: Migrate) -> None:
    before, _ = CASES[
        "parameters widened, returns kept, private ones moved; annotations quoted without the future import"
    ]
    result = migrate(before)
    assert "mypy_boto3" not in result.code
    assert "def put(body: bytes, s3_client: S3Client | None = None) -> S3Client:" in result.code
