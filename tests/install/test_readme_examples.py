"""Every Python example of the README type-checks after the README's own two commands (issue
24, item 3): a fresh virtual environment with botocore/boto3 (and aiobotocore for the aio
example), `botoloom install` with the flags the README's "Quickstart" leads with (and
the "Async" section's for the aio example), then `mypy --strict` and pyright over the
examples as written, in a directory with no configuration at all: no MYPYPATH, no
`extraPaths`, no override for boto3, botocore or aiobotocore.

How the README's blocks are read:

* a block whose first line is `# NAME.py` is written to that file (the first-hour app and its
  tests, which import it); any other block to a file of its own;
* a block without an import continues the block before it (the same file), as the README
  reads it (`client` of the example above);
* a line whose comment starts with `error` or `type error` must get an error from both
  checkers, one whose comment starts with `pyright:` from pyright only; no other line may;
* `<!-- readme-check: skip REASON -->` right before a block leaves it out (a fragment).
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from ..helpers import REPO
from .conftest import PINNED, install_into, make_venv, run_botoloom

pytestmark = pytest.mark.slow

README = (REPO / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"(?P<skip><!-- readme-check: skip[^>]*-->\n)?^```python\n(?P<body>.*?)^```", re.S | re.M)
BOTH = re.compile(r"#\s*(?:type\s+)?error\b")
PYRIGHT = re.compile(r"#\s*pyright:")
AIO = re.compile(r"\s*(from|import)\s+(aiobotocore|\S+ import aio\b)")


def section(title: str) -> str:
    start = README.index(f"\n## {title}")
    return README[start : README.find("\n## ", start + 1)]


def install_flags(title: str) -> list[str]:
    """The flags of the first `botoloom install ...` line of the README section `title`."""
    found = re.search(r"^botoloom install (?P<flags>[^#\n]*)", section(title), re.M)
    assert found, f"the README's {title!r} section has no `botoloom install` line"
    return found["flags"].split()


def examples(text: str) -> dict[str, list[str]]:
    """File name -> its lines, from the python blocks of `text` (module docstring)."""
    files: dict[str, list[str]] = {}
    last = None
    for match in FENCE.finditer(text):
        if match["skip"]:
            continue
        lines = match["body"].splitlines()
        first = re.fullmatch(r"# (?P<name>[\w/]+\.py)", lines[0].strip()) if lines else None
        has_import = any(re.match(r"\s*(from|import)\s", line) for line in lines)
        if first:
            last = first["name"]
        elif has_import or last is None:
            last = f"readme_{README[: match.start()].count(chr(10)) + 1}.py"
        files.setdefault(last, []).extend(lines)
    return files


def expected(lines: list[str], tool: str) -> set[int]:
    marked = {n for n, line in enumerate(lines, 1) if BOTH.search(line)}
    if tool == "pyright":
        marked |= {n for n, line in enumerate(lines, 1) if PYRIGHT.search(line)}
    return marked


def reported(tool: str, python: Path, where: Path, files: list[str]) -> tuple[dict[str, set[int]], str]:
    exe = str(Path(sys.executable).parent / tool)
    if tool == "mypy":
        command = [exe, "--strict", "--no-incremental", "--python-executable", str(python)]
    else:
        command = [exe, "--pythonpath", str(python)]
    result = subprocess.run([*command, *files], capture_output=True, text=True, cwd=where)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    found: dict[str, set[int]] = {name: set() for name in files}
    for match in re.finditer(
        r"^\s*(?:\S*/)?(?P<file>[\w/]+\.py):(?P<line>\d+):(?:\d+:? -)?\s*error", result.stdout, re.M
    ):
        name = next((f for f in files if match["file"].endswith(f)), match["file"])
        found.setdefault(name, set()).add(int(match["line"]))
    return found, result.stdout


def check(python: Path, where: Path, files: dict[str, list[str]]) -> None:
    for name, lines in files.items():
        (where / name).parent.mkdir(parents=True, exist_ok=True)
        (where / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for tool in ("mypy", "pyright"):
        found, output = reported(tool, python, where, sorted(files))
        want = {name: expected(lines, tool) for name, lines in files.items()}
        assert found == want, f"{tool}:\n{output}"


def test_the_examples_parse_as_the_test_reads_them() -> None:
    files = examples(README)
    assert "app.py" in files and "tests/test_app.py" in files
    assert sum(len(expected(lines, "mypy")) for lines in files.values()) >= 5  # the README's mistakes
    assert any("aiobotocore" in line for lines in files.values() for line in lines)
    assert "--stubs" in install_flags("Quickstart")  # the leading path types `import boto3` too


def test_every_readme_example_type_checks_after_the_two_commands(cache: Path, tmp_path: Path) -> None:
    python = make_venv(tmp_path / "venv", PINNED)
    install_into(python, f"aiobotocore=={version('aiobotocore')}")
    everything = examples(README)
    aio = {name: lines for name, lines in everything.items() if any(AIO.match(line) for line in lines)}
    sync = {name: lines for name, lines in everything.items() if name not in aio}
    done = run_botoloom("install", "--python", str(python), *install_flags("Quickstart"), cache=cache)
    assert done.returncode == 0, done.stdout + done.stderr
    (tmp_path / "sync").mkdir()
    check(python, tmp_path / "sync", sync)
    done = run_botoloom("install", "--python", str(python), *install_flags("Async (aiobotocore)"), cache=cache)
    assert done.returncode == 0, done.stdout + done.stderr
    (tmp_path / "aio").mkdir()
    check(python, tmp_path / "aio", aio)
