"""Type-check a directory of boto3 code (e.g. a copy of AWS's Python examples) in several
environments and list the errors each one adds to a baseline environment.

    python tools/examples_check.py EXAMPLES --env bare=/tmp/v-bare/bin/python \\
        --env sound=/tmp/v-sound/bin/python --env present=/tmp/v-present/bin/python

EXAMPLES is read, never written.  The first --env is the baseline: boto3 without types,
where every boto3 value is Any; an error another environment reports beyond it (same file,
line and message) comes from the types installed there (`botoloom install --stubs`, with or
without `--outputs present`, or boto3-stubs).  mypy --strict and pyright (standard mode)
run from this interpreter's environment against each environment's site-packages; every
directory under EXAMPLES is on the search path (the examples import their neighbours).
Classify what is listed by hand: false positive, sound optionality, or a real bug.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

BIN = Path(sys.executable).parent
_MYPY_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: (?P<message>.*?)(?:  \[(?P<code>[a-z-]+)\])?$")

Error = tuple[str, int, str, str]  # file (relative), line, checker, message


def _sources(examples: Path) -> tuple[list[Path], list[Path]]:
    files = sorted(p for p in examples.rglob("*.py") if p.is_file())
    dirs = sorted({p.parent for p in files})
    return files, dirs


def mypy_errors(examples: Path, python: str, work: Path) -> set[Error]:
    files, dirs = _sources(examples)
    config = work / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    run = subprocess.run(
        [
            str(BIN / "mypy"), "--strict", "--config-file", str(config),
            "--python-executable", python, "--cache-dir", str(work / "mypy-cache"),
            "--no-color-output", "--no-error-summary", "--show-absolute-path", *map(str, files),
        ],
        env={"MYPYPATH": ":".join(map(str, dirs)), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )  # fmt: skip
    found = set()
    for line in run.stdout.splitlines():
        match = _MYPY_LINE.match(line)
        if match:
            rel = str(Path(match["file"]).resolve().relative_to(examples.resolve()))
            found.add((rel, int(match["line"]), "mypy", match["message"]))
    return found


def pyright_errors(examples: Path, python: str, work: Path) -> set[Error]:
    _, dirs = _sources(examples)
    config = work / "pyrightconfig.json"
    settings = {"extraPaths": list(map(str, dirs)), "typeCheckingMode": "standard"}
    config.write_text(json.dumps(settings), encoding="utf-8")
    run = subprocess.run(
        [str(BIN / "pyright"), "--outputjson", "--project", str(config), "--pythonpath", python, str(examples)],
        capture_output=True,
        text=True,
    )
    found = set()
    for item in json.loads(run.stdout).get("generalDiagnostics", []):
        if item["severity"] == "error":
            rel = str(Path(item["file"]).resolve().relative_to(examples.resolve()))
            message = item["message"].splitlines()[-1].strip()
            found.add((rel, item["range"]["start"]["line"] + 1, "pyright", message))
    return found


def errors(examples: Path, python: str) -> set[Error]:
    with tempfile.TemporaryDirectory() as tmp:
        return mypy_errors(examples, python, Path(tmp)) | pyright_errors(examples, python, Path(tmp))


def report(name: str, added: Iterable[Error]) -> None:
    rows = sorted(added)
    for checker in ("mypy", "pyright"):
        mine = [r for r in rows if r[2] == checker]
        print(f"== {name}: {len(mine)} {checker} errors beyond the baseline")
        for file, line, _, message in mine:
            print(f"   {file}:{line}: {message[:220]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("examples", type=Path)
    parser.add_argument("--env", action="append", required=True, metavar="NAME=PYTHON")
    args = parser.parse_args(argv)
    envs = [tuple(item.split("=", 1)) for item in args.env]
    if not args.examples.is_dir() or any(len(e) != 2 for e in envs):
        parser.error("want an examples directory and --env NAME=PYTHON (the first is the baseline)")
    (base_name, base_python), *others = envs
    baseline = errors(args.examples, base_python)
    print(f"== {base_name} (baseline): {len(baseline)} errors")
    for name, python in others:
        report(name, errors(args.examples, python) - baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
