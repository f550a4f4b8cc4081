"""`botoloom migrate` as a command: files and directories, --check, --diff, writing,
--package / --output / pyproject settings, --write-config, bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.app.cli import main as botoloom

from ..helpers import GENERATED

CLIENT = 'import boto3\n\nc = boto3.client("s3")\n'
MIGRATED = "from aws_typed import s3\n\nc = s3.client()\n"
LEFT = "import boto3\n\nc = boto3.client(name)\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project directory, the current directory, with the generated package at --output."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "files.py").write_text(CLIENT)
    (tmp_path / "app" / "dynamic.py").write_text(LEFT)
    (tmp_path / "app" / "plain.py").write_text("x = 1\n")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = botoloom(["migrate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_writes_changed_files_in_place(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = project / "app" / "plain.py"
    os.utime(plain, (1, 1))
    code, out, err = run(capsys, "app", "--output", str(GENERATED))
    assert code == 0
    assert (project / "app" / "files.py").read_text() == MIGRATED
    assert (project / "app" / "dynamic.py").read_text() == LEFT
    assert plain.stat().st_mtime == 1  # unchanged files are not written
    assert out == "services found: s3\n1 file rewritten, 2 unchanged, 1 place left as it is (listed on stderr)\n"
    assert err == "app/dynamic.py:3: the service name `name` is not a string literal\n"
    assert [p.name for p in (project / "app").iterdir() if p.name.startswith(".")] == []  # no temp files left


def test_check_prints_only_the_summary(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--check", "app", "--output", str(GENERATED))
    assert (code, err) == (1, "")
    assert (
        out
        == "services found: s3\n1 file would be rewritten, 2 unchanged, 1 place left as it is (run without --check to list them)\n"
    )
    assert (project / "app" / "files.py").read_text() == CLIENT
    run(capsys, "app", "--output", str(GENERATED))
    assert run(capsys, "--check", "app", "--output", str(GENERATED))[0] == 0  # idempotent


def test_diff_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--diff", "app/files.py", "--output", str(GENERATED))
    assert code == 0
    assert out.startswith(
        "--- app/files.py\n+++ app/files.py\n@@ -1,3 +1,3 @@\n-import boto3\n+from aws_typed import s3\n \n"
        '-c = boto3.client("s3")\n+c = s3.client()\n'
    )
    assert (project / "app" / "files.py").read_text() == CLIENT


def test_directories_skip_environments_hidden_and_generated_packages(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for skipped in (".venv/lib", "venv", "lib/site-packages", ".hidden", "generated/aws_typed", "other_generated"):
        (project / skipped).mkdir(parents=True)
        (project / skipped / "x.py").write_text(CLIENT)
    (project / "other_generated" / ".botoloom-manifest.json").write_text("{}")
    (project / "generated" / "aws_typed" / "__init__.py").write_text("")  # found as the package (default output)
    (project / "generated" / "aws_typed" / "s3").mkdir()
    (project / "generated" / "aws_typed" / "s3" / "__init__.py").write_text("")
    code, out, _ = run(capsys, "--check", ".")
    assert code == 1
    assert "1 file would be rewritten, 2 unchanged" in out


def test_package_from_pyproject(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[tool.botoloom]\npackage = "typed_aws"\n')
    code, out, err = run(capsys, "--diff", "app/files.py")
    assert code == 0
    assert "+from typed_aws import s3\n" in out
    assert err == (
        "botoloom migrate: package typed_aws not found: every botocore service counts as generated; "
        "boto3-stubs imports are left as they are\n"
    )
    code, out, _ = run(capsys, "--diff", "app/files.py", "--package", "other")
    assert "+from other import s3\n" in out


def test_services_not_generated_in_the_output_package(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app" / "keys.py").write_text('import boto3\nk = boto3.client("kms")\n')
    code, out, err = run(capsys, "--check", "app/keys.py", "--output", str(GENERATED))
    assert (code, out) == (
        0,
        "services found: kms\n0 files would be rewritten, 1 unchanged, 1 place left as it is (run without --check to list them)\n"
        "not final: kms not generated in aws_typed; add it to [tool.botoloom] services (--write-config), generate, then run migrate again\n",
    )
    code, out, err = run(capsys, "app/keys.py", "--output", str(GENERATED))
    assert (
        err
        == "app/keys.py:2: service 'kms' is not generated in aws_typed (add it to [tool.botoloom] services: --write-config)\n"
    )


def test_without_the_package_the_run_says_it_is_not_final(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app" / "keys.py").write_text('import boto3\nk = boto3.client("s3")\n')
    code, out, err = run(capsys, "--check", "app/keys.py", "--output", str(project / "nowhere"))
    assert (code, out.splitlines()[-1]) == (
        1,
        "not final: package aws_typed not found, so boto3-stubs imports were left as they are; generate it, then run migrate again",
    )


def test_write_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "app"\n\n[tool.botoloom]\nservices = ["sqs"]\n')
    (project / "app" / "keys.py").write_text("from mypy_boto3_kms import KMSClient\n")
    code, out, _ = run(capsys, "--write-config", "app", "--output", str(GENERATED))
    assert code == 0
    assert out.endswith(
        f"{project / 'pyproject.toml'}: added to [tool.botoloom] services: kms s3\n"
        "not final: kms not generated in aws_typed; generate, then run migrate again\n"
    )
    assert (
        project / "pyproject.toml"
    ).read_text() == '[project]\nname = "app"\n\n[tool.botoloom]\nservices = ["kms", "s3", "sqs"]\n'


def test_write_config_needs_a_pyproject(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--write-config", "app", "--output", str(GENERATED))
    assert (code, err.splitlines()[-1]) == (
        2,
        "botoloom: error: --write-config: no pyproject.toml in the current directory or above",
    )


def test_a_syntax_error_skips_that_file_only(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app" / "broken.py").write_text("import boto3\nx = (\n")
    code, out, err = run(capsys, "app", "--output", str(GENERATED))
    assert code == 2
    assert err.splitlines()[0] == "botoloom: error: app/broken.py:2: cannot parse it: '(' was never closed"
    assert "Traceback" not in err
    assert (project / "app" / "files.py").read_text() == MIGRATED


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere"], "botoloom: error: nowhere: no such file or directory"),
        ([], "botoloom: error: migrate: the following arguments are required: PATH"),
        (["app", "--bogus"], "botoloom: error: migrate: unrecognized arguments: --bogus"),
        (
            ["--check", "--write-config", "app"],
            "botoloom: error: --write-config writes pyproject.toml; it does not go with --check or --diff",
        ),
        (
            ["--package", "not-a-name", "app"],
            "botoloom: error: --package 'not-a-name' is not a valid Python package name",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert (code, out, err) == (2, "", message + "\n")


def test_undecodable_and_binary_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app" / "latin.py").write_bytes(
        b"# -*- coding: latin-1 -*-\nimport boto3\nname = '\xe9'\nc = boto3.client('s3')\n"
    )
    (project / "app" / "nul.py").write_bytes(b"import boto3\x00\n")
    code, _, err = run(capsys, "app", "--output", str(GENERATED))
    assert code == 2
    assert (
        "botoloom: error: app/nul.py: cannot parse it: source code string cannot contain null bytes" in err.splitlines()
    )
    assert (
        project / "app" / "latin.py"
    ).read_bytes() == b"# -*- coding: latin-1 -*-\nfrom aws_typed import s3\n\nname = '\xe9'\nc = s3.client()\n"
