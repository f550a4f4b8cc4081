"""What an editor shows with the package `botoloom install` put into a virtual environment's
site-packages (the README's leading path), not a copy in the workspace: pyright's language
server, pointed at that environment as an editor is (pyrightconfig venvPath/venv), hovers with
the docstrings, completes the methods, and goes to the definitions in site-packages."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..install.conftest import PINNED, make_venv, run_botoloom
from .lsp import Server

pytestmark = pytest.mark.slow

LANGSERVER = Path(sys.executable).parent / "pyright-langserver"
USER_CODE = """\
from aws_typed import sqs
from aws_typed.sqs.type_defs import ReceiveMessageResultTypeDef

client = sqs.client(region_name="eu-west-1")
page: ReceiveMessageResultTypeDef = client.receive_message(QueueUrl="u")
client.rec
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with aws_typed (sqs) installed by `botoloom install`: its site-packages."""
    python = make_venv(tmp_path_factory.mktemp("venv") / "env", PINNED)
    cache = tmp_path_factory.mktemp("botoloom-cache")
    result = run_botoloom("install", "--python", str(python), "--services", "sqs", cache=cache)
    assert result.returncode == 0, result.stderr
    [site] = python.parent.parent.glob("lib/python*/site-packages")
    assert (site / "aws_typed" / "py.typed").is_file()
    return site


@pytest.fixture(scope="module")
def workspace(installed: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    root = tmp_path_factory.mktemp("editor")
    venv = installed.parents[2]
    config = {"pythonVersion": f"{sys.version_info[0]}.{sys.version_info[1]}", "venvPath": str(venv.parent)}
    (root / "pyrightconfig.json").write_text(json.dumps({**config, "venv": venv.name}))
    user = root / "user.py"
    user.write_text(USER_CODE)
    assert not (root / "aws_typed").exists()  # only the installed package can answer
    server = Server([str(LANGSERVER), "--stdio"], root)
    server.open(user)
    try:
        yield server, user
    finally:
        server.close()


def _position(line: int, needle: str, after: bool = False) -> tuple[int, int]:
    column = USER_CODE.splitlines()[line].index(needle)
    return line, column + (len(needle) if after else 1)


@pytest.mark.parametrize(
    ("line", "needle", "shown"),
    [
        (4, "receive_message", "Retrieves one or more messages (up to 10), from the specified queue."),
        (4, "receive_message", "QueueUrl"),
        (1, "ReceiveMessageResultTypeDef", "ReceiveMessageResult"),
    ],
)
def test_hover_shows_the_docstring(workspace: tuple[Server, Path], line: int, needle: str, shown: str) -> None:
    server, user = workspace
    text = server.hover(user, *_position(line, needle))
    assert shown in text, text


def test_completion_offers_the_typed_methods(workspace: tuple[Server, Path]) -> None:
    server, user = workspace
    labels = server.completion(user, *_position(5, "client.rec", after=True))
    assert "receive_message" in labels, labels


def test_definition_reaches_site_packages(workspace: tuple[Server, Path], installed: Path) -> None:
    server, user = workspace
    targets = server.definition(user, *_position(4, "receive_message"))
    package = (installed / "aws_typed" / "sqs").as_posix()
    found = [(path, line) for path, line in targets if path in (f"{package}/client.py", f"{package}/client.pyi")]
    assert found, targets
    for path, line in found:
        assert "def receive_message(" in Path(path).read_text().splitlines()[line]
