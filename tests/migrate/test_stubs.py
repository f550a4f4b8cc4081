"""boto3-stubs imports (mypy_boto3_<svc>, types_boto3_<svc>) -> the generated modules."""

from __future__ import annotations

import textwrap

import pytest

from generator.migrate.package import Target

from .conftest import Migrate

CASES = {
    "names from the top of the stubs package go where they live": (
        "from mypy_boto3_s3 import S3Client, ListObjectsV2Paginator, BucketExistsWaiter, S3ServiceResource\n",
        "from aws_typed.s3 import S3Client, S3ServiceResource\n"
        "from aws_typed.s3.paginators import ListObjectsV2Paginator\n"
        "from aws_typed.s3.waiters import BucketExistsWaiter\n",
    ),
    "the Client and ServiceResource aliases": (
        "from mypy_boto3_sqs import Client, ServiceResource as Res\n",
        "from aws_typed.sqs.client import SQSClient as Client\nfrom aws_typed.sqs.service_resource import SQSServiceResource as Res\n",
    ),
    "client": ("from mypy_boto3_s3.client import S3Client\n", "from aws_typed.s3.client import S3Client\n"),
    "service_resource": (
        "from mypy_boto3_dynamodb.service_resource import DynamoDBServiceResource, Table\n",
        "from aws_typed.dynamodb.service_resource import DynamoDBServiceResource, Table\n",
    ),
    "type_defs": (
        "from mypy_boto3_sqs.type_defs import MessageTypeDef as Message\n",
        "from aws_typed.sqs.type_defs import MessageTypeDef as Message\n",
    ),
    "literals": (
        "from mypy_boto3_s3.literals import StorageClassType\n",
        "from aws_typed.s3.literals import StorageClassType\n",
    ),
    "paginator is paginators": (
        "from mypy_boto3_s3.paginator import ListObjectsV2Paginator\n",
        "from aws_typed.s3.paginators import ListObjectsV2Paginator\n",
    ),
    "waiter is waiters": (
        "from mypy_boto3_s3.waiter import ObjectExistsWaiter\n",
        "from aws_typed.s3.waiters import ObjectExistsWaiter\n",
    ),
    "types_boto3 likewise; lambda is lambda_": (
        "from types_boto3_lambda import LambdaClient\nfrom types_boto3_lambda.type_defs import InvocationResponseTypeDef\n",
        "from aws_typed.lambda_ import LambdaClient\nfrom aws_typed.lambda_.type_defs import InvocationResponseTypeDef\n",
    ),
    "inside TYPE_CHECKING, parenthesized, with comments": (
        """\
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:  # types only
            # the client
            from mypy_boto3_s3 import S3Client  # noqa: F401
            from mypy_boto3_s3.type_defs import (
                ObjectTypeDef,  # one object
                BucketTypeDef,
            )
        else:
            S3Client = object
        """,
        """\
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:  # types only
            # the client
            from aws_typed.s3 import S3Client  # noqa: F401
            from aws_typed.s3.type_defs import (
                ObjectTypeDef,  # one object
                BucketTypeDef,
            )
        else:
            S3Client = object
        """,
    ),
    "a star import of a submodule": (
        "from mypy_boto3_s3.type_defs import *\n",
        "from aws_typed.s3.type_defs import *\n",
    ),
    "on one line with another statement": (
        "import os; from mypy_boto3_s3 import S3Client, ListObjectsV2Paginator\n",
        "import os; from aws_typed.s3 import S3Client; from aws_typed.s3.paginators import ListObjectsV2Paginator\n",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rewrite(migrate: Migrate, name: str) -> None:
    before, after = CASES[name]
    result = migrate(before)
    assert result.code == textwrap.dedent(after)
    assert result.notes == []
    assert migrate(result.code).code == result.code


def test_services_found(migrate: Migrate) -> None:
    result = migrate("from mypy_boto3_kms import KMSClient\nfrom types_boto3_s3.client import S3Client\n")
    assert result.services == {"kms", "s3"}


def test_names_not_in_the_package_stay_in_the_import(migrate: Migrate) -> None:
    result = migrate(
        """\
        from mypy_boto3_s3.type_defs import (
            ObjectTypeDef,
            NoSuchThingTypeDef,
            BucketTypeDef,
        )
        from mypy_boto3_s3 import S3Client, Exceptions
        """
    )
    assert result.code == textwrap.dedent(
        """\
        from aws_typed.s3.type_defs import (
            ObjectTypeDef,
            BucketTypeDef,
        )
        from mypy_boto3_s3.type_defs import NoSuchThingTypeDef
        from aws_typed.s3 import S3Client
        from mypy_boto3_s3 import Exceptions
        """
    )
    assert result.notes == [
        "1: mypy_boto3_s3.type_defs: NoSuchThingTypeDef not found in aws_typed.s3.type_defs (left in the import)",
        "6: mypy_boto3_s3: Exceptions not found in aws_typed.s3 (left in the import)",
    ]


LEFT_ALONE = {
    "a service not generated": (
        "from mypy_boto3_kms import KMSClient\n",
        "1: mypy_boto3_kms: service 'kms' is not generated in aws_typed (add it to [tool.botoloom] services: --write-config)",
    ),
    "no such service": ("from mypy_boto3_nothing import X\n", "1: mypy_boto3_nothing: no botocore service 'nothing'"),
    "a stubs module with no counterpart": (
        "from mypy_boto3_s3.version import VERSION\n",
        "1: mypy_boto3_s3.version: boto3-stubs module 'version' has no counterpart in aws_typed",
    ),
    "a module import": (
        "import mypy_boto3_s3.client as c\n",
        "1: a module import of boto3-stubs is not rewritten (import the names from it instead)",
    ),
    "a star import of the top": (
        "from mypy_boto3_s3 import *\n",
        "1: a * import of the top of boto3-stubs is not rewritten (import the names instead)",
    ),
}


@pytest.mark.parametrize("name", list(LEFT_ALONE))
def test_left_alone_and_reported(migrate: Migrate, name: str) -> None:
    source, note = LEFT_ALONE[name]
    result = migrate(source)
    assert result.code == source
    assert result.notes == [note]


def test_without_the_package_names_cannot_be_checked(migrate: Migrate, target: Target) -> None:
    unknown = Target("aws_typed", None, target.known, target.resourceful)
    source = "from mypy_boto3_s3 import S3Client\n"
    result = migrate(source, unknown)
    assert result.code == source
    assert result.notes == [
        "1: mypy_boto3_s3: cannot check its names: package aws_typed not found (generate it first, or pass --output DIR)"
    ]


def test_calls_and_stubs_together(migrate: Migrate) -> None:
    result = migrate(
        """\
        from __future__ import annotations

        # AWS
        import boto3
        from mypy_boto3_s3 import S3Client


        def make() -> S3Client:
            return boto3.client("s3")
        """
    )
    assert result.code == textwrap.dedent(
        """\
        from __future__ import annotations

        # AWS
        from aws_typed import s3
        from aws_typed.s3 import S3Client


        def make() -> S3Client:
            return s3.client()
        """
    )


def test_imports_of_the_generated_package_count_as_services_found(migrate: Migrate) -> None:
    result = migrate("from aws_typed import s3, lambda_ as fn\nfrom aws_typed.sqs.type_defs import MessageTypeDef\n")
    assert result.services == {"s3", "lambda", "sqs"}
    assert result.notes == []
