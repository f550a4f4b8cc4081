"""Where migrate puts the imports it adds (issue 27): a function-local `import boto3` stays
lazy (the new import goes in the same function, its comments kept); module-level imports go
where ruff's isort (I001) puts them, with no stray blank lines where boto3's were."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.migrate.package import Target

from ..helpers import BIN, GENERATED
from .conftest import Migrate


def test_a_function_local_import_stays_lazy_and_keeps_its_comments(migrate: Migrate) -> None:
    result = migrate(
        """\
        import json


        def handler(event):
            # importing boto3 inside the function for cold-start performance
            import boto3  # lazy

            client = boto3.client("s3")
            return json.dumps(client.list_buckets())
        """
    )
    assert result.code == textwrap.dedent(
        """\
        import json


        def handler(event):
            # importing boto3 inside the function for cold-start performance
            from aws_typed import s3  # lazy

            client = s3.client()
            return json.dumps(client.list_buckets())
        """
    )


def test_a_local_import_still_used_gets_the_new_import_right_after_it(migrate: Migrate) -> None:
    result = migrate(
        """\
        import boto3


        def handler():
            import boto3  # optional dependency

            session = boto3.Session()
            c = session.client("s3")

            def inner():
                return boto3.client("sqs")

            return c, inner


        def eager():
            return boto3.client("sns")
        """
    )
    assert result.code == textwrap.dedent(
        """\
        from aws_typed import sns


        def handler():
            import boto3  # optional dependency
            from aws_typed import s3, sqs

            session = boto3.Session()
            c = s3.client(session=session)

            def inner():
                return sqs.client()

            return c, inner


        def eager():
            return sns.client()
        """
    )


def test_importing_a_migrated_module_still_loads_neither_boto3_nor_the_package(
    migrate: Migrate, tmp_path: Path
) -> None:
    (tmp_path / "lazy_module.py").write_text(
        migrate(
            """\
            def handler():
                # cold start: boto3 only when called
                import boto3

                return boto3.client("s3", region_name="us-east-1")
            """
        ).code
    )
    probe = "import sys, lazy_module; print(sorted(m for m in ('boto3', 'aws_typed') if m in sys.modules))"
    run = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": f"{tmp_path}:{GENERATED}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout == "[]\n"
    called = "import lazy_module; print(type(lazy_module.handler()).__name__)"
    run = subprocess.run(
        [sys.executable, "-c", called],
        cwd=tmp_path,
        env={"PYTHONPATH": f"{tmp_path}:{GENERATED}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (run.returncode, run.stdout) == (0, "S3\n"), run.stderr  # boto3's own client (one object)


# Module level: where ruff's isort puts them ----------------------------------------------------

HEADERS = {
    "sections": '"""Doc."""\n\nimport json\n\nimport boto3\n\nfrom myapp import util\n',
    "future and third party": "from __future__ import annotations\n\nimport os\n\nimport boto3\nimport requests\nfrom zeta import z\n",
    "alone": "import boto3\n",
    "comment above": "# AWS\nimport boto3\nfrom botocore.stub import Stubber\n",
    "the package imported already": "import boto3\nfrom aws_typed import sqs\n",
    "the package imported already, first party": "import boto3\n\nfrom aws_typed import sqs\n",
    "a straight import after": "import attr\nimport boto3\nimport yaml\n\nfrom myapp import util\n",
    "first party only": "import boto3\n\nfrom myapp import util\n",
    "stdlib only": "import json\n\nimport boto3\n",
}
INVALID = {  # headers that would not pass I001 themselves there
    ("the package imported already", True),
    ("the package imported already, first party", False),
}
BODY = '\nclient = boto3.client("s3")\n\n\ndef table():\n    return boto3.resource("dynamodb")\n'


def ruff_import_errors(project: Path, code: str) -> str:
    """ruff's I001 findings for `code` in `project` (where myapp is first party)."""
    (project / "module.py").write_text(code)
    run = subprocess.run(
        [str(BIN / "ruff"), "check", "--isolated", "--select", "I001", "--output-format", "concise", "module.py"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    return "" if run.returncode == 0 else run.stdout + run.stderr


@pytest.mark.parametrize("keep_boto3", [False, True])
@pytest.mark.parametrize(
    ("header", "first_party"),
    [(h, own) for h in HEADERS for own in (False, True) if (h, own) not in INVALID],
)
def test_new_imports_pass_ruffs_import_sorting(
    migrate: Migrate, target: Target, tmp_path: Path, header: str, keep_boto3: bool, first_party: bool
) -> None:
    """A file that passes ruff's I001 still passes it after migrate, whether boto3's import
    goes or stays, and whether the package is third party or the project's own."""
    (tmp_path / "myapp").mkdir()
    own = {"myapp"}
    if first_party:
        (tmp_path / "aws_typed").mkdir()
        own.add("aws_typed")
    source = HEADERS[header] + BODY + ('\nboto3.set_stream_logger("x")\n' if keep_boto3 else "")
    assert ruff_import_errors(tmp_path, source) == ""
    into = Target(target.package, target.root, target.known, target.resourceful, frozenset(own))
    code = migrate(source, into).code
    assert "dynamodb.resource()" in code and ("import boto3" in code) == keep_boto3
    assert ruff_import_errors(tmp_path, code) == "", code


def test_no_stray_blank_lines_where_boto3_was(migrate: Migrate, target: Target) -> None:
    into = Target(target.package, target.root, target.known, target.resourceful, frozenset({"myapp"}))
    source = 'import json\n\nimport boto3\n\nfrom myapp import util\n\nc = boto3.client("s3")\n'
    assert migrate(source, into).code == (
        "import json\n\nfrom aws_typed import s3\n\nfrom myapp import util\n\nc = s3.client()\n"
    )


# boto3's and botocore's own surfaces the package types -------------------------------------------

LIBRARY = """\
    import boto3
    from boto3.dynamodb.conditions import Attr, Key
    from botocore.exceptions import BotoCoreError, ClientError


    def get(name: str) -> object:
        table = boto3.resource("dynamodb").Table(name)
        try:
            return table.query(KeyConditionExpression=Key("pk").eq("x"), FilterExpression=Attr("a").exists())
        except (ClientError, BotoCoreError):
            return None
    """


def test_client_error_and_conditions_move_to_the_package(migrate: Migrate, tmp_path: Path) -> None:
    result = migrate(LIBRARY)
    assert result.code == textwrap.dedent(LIBRARY).replace(
        "import boto3\nfrom boto3.dynamodb.conditions import Attr, Key\n"
        "from botocore.exceptions import BotoCoreError, ClientError\n",
        "from aws_typed import ClientError, dynamodb\nfrom aws_typed.dynamodb.conditions import Attr, Key\n"
        "from botocore.exceptions import BotoCoreError\n",
    ).replace('boto3.resource("dynamodb")', "dynamodb.resource()")
    assert result.notes == []
    assert ruff_import_errors(tmp_path, result.code) == ""


def test_the_typed_client_error_is_botocores_at_run_time(migrate: Migrate, tmp_path: Path) -> None:
    """`except ClientError` after the move catches what botocore raises (the typed class is
    the type of botocore's object)."""
    code = migrate("from botocore.exceptions import ClientError\n").code
    assert code == "from aws_typed import ClientError\n"
    probe = code + (
        "import botocore.exceptions\n"
        "try:\n"
        "    raise botocore.exceptions.ClientError({'Error': {'Code': 'X'}}, 'Op')\n"
        "except ClientError as exc:\n"
        "    print(exc.response['Error']['Code'])\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], env={"PYTHONPATH": str(GENERATED)}, capture_output=True, text=True, check=False
    )
    assert (run.returncode, run.stdout) == (0, "X\n"), run.stderr


STREAMING = """\
    from __future__ import annotations

    from botocore.exceptions import ClientError
    from botocore.response import StreamingBody


    def read(response: dict[str, StreamingBody]) -> bytes:
        body: StreamingBody = response["Body"]
        try:
            return body.read()
        except ClientError:
            return b""
    """


def test_a_streaming_body_annotation_moves_to_the_package(migrate: Migrate, tmp_path: Path) -> None:
    """Only annotations: the package's StreamingBody is what checkers know of botocore's body
    (a Protocol); both ClientError and StreamingBody on one line, as ruff combines them."""
    result = migrate(STREAMING)
    assert result.code == textwrap.dedent(STREAMING).replace(
        "from botocore.exceptions import ClientError\nfrom botocore.response import StreamingBody\n",
        "from aws_typed import ClientError, StreamingBody\n",
    )
    assert result.notes == []
    assert ruff_import_errors(tmp_path, result.code) == ""


@pytest.mark.parametrize(
    ("use", "line"),
    [
        ("isinstance(x, StreamingBody)", 4),
        ("StreamingBody(io.BytesIO(b'x'), 1)", 4),
        ("cast(StreamingBody, x) or StreamingBody", 4),
    ],
)
def test_a_streaming_body_used_as_a_class_stays_botocores(migrate: Migrate, use: str, line: int) -> None:
    source = f"import io\nfrom typing import cast\n\nfrom botocore.response import StreamingBody\n\nx: StreamingBody = f()\ny = {use}\n"
    result = migrate(source)
    assert result.code == source
    assert result.notes == [
        f"{line}: botocore.response: StreamingBody kept: it is used outside annotations; "
        "aws_typed.StreamingBody types botocore's body for checkers only"
    ]


def test_library_mode_keeps_a_streaming_body_a_public_function_returns(migrate: Migrate, target: Target) -> None:
    """--library: a caller's `b: botocore.response.StreamingBody = lib.body()` keeps holding."""
    library = dataclasses.replace(target, library_mode=True)
    source = (
        "from botocore.response import StreamingBody\n\n"
        "def body(r: dict[str, StreamingBody]) -> StreamingBody:\n    return r['Body']\n\n"
        "def _private(r: dict[str, StreamingBody]) -> StreamingBody:\n    return r['Body']\n"
    )
    result = migrate(source, library)
    assert result.code == source
    assert result.notes == [
        "1: botocore.response: StreamingBody kept: a public function returns it (--library: callers annotate "
        "botocore's class); aws_typed.StreamingBody types botocore's body for checkers only"
    ]
    private = source.replace("def body(", "def _body(")
    assert migrate(private, library).code == private.replace(
        "from botocore.response import StreamingBody", "from aws_typed import StreamingBody"
    )


def test_the_typed_streaming_body_is_botocores_at_run_time() -> None:
    probe = (
        "import botocore.response\nfrom aws_typed import StreamingBody\n"
        "print(StreamingBody is botocore.response.StreamingBody)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], env={"PYTHONPATH": str(GENERATED)}, capture_output=True, text=True, check=False
    )
    assert (run.returncode, run.stdout) == (0, "True\n"), run.stderr


@pytest.mark.parametrize(
    "source",
    [
        "from botocore.exceptions import BotoCoreError\n",  # not in the package: stays
        "import botocore.exceptions\n",
        "from boto3.dynamodb.conditions import *\n",
    ],
)
def test_names_the_package_has_not_stay(migrate: Migrate, source: str) -> None:
    assert migrate(source).code == source


def test_without_the_package_nothing_moves(migrate: Migrate, target: Target) -> None:
    elsewhere = Target("aws_typed", None, target.known, target.resourceful)
    source = "from boto3.dynamodb.conditions import Key\nfrom botocore.exceptions import ClientError\n"
    assert migrate(source, elsewhere).code == source


def test_merged_names_in_ruffs_order_by_type(migrate: Migrate, tmp_path: Path) -> None:
    source = 'import boto3\nfrom aws_typed import ClientError\n\nc = boto3.client("apigatewayv2")\n'
    code = migrate(source).code
    assert code == "from aws_typed import ClientError, apigatewayv2\n\nc = apigatewayv2.client()\n"
    assert ruff_import_errors(tmp_path, code) == ""
