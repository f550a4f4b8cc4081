"""boto3.client / boto3.resource / Session calls -> the generated package's factories,
on small snippets: exact before/after text, idempotence, comments, what is left alone."""

from __future__ import annotations

import textwrap

import pytest

from generator.migrate.calls import UNTRACED
from generator.migrate.package import Target

from .conftest import Migrate

CASES = {
    "client with keywords": (
        """\
        import boto3
        client = boto3.client("s3", region_name="eu-west-1")
        """,
        """\
        from aws_typed import s3

        client = s3.client(region_name="eu-west-1")
        """,
    ),
    "positional arguments become keywords": (
        """\
        import boto3
        c = boto3.client("sqs", "eu-west-1", None, True, False, "http://localhost:5000", "key", "secret", "token", None, "123")
        """,
        """\
        from aws_typed import sqs

        c = sqs.client(region_name="eu-west-1", api_version=None, use_ssl=True, verify=False, endpoint_url="http://localhost:5000", aws_access_key_id="key", aws_secret_access_key="secret", aws_session_token="token", config=None, aws_account_id="123")
        """,
    ),
    "resource": (
        """\
        import boto3
        db = boto3.resource("dynamodb", "us-east-1", endpoint_url=URL)
        """,
        """\
        from aws_typed import dynamodb

        db = dynamodb.resource(region_name="us-east-1", endpoint_url=URL)
        """,
    ),
    "keyword service name, lambda is lambda_": (
        """\
        import boto3
        fn = boto3.client(region_name="x", service_name='lambda')
        """,
        """\
        from aws_typed import lambda_

        fn = lambda_.client(region_name="x")
        """,
    ),
    "import alias": (
        """\
        import boto3 as b3
        c = b3.client("s3")
        """,
        """\
        from aws_typed import s3

        c = s3.client()
        """,
    ),
    "from-imports of the factories": (
        """\
        from boto3 import client, resource as res
        c = client("s3")
        r = res("s3")
        """,
        """\
        from aws_typed import s3

        c = s3.client()
        r = s3.resource()
        """,
    ),
    "a **splat after a literal service name is kept": (
        """\
        import boto3
        c = boto3.client("sns", **options)
        """,
        """\
        from aws_typed import sns

        c = sns.client(**options)
        """,
    ),
    "session in the same scope": (
        """\
        import boto3
        session = boto3.Session(profile_name="dev")
        c = session.client("s3", "eu-west-1", endpoint_url=URL)
        r = session.resource("sqs")
        """,
        """\
        import boto3
        from aws_typed import s3, sqs

        session = boto3.Session(profile_name="dev")
        c = s3.client(session=session, region_name="eu-west-1", endpoint_url=URL)
        r = sqs.resource(session=session)
        """,
    ),
    "session from boto3.session, used in a function": (
        """\
        import boto3.session
        s: boto3.session.Session = boto3.session.Session()
        def make():
            return s.client(service_name="glue", region_name="x")
        """,
        """\
        import boto3.session
        from aws_typed import glue

        s: boto3.session.Session = boto3.session.Session()
        def make():
            return glue.client(session=s, region_name="x")
        """,
    ),
    "from boto3 import Session; a parameter annotated Session": (
        """\
        from boto3 import Session
        def make(session: Session, region: str):
            return session.client("iam", region)
        """,
        """\
        from aws_typed import iam
        from boto3 import Session


        def make(session: Session, region: str):
            return iam.client(session=session, region_name=region)
        """,
    ),
    "boto3.session.Session() and session.resource": (
        """\
        import boto3.session
        session = boto3.session.Session(region_name="eu-west-1")
        table = session.resource("dynamodb").Table("t")
        """,
        """\
        import boto3.session
        from aws_typed import dynamodb

        session = boto3.session.Session(region_name="eu-west-1")
        table = dynamodb.resource(session=session).Table("t")
        """,
    ),
    "a session parameter with an `or boto3.session.Session()` default": (
        """\
        from __future__ import annotations
        import boto3
        from boto3.session import Session
        def parameter(name: str, boto3_session: Session | None = None) -> str:
            session = boto3_session or boto3.session.Session()
            client = session.client("sqs")
            return client.get_queue_url(QueueName=name)["QueueUrl"]
        """,
        """\
        from __future__ import annotations
        import boto3
        from aws_typed import sqs
        from boto3.session import Session


        def parameter(name: str, boto3_session: Session | None = None) -> str:
            session = boto3_session or boto3.session.Session()
            client = sqs.client(session=session)
            return client.get_queue_url(QueueName=name)["QueueUrl"]
        """,
    ),
    "Optional[boto3.Session] reassigned with `or boto3.Session()`, and inline": (
        """\
        from typing import Optional
        import boto3
        def f(session: Optional[boto3.Session] = None):
            session = session or boto3.Session()
            return session.client("sns"), (session or boto3.Session()).resource("s3")
        """,
        """\
        from typing import Optional
        import boto3
        from aws_typed import s3, sns


        def f(session: Optional[boto3.Session] = None):
            session = session or boto3.Session()
            return sns.client(session=session), s3.resource(session=(session or boto3.Session()))
        """,
    ),
    "Session(...).client(...)": (
        """\
        import boto3
        c = boto3.Session(profile_name="p").client("ec2", region_name="x")
        """,
        """\
        import boto3
        from aws_typed import ec2

        c = ec2.client(session=boto3.Session(profile_name="p"), region_name="x")
        """,
    ),
    "a module-level name s3 gets the import aliased": (
        """\
        import boto3
        s3 = boto3.client("s3")
        """,
        """\
        from aws_typed import s3 as typed_s3

        s3 = typed_s3.client()
        """,
    ),
    "a local name and a parameter named like the module": (
        """\
        import boto3
        def a():
            sqs = boto3.client("sqs")
            return sqs
        def b(typed_sqs):
            return boto3.resource("sqs")
        """,
        """\
        from aws_typed import sqs as typed_sqs_2


        def a():
            sqs = typed_sqs_2.client()
            return sqs
        def b(typed_sqs):
            return typed_sqs_2.resource()
        """,
    ),
    "an existing import of the service module is reused": (
        """\
        import boto3
        from aws_typed import s3 as S3

        c = boto3.client("s3")
        """,
        """\
        from aws_typed import s3 as S3

        c = S3.client()
        """,
    ),
    "import boto3 stays while something else uses it": (
        """\
        import boto3
        c = boto3.client("s3")
        boto3.set_stream_logger("boto3")
        """,
        """\
        import boto3
        from aws_typed import s3

        c = s3.client()
        boto3.set_stream_logger("boto3")
        """,
    ),
    "calls nested in calls": (
        """\
        import boto3
        pair = (wrap(boto3.client("s3")), [boto3.resource("s3").Bucket("b")])
        """,
        """\
        from aws_typed import s3

        pair = (wrap(s3.client()), [s3.resource().Bucket("b")])
        """,
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rewrite(migrate: Migrate, name: str) -> None:
    before, after = CASES[name]
    result = migrate(before)
    assert result.code == textwrap.dedent(after)
    assert result.notes == []


@pytest.mark.parametrize("name", list(CASES))
def test_a_second_run_changes_nothing(migrate: Migrate, name: str) -> None:
    once = migrate(CASES[name][0]).code
    assert migrate(once).code == once


def test_comments_and_formatting_are_kept(migrate: Migrate) -> None:
    result = migrate(
        """\
        import boto3  # the SDK

        # a client for files
        files = boto3.client(
            "s3",  # the service
            "eu-west-1",  # the region
            endpoint_url=URL,  # local
        )  # end
        queues = boto3.client(  # queues
            'sqs'
        )
        """
    )
    assert result.code == textwrap.dedent(
        """\
        from aws_typed import s3, sqs  # the SDK

        # a client for files
        files = s3.client(  # the service
            region_name="eu-west-1",  # the region
            endpoint_url=URL,  # local
        )  # end
        queues = sqs.client(  # queues
            )
        """
    )


def test_a_comment_before_a_last_keyword_service_is_left_alone(migrate: Migrate) -> None:
    source = """\
        import boto3
        c = boto3.client(
            region_name="x",  # keep me
            service_name="s3",
        )
        """
    result = migrate(source)
    assert result.code == textwrap.dedent(source)
    assert result.notes == ["2: a comment in front of the service name would be lost"]


SELF_SESSION = "import boto3\nclass A:\n    def __init__(self, s: boto3.Session | None = None):\n        self.session = s or boto3.Session()\n"

LEFT_ALONE = {
    "a non-literal service name": (
        "import boto3\nc = boto3.client(name)\n",
        "2: the service name `name` is not a string literal",
    ),
    "an f-string": (
        'import boto3\nc = boto3.client(f"s{n}")\n',
        '2: the service name `f"s{n}"` is not a string literal',
    ),
    "the service in **kwargs": (
        "import boto3\nc = boto3.client(**kwargs)\n",
        "2: the service name comes from a * or ** splat",
    ),
    "the service in *args": (
        "import boto3\nc = boto3.client(*args)\n",
        "2: the service name comes from a * or ** splat",
    ),
    "*args after the service": (
        'import boto3\nc = boto3.client("s3", *rest)\n',
        "2: a *args splat: its arguments cannot be named",
    ),
    "too many positional arguments": (
        'import boto3\nr = boto3.resource("s3", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)\n',
        "2: more positional arguments than boto3 takes (10)",
    ),
    "a service not generated": (
        'import boto3\nc = boto3.client("kms")\n',
        "2: service 'kms' is not generated in aws_typed (add it to [tool.botoloom] services: --write-config)",
    ),
    "not a botocore service": ('import boto3\nc = boto3.client("s4")\n', "2: 's4' is not a botocore service"),
    "no resource in boto3": ('import boto3\nr = boto3.resource("lambda")\n', "2: boto3 has no resource for 'lambda'"),
    "a session parameter without annotation": (
        'def f(session):\n    return session.client("s3")\n',
        "2: " + UNTRACED.format(shown="session"),
    ),
    "`x or boto3.Session()` with x not annotated": (
        'import boto3\ndef f(s=None):\n    s = s or boto3.Session()\n    return s.client("s3")\n',
        "4: " + UNTRACED.format(shown="s"),
    ),
    "a parameter annotated Session | str": (
        'import boto3\ndef f(s: boto3.Session | str):\n    return s.client("s3")\n',
        "3: " + UNTRACED.format(shown="s"),
    ),
    "a session on an attribute": (
        'class A:\n    def f(self):\n        return self.session.client("s3")\n',
        "3: " + UNTRACED.format(shown="self.session"),
    ),
    "a session name bound twice": (
        'import boto3\nsession = boto3.Session()\nif x:\n    session = other()\nc = session.client("s3")\n',
        "5: " + UNTRACED.format(shown="session"),
    ),
    **{
        f"self.session {why}": (
            f"{SELF_SESSION}{more}    def f(self):\n        return self.session.client('s3')\n",
            note,
        )
        for why, (more, note) in {
            "also assigned an untraced value": (
                "    def reset(self, other):\n        self.session = other\n",
                "8: " + UNTRACED.format(shown="self.session"),
            ),
            "also unpacked into": (
                "    def swap(self, a, b):\n        self.session, self.b = a, b\n",
                "8: " + UNTRACED.format(shown="self.session"),
            ),
            "also set by setattr": (
                "    def put(self, v):\n        setattr(self, 'session', v)\n",
                "8: " + UNTRACED.format(shown="self.session"),
            ),
            "a property in the class body": (
                "    @property\n    def session(self):\n        return make()\n",
                "9: " + UNTRACED.format(shown="self.session"),
            ),
            "also bound in the class body": ("    session = make()\n", "7: " + UNTRACED.format(shown="self.session")),
        }.items()
    },
    "self.session assigned elsewhere in the module": (
        f"{SELF_SESSION}    def f(self):\n        return self.session.client('s3')\na = A()\na.session = other\n",
        "6: " + UNTRACED.format(shown="self.session"),
    ),
    "self.session read through a staticmethod's first parameter": (
        f"{SELF_SESSION}    @staticmethod\n    def f(self):\n        return self.session.client('s3')\n",
        "7: " + UNTRACED.format(shown="self.session"),
    ),
    "an attribute of another class's instance": (
        f"{SELF_SESSION}class B:\n    def f(self):\n        return self.session.client('s3')\n",
        "7: " + UNTRACED.format(shown="self.session"),
    ),
}


@pytest.mark.parametrize("name", list(LEFT_ALONE))
def test_left_alone_and_reported(migrate: Migrate, name: str) -> None:
    source, note = LEFT_ALONE[name]
    result = migrate(source)
    assert result.code == source
    assert result.notes == [note]


def test_calls_that_are_not_boto3s_are_not_reported(migrate: Migrate) -> None:
    source = """\
        import requests
        def client(name): ...
        a = client("s3")
        b = requests.client("not-a-service")
        c = api.resource(kind)
        """
    result = migrate(source)
    assert result.code == textwrap.dedent(source)
    assert result.notes == []


def test_services_found_include_those_not_generated(migrate: Migrate) -> None:
    result = migrate('import boto3\na = boto3.client("kms")\nb = boto3.resource("s3")\nc = boto3.client("s4")\n')
    assert result.services == {"kms", "s3"}


def test_another_package_name(migrate: Migrate, target: Target) -> None:
    elsewhere = Target("typed_aws", None, target.known, target.resourceful)
    result = migrate('import boto3\nc = boto3.client("kms")\n', elsewhere)
    assert result.code == "from typed_aws import kms\n\nc = kms.client()\n"


def test_without_the_package_only_resource_services_get_resource(migrate: Migrate, target: Target) -> None:
    elsewhere = Target("aws_typed", None, target.known, target.resourceful)
    result = migrate('import boto3\nr = boto3.resource("kms")\n', elsewhere)
    assert result.notes == ["2: boto3 has no resource for 'kms'"]


def test_a_client_wrapped_by_the_package_stays_boto3s(migrate: Migrate) -> None:
    source = 'import boto3\nfrom aws_typed import s3\nc = s3.S3Client(boto3.client("s3"))\nr = s3.S3ServiceResource(boto3.resource("s3"))\n'
    result = migrate(source)
    assert (result.code, result.notes) == (source, [])


def test_a_client_given_to_stubber_becomes_the_typed_client(migrate: Migrate) -> None:
    """botocore's Stubber takes the typed client: it is boto3's own client (one object)."""
    source = 'import boto3\nfrom botocore.stub import Stubber\nstub = Stubber(boto3.client("s3"))\nother = wrap(boto3.client("s3"))\n'
    result = migrate(source)
    assert "Stubber(s3.client())" in result.code and "wrap(s3.client())" in result.code
    assert "from aws_typed import s3\n" in result.code
    assert result.notes == []


def test_calls_of_a_helper_that_takes_the_service_name_are_reported(migrate: Migrate) -> None:
    source = """\
        import boto3

        def make(service, region=None):
            return boto3.client(service, region_name=region)

        files = make("s3")
        other = make(name)
        """
    result = migrate(source)
    assert result.code == textwrap.dedent(source)
    assert result.notes == [
        "4: the service name `service` is not a string literal",
        "6: make() makes an untyped boto3 client or resource from the service name it is given; call s3.client(...) or s3.resource(...) here for a typed one",
        "7: make() makes an untyped boto3 client or resource from the service name it is given; call the package's factory here for a typed one",
    ]


@pytest.mark.parametrize(
    "assigned",
    ["s or boto3.Session()", "boto3.Session(profile_name='p') if s is None else s", "None", "self.session or s"],
)
def test_a_session_in_a_self_attribute_is_traced(migrate: Migrate, assigned: str) -> None:
    """self.session read in a method of the class that assigns it only sessions (or None)."""
    source = f"""\
        import boto3

        class A:
            session: boto3.Session | None = None

            def __init__(self, s: boto3.Session | None = None):
                self.session = {assigned}

            def put(self, body):
                self.client = self.session.client("s3", region_name="x")
                return self.client.put_object(Bucket="b", Key="k", Body=body)
        """
    result = migrate(source)
    assert result.notes == []
    assert 'self.client = s3.client(session=self.session, region_name="x")' in result.code
    assert migrate(result.code).code == result.code
