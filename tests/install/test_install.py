"""`botoloom install` into real virtual environments: a distribution pip knows (show, list,
freeze, uninstall removes every file), importable and type-checked from site-packages,
generated from the target's own botocore, a no-op when nothing changed, an upgrade reported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import NEWER, OTHER, PINNED, install_into, make_venv, run_botoloom

pytestmark = pytest.mark.slow

VERSION_OF = "import importlib.metadata as m; print(m.version('aws_typed'))"


def pip(python: Path, *args: str) -> str:
    result = subprocess.run([str(python), "-m", "pip", *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def installed(python: Path) -> str:
    return subprocess.run([str(python), "-I", "-c", VERSION_OF], capture_output=True, text=True).stdout.strip()


def files(venv: Path) -> set[str]:
    """Every file of the environment, compiled files aside (importing writes them)."""
    return {str(p.relative_to(venv)) for p in venv.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_pip_knows_the_package_and_uninstall_removes_every_file(pinned_env: Path, cache: Path) -> None:
    venv = pinned_env.parent.parent
    pip(pinned_env, "uninstall", "--yes", "aws_typed")  # whatever another test installed
    before = files(venv)
    ok(run_botoloom("install", "--python", str(pinned_env), "--services", "sts", "sqs", cache=cache))
    show = pip(pinned_env, "show", "--files", "aws_typed")
    assert f"Version: 0.1.0+botocore.{PINNED}" in show
    assert "aws_typed/py.typed" in show and "aws_typed/sqs/client.pyi" in show
    assert ".botoloom-cache" not in show and ".lock" not in show
    assert f"aws_typed==0.1.0+botocore.{PINNED}" in pip(pinned_env, "freeze").splitlines()
    assert "aws_typed" in pip(pinned_env, "list")
    ok(
        subprocess.run(
            [str(pinned_env), "-I", "-c", "import aws_typed.sts, aws_typed.sqs"], capture_output=True, text=True
        )
    )
    site = next(Path(p) for p in (venv / "lib").glob("python*/site-packages"))
    new = {str((venv / name).relative_to(site)).split("/")[0] for name in files(venv) - before}
    assert new == {"aws_typed", f"aws_typed-0.1.0+botocore.{PINNED}.dist-info"}  # nothing of botoloom's own
    pip(pinned_env, "uninstall", "--yes", "aws_typed")
    after = files(venv)
    assert after == before
    assert not [p for p in venv.rglob("*aws_typed*")]


GOOD = """\
from aws_typed import sts

def account() -> str:
    return sts.client(region_name="us-east-1").get_caller_identity()["Account"]
"""
BAD = GOOD.replace('["Account"]', '["Acount"]')


def test_the_installed_package_type_checks_from_site_packages(pinned_env: Path, cache: Path, tmp_path: Path) -> None:
    ok(run_botoloom("install", "--python", str(pinned_env), "--services", "sts", cache=cache))
    mypy = Path(sys.executable).parent / "mypy"
    for name, text in (("good.py", GOOD), ("bad.py", BAD)):
        (tmp_path / name).write_text(text)
    command = [str(mypy), "--strict", "--no-incremental", "--python-executable", str(pinned_env)]
    good = subprocess.run([*command, "good.py"], capture_output=True, text=True, cwd=tmp_path)
    assert good.returncode == 0, good.stdout
    bad = subprocess.run([*command, "bad.py"], capture_output=True, text=True, cwd=tmp_path)
    assert bad.returncode == 1 and '"Acount"' in bad.stdout, bad.stdout


def test_a_rerun_is_a_no_op_and_check_says_current(pinned_env: Path, cache: Path) -> None:
    args = ("install", "--python", str(pinned_env), "--services", "sts")
    ok(run_botoloom(*args, cache=cache))
    site = next((pinned_env.parent.parent / "lib").glob("python*/site-packages"))
    stamps = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.glob("aws_typed*/**/*") if p.is_file()}
    again = ok(run_botoloom(*args, cache=cache))
    assert "is unchanged" in again
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.glob("aws_typed*/**/*") if p.is_file()} == stamps
    assert "up to date" in ok(run_botoloom(*args, "--check", cache=cache))
    more = run_botoloom("install", "--python", str(pinned_env), "--services", "sts", "sqs", "--check", cache=cache)
    assert more.returncode == 1 and "services differ (to add: sqs" in more.stderr
    project = cache / "project"  # without --services: [tool.botoloom] of the nearest pyproject.toml
    (project / "src").mkdir(parents=True, exist_ok=True)
    (project / "pyproject.toml").write_text('[tool.botoloom]\nservices = ["sts"]\noutput = "src"\n')
    assert "up to date" in ok(run_botoloom("install", "--python", str(pinned_env), "--check", cache=cache, cwd=project))
    assert not list((project / "src").iterdir())  # output is for the main command: install writes no file there


def test_each_environment_gets_the_package_of_its_own_botocore(pinned_env: Path, other_env: Path, cache: Path) -> None:
    """account-access is a service of the newer botocore only: botoloom (itself on PINNED)
    generates it for the environment that has it, and refuses it for the one that does not."""
    ok(run_botoloom("install", "--python", str(other_env), "--services", "account-access", "sts", cache=cache))
    assert installed(other_env) == f"0.1.0+botocore.{OTHER}"
    header = next((other_env.parent.parent / "lib").glob("python*/site-packages/aws_typed/account_access/client.py"))
    assert f"botocore {OTHER}" in header.read_text()[:2000]
    refused = run_botoloom("install", "--python", str(pinned_env), "--services", "account-access", cache=cache)
    assert refused.returncode == 2 and "unknown service 'account-access'" in refused.stderr
    ok(run_botoloom("install", "--python", str(pinned_env), "--services", "sts", cache=cache))
    assert installed(pinned_env) == f"0.1.0+botocore.{PINNED}" != installed(other_env)


def test_the_active_virtual_environment_is_the_default_target(other_env: Path, cache: Path) -> None:
    venv = other_env.parent.parent
    out = ok(run_botoloom("install", "--services", "sqs", cache=cache, env={"VIRTUAL_ENV": str(venv)}))
    assert f"into {venv}" in out
    assert installed(other_env) == f"0.1.0+botocore.{OTHER}"
    show = pip(other_env, "show", "--files", "aws_typed")
    assert "aws_typed/sqs/client.py" in show and "aws_typed/sts" not in show


def test_an_upgraded_botocore_is_reported_and_installed(tmp_path: Path, cache: Path) -> None:
    python = make_venv(tmp_path / "venv", OTHER)
    args = ("install", "--python", str(python), "--services", "sts")
    ok(run_botoloom(*args, cache=cache))
    assert run_botoloom(*args, "--check", cache=cache).returncode == 0
    install_into(python, f"botocore=={NEWER}", f"boto3=={NEWER}")
    stale = run_botoloom(*args, "--check", cache=cache)
    assert stale.returncode == 1
    assert f"generated from botocore {OTHER}, the environment has botocore {NEWER}" in stale.stderr
    ok(run_botoloom(*args, cache=cache))
    assert installed(python) == f"0.1.0+botocore.{NEWER}"
    assert run_botoloom(*args, "--check", cache=cache).returncode == 0


def test_build_writes_the_same_wheel_every_time(pinned_env: Path, cache: Path, tmp_path: Path) -> None:
    import zipfile

    made = []
    for out in ("one", "two"):
        ok(
            run_botoloom(
                "build", "--python", str(pinned_env), "--services", "sts", "--output", str(tmp_path / out), cache=cache
            )
        )
        (wheel,) = (tmp_path / out).glob("*.whl")
        made.append(wheel)
    assert made[0].name == f"aws_typed-0.1.0+botocore.{PINNED}-py3-none-any.whl"
    assert made[0].read_bytes() == made[1].read_bytes()
    names = zipfile.ZipFile(made[0]).namelist()
    info = f"aws_typed-0.1.0+botocore.{PINNED}.dist-info"
    assert {f"{info}/METADATA", f"{info}/WHEEL", f"{info}/RECORD", "aws_typed/py.typed"} <= set(names)
    assert not [n for n in names if ".botoloom-cache" in n or n.endswith(".lock")]
    package = [n for n in names if n.startswith("aws_typed/")]
    assert package == sorted(package) and names[-1] == f"{info}/RECORD"
    assert not list(tmp_path.glob("*/.botoloom*")) and not (cache / "aws_typed").exists()


def test_bad_targets_get_one_line_and_exit_2(tmp_path: Path, cache: Path) -> None:
    bare = make_venv(tmp_path / "bare", None, pip=False)
    text = tmp_path / "notes.txt"
    text.write_text("not python\n")
    text.chmod(0o755)
    cases = {
        str(tmp_path / "missing" / "python"): "no such file",
        str(tmp_path): "not an executable Python interpreter",
        str(text): "cannot run it as Python",
        "/bin/true": "not a Python 3 interpreter",
        str(bare): "has no botocore",
    }
    old = sorted(Path.home().glob(".pyenv/versions/3.9*/bin/python3.9"))  # where the machine has one
    if old:
        cases[str(old[-1])] = "needs Python 3.10 or newer"
    for python, message in cases.items():
        result = run_botoloom("install", "--python", python, "--services", "sts", cache=cache)
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    install_into(bare, f"botocore=={PINNED}", f"boto3=={PINNED}")
    no_pip = run_botoloom("install", "--python", str(bare), "--services", "sts", cache=cache)
    assert no_pip.returncode == 2 and no_pip.stderr.count("\n") == 1 and "has no pip" in no_pip.stderr
    typo = run_botoloom("install", "--python", str(bare), "--services", "s4", "--check", cache=cache)
    assert typo.returncode == 2 and "unknown service 's4' (did you mean s3" in typo.stderr


def test_a_project_pin_refuses_an_environment_with_another_botocore(
    other_env: Path, cache: Path, tmp_path: Path
) -> None:
    """[tool.botoloom] botocore (README "Using it in a build step") holds for install too:
    one line, exit 2, nothing installed, even where a no-op would otherwise answer."""
    (tmp_path / "pyproject.toml").write_text(f'[tool.botoloom]\nservices = ["sts"]\nbotocore = "=={PINNED}"\n')
    before = installed(other_env)  # what other tests of this module left there
    result = run_botoloom("install", "--python", str(other_env), cache=cache, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("botoloom: error: ") and f"this environment has botocore {OTHER}" in line
    assert installed(other_env) == before
