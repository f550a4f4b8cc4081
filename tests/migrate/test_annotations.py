"""An annotation never disagrees with the value it holds: a boto3-stubs name that annotates a
value migrate cannot trace to a boto3 object of that service keeps its boto3-stubs import (and
is reported); once the value is traced, the name moves to the package."""

from __future__ import annotations

import textwrap

from generator.migrate.calls import UNTRACED
from generator.migrate.stubs import PINNED

from .conftest import Migrate


def test_a_traced_session_parameter_moves_the_annotation(migrate: Migrate) -> None:
    source = """\
        from __future__ import annotations

        import boto3
        from boto3.session import Session
        from mypy_boto3_sqs import SQSClient


        def parameter(name: str, boto3_session: Session | None = None) -> str:
            session = boto3_session or boto3.session.Session()
            client: SQSClient = session.client("sqs")
            return client.get_queue_url(QueueName=name)["QueueUrl"]
        """
    result = migrate(source)
    assert result.notes == []
    assert result.code == textwrap.dedent(source).replace("from mypy_boto3_sqs import SQSClient\n", "").replace(
        "from boto3.session import Session\n",
        "from aws_typed import sqs\nfrom aws_typed.sqs import SQSClient\nfrom boto3.session import Session\n",
    ).replace('session.client("sqs")', "sqs.client(session=session)")


def test_an_untraced_value_keeps_its_boto3_stubs_annotation(migrate: Migrate) -> None:
    source = """\
        from mypy_boto3_sqs import SQSClient
        from mypy_boto3_sqs.type_defs import MessageTypeDef


        def queue(session=None) -> SQSClient:
            return (session or make()).client("sqs")


        def get(name: str, client: SQSClient | None = None) -> MessageTypeDef:
            client = client or factory.client("sqs")
            return client.receive_message(QueueUrl=name)["Messages"][0]
        """
    result = migrate(source)
    assert result.code == textwrap.dedent(source).replace(
        "from mypy_boto3_sqs import SQSClient\nfrom mypy_boto3_sqs.type_defs import MessageTypeDef\n",
        "from aws_typed.sqs.type_defs import MessageTypeDef\nfrom mypy_boto3_sqs import SQSClient\n",
    )
    why = PINNED.format(
        dotted="mypy_boto3_sqs", name="SQSClient", value='(session or make()).client("sqs")', service="sqs"
    )
    assert result.notes == [
        f"1: {why}",
        "6: " + UNTRACED.format(shown="(session or make())"),
        "10: " + UNTRACED.format(shown="factory"),
    ]


def test_a_service_name_not_literal_keeps_the_annotation_of_a_local(migrate: Migrate) -> None:
    source = """\
        import boto3
        from mypy_boto3_s3 import S3Client, S3ServiceResource

        def f(name: str) -> S3ServiceResource:
            c: S3Client = boto3.client(name)
            return boto3.resource("s3")
        """
    result = migrate(source)
    assert "from aws_typed.s3 import S3ServiceResource\nfrom mypy_boto3_s3 import S3Client\n" in result.code
    assert "c: S3Client = boto3.client(name)\n    return s3.resource()\n" in result.code
    assert result.notes[0].startswith("2: mypy_boto3_s3: S3Client kept: it annotates `boto3.client(name)`")


def test_a_sorted_type_checking_block_stays_sorted(migrate: Migrate) -> None:
    source = """\
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from mypy_boto3_s3 import S3Client
            from mypy_boto3_sqs import SQSClient


        def f(session) -> S3Client:
            return session.client("s3")


        def g(c: SQSClient) -> None: ...
        """
    result = migrate(source)
    assert result.code == textwrap.dedent(source).replace(
        "    from mypy_boto3_s3 import S3Client\n    from mypy_boto3_sqs import SQSClient\n",
        "    from aws_typed.sqs import SQSClient\n    from mypy_boto3_s3 import S3Client\n",
    )


def test_an_attribute_annotation_of_an_untraced_value_is_kept(migrate: Migrate) -> None:
    """`self.s3 = make().client("s3")`: the class body's `s3: S3Client` and a method's
    `self.s3: S3Client` annotate it too, so S3Client keeps its boto3-stubs import."""
    for annotated in ("    s3: S3Client\n\n", ""):
        other = "" if annotated else "    def reset(self) -> None:\n        self.s3: S3Client = boto3.client('s3')\n\n"
        source = (
            "import boto3\nfrom mypy_boto3_s3 import S3Client\n\n\nclass A:\n"
            + annotated
            + other
            + "    def __init__(self, make) -> None:\n        self.s3 = make().client('s3')\n"
        )
        result = migrate(source)
        assert "from mypy_boto3_s3 import S3Client\n" in result.code, result.code
        why = PINNED.format(dotted="mypy_boto3_s3", name="S3Client", value="make().client('s3')", service="s3")
        assert f"2: {why}" in result.notes


def test_an_attribute_of_a_traced_session_moves_the_class_annotation(migrate: Migrate) -> None:
    source = """\
        import boto3
        from mypy_boto3_s3 import S3Client


        class A:
            s3: S3Client

            def __init__(self, session: boto3.Session | None = None) -> None:
                self.session = session or boto3.Session()
                self.s3 = self.session.client("s3")
        """
    result = migrate(source)
    assert result.notes == []
    assert "from aws_typed.s3 import S3Client\n" in result.code
    assert "self.s3 = typed_s3.client(session=self.session)" in result.code
