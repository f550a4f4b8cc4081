"""End to end on a library: tests/migrate/library (archivist, a small package written against
boto3 and boto3-stubs, with its own tests: moto, Stubber, mock.patch("boto3.client"),
create_autospec) is copied, its tests pass, `botoloom migrate --library archivist` runs, and:

- every session is traced (`x or boto3.Session()`, parameters, `self.session` read in methods);
- its own tests pass unchanged (the one that patches boto3.client with a MagicMock too: the
  typed client is boto3's own object, ARCHITECTURE.md; a create_autospec'd session too);
- mypy --strict and pyright report no new error, on the library and on a caller passing
  boto3's own clients and session (caller.py, not migrated); a `body:
  botocore.response.StreamingBody` annotation moves to the package's StreamingBody;
- ruff's import sorting passes; importing the lazy module still loads no boto3;
- a second run changes nothing.

boto3-stubs is not installed here: its names are Any to both checkers (as for a library
whose users may or may not have it), the same before and after.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import _reset_moto
from ..helpers import BIN, GENERATED, botoloom

LIBRARY = Path(__file__).resolve().parent / "library"


@dataclass(frozen=True)
class Copies:
    before: Path
    after: Path
    run: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Copies]:
    root = tmp_path_factory.mktemp("library")
    before, after = root / "before", root / "after"
    for copy in (before, after):
        shutil.copytree(LIBRARY, copy, ignore=shutil.ignore_patterns("__pycache__"))
    run = botoloom("migrate", "--library", "--output", str(GENERATED), "archivist", cwd=after)
    assert run.returncode == 0 and "5 files rewritten" in run.stdout, run.stdout + run.stderr  # else every test is void
    yield Copies(before, after, run)


def _own_tests(directory: Path, endpoint: str) -> dict[str, str]:
    """{test name: PASSED / FAILED / ...} of a run of the library's own tests in `directory`
    (the package and the generated one on the path, the moto server reset first)."""
    _reset_moto(endpoint)
    env = dict(
        os.environ,
        ARCHIVIST_AWS_ENDPOINT=endpoint,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
        PYTHONPATH=os.pathsep.join([str(directory), str(GENERATED)]),
    )
    env.pop("PYTEST_ADDOPTS", None)
    args = [sys.executable, "-m", "pytest", "-v", "-p", "no:randomly", "-p", "no:cacheprovider", "check_archivist.py"]
    done = subprocess.run(args, cwd=directory, env=env, capture_output=True, text=True, timeout=300, check=False)
    outcomes = dict(re.findall(r"^check_archivist\.py::(\w+) (\w+)", done.stdout, re.MULTILINE))
    assert len(outcomes) == 8, done.stdout[-4000:] + done.stderr[-2000:]
    return outcomes


@pytest.fixture(scope="module")
def outcomes(copies: Copies, moto_server: str) -> dict[str, dict[str, str]]:
    return {"before": _own_tests(copies.before, moto_server), "after": _own_tests(copies.after, moto_server)}


def test_the_migration_reports_what_it_did(copies: Copies) -> None:
    """Every session is traced, `self.session` too (archive.py: assigned `boto3_session or
    boto3.Session()` in __init__, read in methods): nothing left, no annotation kept."""
    assert copies.run.returncode == 0, copies.run.stderr
    assert copies.run.stdout.splitlines() == ["services found: dynamodb s3 sqs", "5 files rewritten, 2 unchanged"]
    assert copies.run.stderr == ""
    archive = (copies.after / "archivist" / "archive.py").read_text()
    assert "mypy_boto3_s3 import" not in archive and "from aws_typed.s3 import S3Client" in archive
    assert archive.count("typed_s3.client(session=self.session, region_name=REGION, endpoint_url=ENDPOINT)") == 2


MOTO = ["test_moto_blobs", "test_moto_archive_end_to_end", "test_moto_raw_clients_given"]
DOUBLES = [
    "test_stubber_on_a_raw_client",
    "test_autospec_client",
    "test_stubber_on_the_librarys_client",
    "test_a_session_double",
]


@pytest.mark.e2e
def test_its_own_tests_pass_before(outcomes: dict[str, dict[str, str]]) -> None:
    assert set(outcomes["before"].values()) == {"PASSED"}, outcomes["before"]


@pytest.mark.e2e
@pytest.mark.parametrize("test", MOTO + DOUBLES)
def test_its_own_tests_pass_after(outcomes: dict[str, dict[str, str]], test: str) -> None:
    assert outcomes["after"][test] == "PASSED"


@pytest.mark.e2e
def test_its_own_test_patching_boto3_client_passes_after(outcomes: dict[str, dict[str, str]]) -> None:
    """sqs.client() hands the MagicMock that boto3.client returns to SQSClient, which refuses it today."""
    assert outcomes["after"]["test_patched_boto3_client"] == "PASSED"


def _mypy(directory: Path, cache: Path) -> set[tuple[str, str]]:
    """mypy --strict's errors over the library and caller.py: {(file, message [code])}, lines left out."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPY_FORCE_COLOR", "FORCE_COLOR")}
    env.update(MYPYPATH=str(GENERATED), NO_COLOR="1")
    command = [str(BIN / "mypy"), "--strict", "--cache-dir", str(cache), "archivist", "caller.py"]
    done = subprocess.run(command, cwd=directory, env=env, capture_output=True, text=True, timeout=600, check=False)
    errors = set(re.findall(r"^([^:\n]+):\d+: error: (.*)$", done.stdout, re.MULTILINE))
    assert errors or done.returncode == 0, done.stdout + done.stderr
    return errors


def _pyright(directory: Path, config: Path) -> set[tuple[str, str]]:
    """pyright's errors over the library and caller.py: {(file, message [rule])}, lines left out."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    command = [str(BIN / "pyright"), "--outputjson", "--project", str(config), "--pythonpath", sys.executable]
    done = subprocess.run(
        [*command, "archivist", "caller.py"], cwd=directory, env=env, capture_output=True, text=True, timeout=600
    )
    report = json.loads(done.stdout)
    return {
        (Path(d["file"]).relative_to(directory).as_posix(), f"{d['message']} [{d.get('rule', '')}]")
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    }


@pytest.fixture(scope="module")
def checked(copies: Copies, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, set[tuple[str, str]]]]:
    """{checker: {"before"/"after": errors}}."""
    tmp = tmp_path_factory.mktemp("checks")
    config = tmp / "pyrightconfig.json"
    config.write_text(
        json.dumps({"extraPaths": [str(GENERATED)], "pythonVersion": "3.11", "typeCheckingMode": "standard"})
    )
    return {
        "mypy": {name: _mypy(getattr(copies, name), tmp / f"mypy-{name}") for name in ("before", "after")},
        "pyright": {name: _pyright(getattr(copies, name), config) for name in ("before", "after")},
    }


def _new(checked: dict[str, dict[str, set[tuple[str, str]]]], checker: str) -> set[tuple[str, str]]:
    return checked[checker]["after"] - checked[checker]["before"]


@pytest.mark.typing
@pytest.mark.parametrize("checker", ["mypy", "pyright"])
def test_no_new_type_error(checked: dict[str, dict[str, set[tuple[str, str]]]], checker: str) -> None:
    """Including caller.py, which passes boto3's own clients and session to the migrated library."""
    assert _new(checked, checker) == set()


@pytest.mark.typing
def test_a_streaming_body_annotation_still_holds(
    checked: dict[str, dict[str, set[tuple[str, str]]]], copies: Copies
) -> None:
    """`body: StreamingBody = response["Body"]` (botocore.response's) holds after the move: the
    annotation is the package's StreamingBody, the type of botocore's body (pyright refused
    the package's body in botocore's class before)."""
    assert not any("StreamingBody" in message for _, message in _new(checked, "pyright") | _new(checked, "mypy"))
    blobs = (copies.after / "archivist" / "blobs.py").read_text()
    assert "from aws_typed import ClientError, StreamingBody, s3\n" in blobs and "botocore" not in blobs
    assert '    body: StreamingBody = response["Body"]\n' in blobs


def test_imports_sorted_as_ruff_sorts_them(copies: Copies) -> None:
    done = subprocess.run(
        [str(BIN / "ruff"), "check", "--select", "I", "--no-cache", "."],
        cwd=copies.after,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout


LAZY = """\
import importlib, sys, types
package = types.ModuleType("archivist")
package.__path__ = ["archivist"]  # notify.py and settings.py alone, not the package's __init__
sys.modules["archivist"] = package
importlib.import_module("archivist.notify")
print(sorted(m for m in ("boto3", "botocore", "aws_typed") if m in sys.modules))
"""


def test_a_lazy_import_stays_lazy(copies: Copies) -> None:
    """notify.py imports boto3 only when a message is sent: importing it loads neither boto3
    nor the package, before and after."""
    for directory in (copies.before, copies.after):
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(directory), str(GENERATED)]))
        done = subprocess.run(
            [sys.executable, "-c", LAZY],
            cwd=directory,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert (done.returncode, done.stdout) == (0, "[]\n"), done.stderr
    assert (
        "    # importing boto3 inside the function for cold-start performance\n    from aws_typed import sqs\n"
        in (copies.after / "archivist" / "notify.py").read_text()
    )


def test_a_second_run_changes_nothing(copies: Copies) -> None:
    again = botoloom("migrate", "--library", "--check", "--output", str(GENERATED), "archivist", cwd=copies.after)
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout.splitlines() == [
        "services found: dynamodb s3 sqs",
        "0 files would be rewritten, 7 unchanged",
    ]


@pytest.mark.typing
def test_without_library_mode_the_caller_is_rejected(copies: Copies, tmp_path: Path) -> None:
    """What --library is for: pyright infers boto3.client(...)'s type from boto3's source (not
    Any), and a parameter typed with the package's class alone rejects it."""
    plain = tmp_path / "plain"
    shutil.copytree(copies.before, plain)
    run = botoloom("migrate", "--output", str(GENERATED), "archivist", cwd=plain)
    assert run.returncode == 0, run.stderr
    config = tmp_path / "pyrightconfig.json"
    config.write_text(
        json.dumps({"extraPaths": [str(GENERATED)], "pythonVersion": "3.11", "typeCheckingMode": "standard"})
    )
    rejected = {message.split(" in function")[0] for file, message in _pyright(plain, config) if file == "caller.py"}
    assert rejected == {
        'Argument of type "_ | Unknown" cannot be assigned to parameter "s3_client" of type "S3Client | None"',
        'Argument of type "_ | Unknown" cannot be assigned to parameter "sqs_client" of type "SQSClient | None"',
    }
