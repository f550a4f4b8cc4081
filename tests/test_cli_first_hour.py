"""A new user's first hour with the command line (issue 29): what botoloom says when botocore
is missing, what --help shows, and the stumbles of a first run (a typo in --output, a narrower
run over a wider package, a stale or missing package under --check, aiobotocore's botocore pin)."""

from __future__ import annotations

import subprocess
import sys
import venv
from importlib import metadata
from pathlib import Path

import pytest

from .helpers import REPO, botoloom

# Runs the command line with the named top-level modules not importable, as in an environment
# where they are not installed: a meta path finder that finds them nowhere.
BLOCKED_RUN = """
import sys

BLOCKED = set(sys.argv[1].split(","))


class NotInstalled:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, NotInstalled())
sys.argv[0:2] = ["botoloom"]
from generator.app.cli import main

sys.exit(main())
"""


def without(modules: str, *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCKED_RUN, modules, *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("botoloom: error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with nothing installed (no botocore, no boto3, no metadata of them)."""
    where = tmp_path_factory.mktemp("bare") / "venv"
    venv.EnvBuilder(with_pip=False).create(where)
    return where / "bin" / "python"


def test_version_without_botocore_installed(bare_python: Path) -> None:
    result = subprocess.run(
        [str(bare_python), "-m", "generator", "--version"], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "botoloom 0.1.0 (botocore not installed)"


def test_version_names_the_installed_botocore() -> None:
    import botocore

    result = botoloom("--version")
    assert result.stdout.strip() == f"botoloom 0.1.0 (botocore {botocore.__version__} installed)"


def test_generation_without_botocore_is_one_line(bare_python: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(bare_python), "-m", "generator", "--services", "s3", "--output", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    one_line_error(result, "botoloom needs botocore", "pip install botocore", str(bare_python))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("blocked", ["botocore", "boto3", "botocore,boto3"])
@pytest.mark.parametrize(
    "args",
    [["--services", "s3", "--output", "OUT"], ["--list-services"], ["migrate", "--check", "SRC"]],
    ids=["generate", "list", "migrate"],
)
def test_missing_botocore_or_boto3_is_one_line(blocked: str, args: list[str], tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text('import boto3\n\nboto3.client("s3")\n')
    argv = [{"OUT": str(tmp_path / "out"), "SRC": str(tmp_path / "src")}.get(a, a) for a in args]
    result = without(blocked, *argv)
    one_line_error(result, "botoloom needs ", " -m pip install ")
    named = result.stderr.split("botoloom needs ")[1].split(",")[0]
    assert named in blocked.split(",")
    assert f"-m pip install {named}`" in result.stderr
    assert not (tmp_path / "out").exists()


def test_help_names_every_command() -> None:
    result = botoloom("--help")
    assert result.returncode == 0
    for command in ("migrate PATH", "install --services", "build --services"):
        assert f"botoloom {command}" in result.stdout
    for command in ("migrate", "install", "build"):
        sub = botoloom(command, "--help")
        assert sub.returncode == 0 and f"usage: botoloom {command}" in sub.stdout


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_narrower_run_names_what_it_would_remove_and_needs_prune(tmp_path: Path) -> None:
    package = tmp_path / "aws_typed"
    assert botoloom("--services", "sqs", "sns", "--aio", "--output", str(tmp_path), "--quiet").returncode == 0
    before = snapshot(tmp_path)
    narrower = botoloom("--services", "sqs", "--output", str(tmp_path))
    one_line_error(narrower, "would remove 1 service(s) (sns) and the aio modules", "--prune", "--aio")
    still = botoloom("--services", "sqs", "--aio", "--output", str(tmp_path))
    one_line_error(still, "would remove 1 service(s) (sns) from", "name them in --services")
    assert "aio" not in still.stderr
    assert snapshot(tmp_path) == before
    pruned = botoloom("--services", "sqs", "--prune", "--output", str(tmp_path))
    assert pruned.returncode == 0, pruned.stderr
    assert "botoloom: removing 1 service(s) (sns) and the aio modules from" in pruned.stderr
    assert not (package / "sns").exists() and not (package / "sqs" / "aio.py").exists()
    assert (package / "sqs" / "client.py").is_file()


def test_wider_run_and_same_run_need_no_prune(tmp_path: Path) -> None:
    assert botoloom("--services", "sqs", "--output", str(tmp_path), "--quiet").returncode == 0
    wider = botoloom("--services", "sqs", "sns", "--aio", "--output", str(tmp_path))
    assert wider.returncode == 0 and "removing" not in wider.stderr, wider.stderr


def test_run_driven_by_pyproject_removes_what_the_list_dropped_and_names_it(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    pyproject = project / "pyproject.toml"
    pyproject.write_text('[tool.botoloom]\nservices = ["sqs", "sns"]\noutput = "src"\n')
    (project / "src").mkdir()
    assert botoloom("--quiet", cwd=project).returncode == 0
    pyproject.write_text('[tool.botoloom]\nservices = ["sqs"]\noutput = "src"\n')
    result = botoloom(cwd=project)
    assert result.returncode == 0, result.stderr
    assert "botoloom: removing 1 service(s) (sns) from" in result.stderr
    assert not (project / "src" / "aws_typed" / "sns").exists()


def test_check_of_a_missing_package_says_missing(tmp_path: Path) -> None:
    result = botoloom("--services", "s3", "--output", str(tmp_path / "src"), "--check")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"botoloom: {tmp_path / 'src' / 'aws_typed'} is missing: nothing was generated there; "
        f"run `botoloom --services s3 --output {tmp_path / 'src'}` to generate it"
    ]


def test_check_summary_comes_first_and_the_diff_is_bounded(tmp_path: Path) -> None:
    assert botoloom("--services", "sqs", "--output", str(tmp_path), "--quiet").returncode == 0
    client = tmp_path / "aws_typed" / "sqs" / "client.py"
    client.write_text(client.read_text() + "# edited\n")
    args = [sys.executable, "-m", "generator", "--services", "sqs", "sns", "--output", str(tmp_path), "--check"]
    both = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO, check=False)
    assert both.returncode == 1
    lines = both.stdout.splitlines()
    summary = next(i for i, line in enumerate(lines) if "differ from what would be generated" in line)
    assert summary < next(i for i, line in enumerate(lines) if line.startswith("--- a/"))
    assert "(4 changed, 14 new)" in lines[summary], lines[summary]
    assert "botoloom:   changed   sqs/client.py" in lines
    assert "botoloom:   new       sns/client.py" in lines
    rerun = f"botoloom: run `botoloom --services sqs sns --output {tmp_path}` to regenerate it; add --diff to see the whole diff"
    assert rerun in lines
    assert "-# edited" in lines  # the hand edit is in the bounded diff
    assert len(lines) < 400, len(lines)
    full = botoloom("--services", "sqs", "sns", "--output", str(tmp_path), "--check", "--diff")
    assert full.returncode == 1 and "more lines of this diff" not in full.stdout
    assert full.stdout.count("\n+++ b/sns/") == 14 and len(full.stdout.splitlines()) > 2000
    one_line_error(botoloom("--services", "sqs", "--output", str(tmp_path), "--diff"), "use it with --check")


def test_output_with_a_missing_parent_is_refused(tmp_path: Path) -> None:
    typo = tmp_path / "scr" / "generated"
    result = botoloom("--services", "sqs", "--output", str(typo))
    one_line_error(result, f"{tmp_path / 'scr'} does not exist", "--parents")
    assert list(tmp_path.iterdir()) == []
    made = botoloom("--services", "sqs", "--output", str(typo), "--parents")
    assert made.returncode == 0, made.stderr
    assert f"botoloom: creating {typo / 'aws_typed'}" in made.stderr.splitlines()
    assert (typo / "aws_typed" / "sqs" / "client.py").is_file()
    again = botoloom("--services", "sqs", "--output", str(typo))
    assert again.returncode == 0 and "creating" not in again.stderr


def test_aio_names_aiobotocore_and_the_botocore_range_it_supports() -> None:
    """With the real installed aiobotocore's metadata: no word for the botocore it supports,
    one line for one it excludes."""
    import botocore
    from packaging.requirements import Requirement

    from generator.app.aio_check import mismatch

    aio = metadata.distribution("aiobotocore")
    pin = next(r for r in map(Requirement, aio.requires or []) if r.name == "botocore" and r.marker is None)
    assert pin.specifier.contains(botocore.__version__)
    assert mismatch(botocore.__version__) is None
    line = mismatch("1.99.0")
    assert line is not None and "\n" not in line
    lower = next(s for s in pin.specifier if s.operator.startswith(">"))
    upper = next(s for s in pin.specifier if s.operator.startswith("<"))
    assert f"aiobotocore {aio.version} (installed) supports botocore {lower},{upper}" in line
    assert "generated from botocore 1.99.0" in line and f"pip install 'botocore{lower},{upper}'" in line


def test_aio_run_warns_when_aiobotocore_excludes_the_installed_botocore(tmp_path: Path) -> None:
    """The issue's case, aiobotocore 3.10.0 (botocore >=1.43.115,<1.43.118) beside an older
    botocore: a dist-info of it first on sys.path is the aiobotocore importlib.metadata finds."""
    import botocore

    site = tmp_path / "site"
    info = site / "aiobotocore-3.10.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: aiobotocore\nVersion: 3.10.0\n"
        "Requires-Dist: aiohttp<4.0.0,>=3.14.0\nRequires-Dist: botocore<1.43.118,>=1.43.115\n"
        "Requires-Dist: httpx<0.29,>=0.25.1; extra == 'httpx'\n"
    )
    env = {"PYTHONPATH": str(site)}
    result = botoloom("--services", "sqs", "--aio", "--quiet", "--output", str(tmp_path), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"botoloom: warning: aiobotocore 3.10.0 (installed) supports botocore >=1.43.115,<1.43.118, but the aio "
        f"modules are generated from botocore {botocore.__version__}: install a botocore it supports "
        f"(pip install 'botocore>=1.43.115,<1.43.118') and regenerate, or an aiobotocore release that supports "
        f"botocore {botocore.__version__}"
    ]
    without_aio = botoloom("--services", "sqs", "--quiet", "--output", str(tmp_path / "sync"), env=env)
    assert without_aio.returncode == 0 and without_aio.stderr == ""
    supported = botoloom("--services", "sqs", "--aio", "--quiet", "--output", str(tmp_path))
    assert supported.returncode == 0 and supported.stderr == ""
