"""What an editor shows with the .pyi stubs beside the modules (pyright's language server, the
engine of VS Code's Pylance): the stubs are the typed classes, so hover shows their docstrings,
go-to-definition reaches the stub's declaration, and completion after `client.` offers what
boto3's client has and nothing of the run-time shim (issue #29, item 12)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .lsp import Server

GENERATED = Path(__file__).resolve().parents[2] / "generated" / "aws_typed"
LANGSERVER = Path(sys.executable).parent / "pyright-langserver"
USER_CODE = """\
from aws_typed import boto3, s3
from aws_typed.s3.type_defs import ListObjectsV2OutputTypeDef

client = s3.client(region_name="eu-west-1")
page: ListObjectsV2OutputTypeDef = client.list_objects_v2(Bucket="b")
client.get_paginator("list_objects_v2").paginate(Bucket="b")
client.
boto3.client("")
boto3.Session().resource("")
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    root = tmp_path_factory.mktemp("editor")
    shutil.copytree(GENERATED, root / "aws_typed", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "pyrightconfig.json").write_text('{"pythonVersion": "3.11"}\n')
    user = root / "user.py"
    user.write_text(USER_CODE)
    server = Server([str(LANGSERVER), "--stdio"], root)
    server.open(user)
    try:
        yield server, user
    finally:
        server.close()


def _position(text: str, line: int, needle: str) -> tuple[int, int]:
    return line, text.splitlines()[line].index(needle) + 1


def test_the_stubs_carry_the_docstrings() -> None:
    stub = (GENERATED / "s3" / "client.pyi").read_text()
    source = (GENERATED / "s3" / "client.py").read_text()
    assert "Returns some or all (up to 1,000) of the objects" in stub and "def list_objects_v2(" in stub
    assert "Returns some or all" not in source and "def list_objects_v2(" not in source  # the shim


@pytest.mark.parametrize(
    ("line", "needle", "shown"),
    [
        (4, "list_objects_v2", "Returns some or all (up to 1,000) of the objects in a bucket"),
        (3, "client(", "boto3.client('s3', ...) with the same arguments"),
        (5, "paginate", "Iterate over the pages of list_objects_v2"),
        # an overloaded method is an attribute typed by a call Protocol (issue #28): its docstring
        (5, "get_paginator", "A typed paginator for an operation that can be paginated."),
        (1, "ListObjectsV2OutputTypeDef", "ListObjectsV2Output (response)."),
    ],
)
def test_hover_shows_the_docstring(workspace: tuple[Server, Path], line: int, needle: str, shown: str) -> None:
    server, user = workspace
    text = server.hover(user, *_position(USER_CODE, line, needle))
    assert shown in text, text


def test_definition_reaches_the_declaration(workspace: tuple[Server, Path]) -> None:
    server, user = workspace
    targets = server.definition(user, *_position(USER_CODE, 4, "list_objects_v2"))
    sources = [(path, line) for path, line in targets if path.endswith("aws_typed/s3/client.pyi")]
    assert sources, targets
    path, line = sources[0]
    assert "def list_objects_v2(" in Path(path).read_text().splitlines()[line]


def test_completion_offers_what_boto3s_client_has(workspace: tuple[Server, Path]) -> None:
    """Issue #29, item 12: after `client.` no `__slots__`, `_raw`, `_service_name` (the wrapper's
    noise), and boto3's client attributes are there (waiter_names was missing)."""
    server, user = workspace
    labels = set(server.completion(user, 6, len("client.")))
    assert {"waiter_names", "can_paginate", "meta", "exceptions", "close", "get_paginator", "get_waiter"} <= labels
    assert {"list_objects_v2", "generate_presigned_url", "upload_file"} <= labels
    assert not labels & {"__slots__", "_raw", "_service_name", "raw"}, sorted(labels & {"__slots__", "_raw"})


@pytest.mark.parametrize(("line", "call"), [(7, 'boto3.client("'), (8, 'boto3.Session().resource("')])
def test_completion_offers_the_service_names(workspace: tuple[Server, Path], line: int, call: str) -> None:
    """Inside the quotes of client("") and resource(""), the generated services' names (the
    entry functions' overloads: the first and last take no name, so must not hide them)."""
    server, user = workspace
    labels = set(server.completion(user, line, len(call)))
    names = {"s3", "sqs", "dynamodb"} | ({"lambda", "glue"} if "client" in call else set())
    assert names <= {label.strip("\"'") for label in labels}, sorted(labels)[:20]
