"""The README's "First hour" walkthrough, run as written (issue 29): its files are written,
its commands run in order in a fresh directory, the outputs it shows are checked, and so is
the mistake at the end, under mypy and pyright.

Only the install step is replaced: the virtual environment and `pip install` (from git, with
mypy, pyright and pytest) become botoloom's own development environment, which holds the
same four. The walkthrough's install line is still checked for its form."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from .helpers import BIN, REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
TITLE = "## First hour: "
INSTALL = ("python -m venv ", "pip install ")
CHECKED = ("pytest", "mypy", "pyright", "botoloom --check")  # their `# comment` is their output


def section() -> str:
    start = README.index(TITLE)
    end = README.find("\n## ", start + 1)
    return README[start:end]


def blocks() -> list[tuple[str, str]]:
    return [(m[1], m[2]) for m in re.finditer(r"^```(\w+)\n(.*?)^```", section(), re.S | re.M)]


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(BIN.parent)
    return env


def run(command: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    """`command` in bash at `cwd`; the result and the directory it ended in (for `cd`)."""
    script = f"{command}\nstatus=$?\npwd > {cwd}/.cwd-after\nexit $status"
    result = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, cwd=cwd, env=environment(), check=False
    )
    after = Path((cwd / ".cwd-after").read_text().strip())
    (cwd / ".cwd-after").unlink()
    return result, after


def expected(comment: str, output: str) -> None:
    """The walkthrough's `# output` comment, "..." standing for any text."""
    parts = [p.strip() for p in comment.split("...") if p.strip()]
    for part in parts:
        assert part in output, (comment, output[-3000:])


def check_install_line(line: str) -> None:
    spec = re.match(r'pip install "([^"]+)" (.*)', line)
    assert spec, line
    url = spec[1].replace("<botoloom repository URL>", "https://example.invalid/botoloom.git")
    requirement = Requirement(url.replace("<commit>", "0" * 40))
    assert requirement.name == "botoloom" and (requirement.url or "").startswith("git+")
    assert spec[2].split() == ["mypy", "pyright", "pytest"]
    for tool in spec[2].split() + ["botoloom"]:
        assert (BIN / tool).exists(), f"the development environment has no {tool}"


@pytest.mark.typing
def test_first_hour_walkthrough(tmp_path: Path) -> None:
    cwd = tmp_path
    mistake = None
    for language, text in blocks():
        if language in ("toml", "python"):
            first = text.splitlines()[0]
            assert first.startswith("# "), f"a file block starts with `# <path>`: {first}"
            (cwd / first[2:].strip()).write_text(text)
        elif language == "sh":
            for line in text.splitlines():
                command, _, comment = line.partition("  #")
                command = command.strip()
                if command.startswith("pip install "):
                    check_install_line(command)
                if not command or command.startswith(INSTALL) or command.startswith(". .venv"):
                    continue
                result, cwd = run(command, cwd)
                output = result.stdout + result.stderr
                assert result.returncode == 0, (command, output[-3000:])
                if command.startswith(CHECKED) and comment.strip():
                    expected(comment.strip(), output)
        elif language == "text":
            mistake = text
    assert mistake is not None and (cwd / "app.py").is_file()
    written = re.search(r'write `(MaxNumberOfMessages="10")`', section())
    assert written, "the walkthrough's mistake"
    app = cwd / "app.py"
    app.write_text(app.read_text().replace("MaxNumberOfMessages=10", written[1]))
    for command, said in re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)+)", mistake, re.M):
        result, _ = run(command, cwd)
        assert result.returncode != 0, command
        for line in said.strip().splitlines():
            expected(line.strip(), result.stdout)
