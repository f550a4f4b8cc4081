"""--write-config: [tool.botoloom] services gets the services found; the rest of the file
stays byte-identical."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomllib

from generator.errors import UserError
from generator.migrate.pyproject import add_services

HEAD = '[project]\nname = "app"  # the app\n\n[tool.black]\nline-length = 100\n'


def _edit(tmp_path: Path, text: str, services: list[str]) -> tuple[str, list[str]]:
    path = tmp_path / "pyproject.toml"
    path.write_bytes(text.encode())
    added = add_services(path, services)
    return path.read_bytes().decode(), added


def test_no_table_appends_one(tmp_path: Path) -> None:
    text, added = _edit(tmp_path, HEAD, ["sqs", "s3"])
    assert text == HEAD + '\n[tool.botoloom]\nservices = ["s3", "sqs"]\n'
    assert added == ["s3", "sqs"]


def test_no_newline_at_the_end(tmp_path: Path) -> None:
    text, _ = _edit(tmp_path, HEAD.rstrip("\n"), ["s3"])
    assert text == HEAD + '\n[tool.botoloom]\nservices = ["s3"]\n'


def test_a_table_without_services_keeps_its_keys(tmp_path: Path) -> None:
    before = (
        HEAD + '\n[tool.botoloom]  # typed boto3\npackage = "typed"\noutput = "src"\n\n[tool.mypy]\nstrict = true\n'
    )
    text, _ = _edit(tmp_path, before, ["s3"])
    assert text == before.replace("# typed boto3\n", '# typed boto3\nservices = ["s3"]\n')
    assert tomllib.loads(text)["tool"]["botoloom"] == {"package": "typed", "output": "src", "services": ["s3"]}


def test_sorted_services_stay_sorted(tmp_path: Path) -> None:
    before = HEAD + '\n[tool.botoloom]\nservices = ["dynamodb", "sqs"]  # the ones we use\npackage = "typed"\n'
    text, added = _edit(tmp_path, before, ["s3", "sqs", "ec2"])
    assert text == before.replace('["dynamodb", "sqs"]', '["dynamodb", "ec2", "s3", "sqs"]')
    assert added == ["ec2", "s3"]


def test_unsorted_services_get_the_new_ones_after_them_sorted(tmp_path: Path) -> None:
    before = '[tool.botoloom]\nservices = ["sqs", "dynamodb"]\n'
    text, _ = _edit(tmp_path, before, ["s3", "ec2"])
    assert text == '[tool.botoloom]\nservices = ["sqs", "dynamodb", "ec2", "s3"]\n'


def test_a_multiline_array_keeps_its_comments(tmp_path: Path) -> None:
    before = '[tool.botoloom]\nservices = [\n    "s3",  # files\n    # queues:\n    "sqs"\n]\njobs = 2\n'
    text, _ = _edit(tmp_path, before, ["lambda", "ec2"])
    assert (
        text
        == '[tool.botoloom]\nservices = [\n    "s3",  # files\n    # queues:\n    "sqs",\n    "ec2",\n    "lambda",\n]\njobs = 2\n'
    )


def test_nothing_new_writes_nothing(tmp_path: Path) -> None:
    before = '[tool.botoloom]\nservices = ["s3"]\n'
    assert _edit(tmp_path, before, ["s3"]) == (before, [])
    assert _edit(tmp_path, '[tool.botoloom]\nservices = "all"\n', ["s3"]) == ('[tool.botoloom]\nservices = "all"\n', [])


def test_crlf_files_stay_crlf(tmp_path: Path) -> None:
    text, _ = _edit(tmp_path, '[project]\r\nname = "x"\r\n', ["s3"])
    assert text == '[project]\r\nname = "x"\r\n\r\n[tool.botoloom]\r\nservices = ["s3"]\r\n'


@pytest.mark.parametrize(
    "before",
    [
        '[tool]\nbotoloom.package = "typed"\n',  # a dotted table: no header to edit under
        'tool = { botoloom = { services = ["sqs"] } }\n',  # an inline table
    ],
)
def test_tables_it_cannot_edit_safely_are_refused(tmp_path: Path, before: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(before)
    with pytest.raises(UserError, match="by hand"):
        add_services(path, ["s3"])
    assert path.read_text() == before


def test_a_broken_file_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.botoloom\n")
    with pytest.raises(UserError, match="cannot read it"):
        add_services(path, ["s3"])
