"""Unchanged boto3 code, typed two ways (issue 30, must-show 2): `botoloom install --stubs`
against boto3-stubs, with the same services, on the benchmark scripts written for boto3-stubs
(bench/scripts/boto3_stubs: `boto3.client(...)`, `boto3.resource(...)` calls typed by the
stubs of boto3 itself).

The scripts are the peer's, byte for byte, except their annotation imports: `from
mypy_boto3_s3 import S3Client` becomes `from aws_typed.s3 import S3Client` (the names are the
same; code that uses the stubs names its annotations from one of the two packages).  Every
`boto3.client("s3")` and `boto3.resource(...)` stays as written: it is what the stubs type.

Each side is an installed environment with the same mypy and pyright (constraints.txt):
  .work/stubs-env/<setup>: boto3/botocore + `botoloom install --services ... --stubs`
  .peers/<env>:            boto3-stubs for the same services (bench/setup_peers.sh)
mypy --strict with a cold cache and pyright, interleaved (BENCH_RUNS rounds), medians and
spread.  Every command must exit 0 (0 errors) or the bench stops.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from harness import (
    BENCH,
    OURS_BIN,
    PEERS,
    ROOT,
    WORK,
    Case,
    commands,
    compare,
    run_once,
    runs,
    save,
    table,
    write_section,
)
from typecheck import CONFIG, PEER_ENVS, SCRIPTS, SETUPS

PEER_IMPORT = re.compile(r"^from mypy_boto3_(?P<service>\w+?)(?P<sub>\.type_defs)? import", re.M)
MODULES = {"lambda": "lambda_"}  # botocore name -> the package's module name
CHECKS = ("mypy --strict, cold cache", "pyright")


def environment(setup: str) -> Path:
    """A virtual environment with boto3, mypy and pyright as the peer's, and botoloom's
    package and boto3 stubs installed for the setup's services; its bin directory."""
    where = WORK / "stubs-env" / (setup or "main")
    python = where / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
        pins = ["-c", str(ROOT / "constraints.txt"), "mypy", "pyright[nodejs]", "boto3", "botocore"]
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *pins], check=True)
    install = [str(OURS_BIN / "botoloom"), "install", "--python", str(python), "--services", *SETUPS[setup]]
    run_once(Case("install", [*install, "--stubs", "--quiet"]))
    return where / "bin"


def rewrite(text: str) -> str:
    """The peer's script with its annotation imports from the generated package."""
    return PEER_IMPORT.sub(
        lambda m: f"from aws_typed.{MODULES.get(m['service'], m['service'])}{m['sub'] or ''} import", text
    )


def workspace(tool: str, setup: str) -> Path:
    where = WORK / "tc" / (f"{tool}-{setup}" if setup else tool)
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    for file, text in CONFIG.items():
        (where / file).write_text(text)
    for script, (_, wanted) in SCRIPTS.items():
        if wanted == setup:
            text = (BENCH / "scripts" / "boto3_stubs" / script).read_text()
            (where / script).write_text(rewrite(text) if tool == "botoloom-stubs" else text)
    return where


def cases(where: Path, bin_dir: Path, script: str) -> dict[str, Case]:
    cache = where / ".mypy_cache"
    mypy = [str(bin_dir / "mypy"), "--strict", "--cache-dir", ".mypy_cache", script]
    pyright = [str(bin_dir / "pyright"), "--pythonpath", str(bin_dir / "python"), script]
    return {
        CHECKS[0]: Case("", mypy, where, prepare=lambda: shutil.rmtree(cache, ignore_errors=True)),
        CHECKS[1]: Case("", pyright, where),
    }


def main() -> None:
    setups = {}
    for setup in SETUPS:
        ours = environment(setup)
        peer = PEERS / PEER_ENVS[setup] / "bin"
        setups[setup] = {
            "ours": (workspace("botoloom-stubs", setup), ours),
            "peer": (workspace("boto3-stubs", setup), peer),
        }

    def pairs() -> Iterator[tuple[str, str, str, Case, Case]]:
        for script, (title, setup) in SCRIPTS.items():
            per_tool = {tool: cases(where, bin_dir, script) for tool, (where, bin_dir) in setups[setup].items()}
            for check in CHECKS:
                yield script, title, check, per_tool["ours"][check], per_tool["peer"][check]

    n = runs()
    done = compare(pairs(), n, names=("botoloom --stubs", "boto3-stubs"), label="stubs ")
    rows, labelled = done.rows, done.labelled
    metrics = {f"stubs|{key}": value for key, value in done.metrics.items()}
    md = "## Unchanged boto3 code: botoloom's boto3 stubs vs boto3-stubs\n\n"
    md += table(
        [
            "script",
            "checker",
            "runs",
            "botoloom --stubs s",
            "boto3-stubs s",
            "ratio",
            "botoloom --stubs max RSS MB",
            "boto3-stubs max RSS MB",
        ],
        rows,
    )
    md += (
        "\nThe scripts of bench/scripts/boto3_stubs (code written for boto3 with boto3-stubs:"
        ' `boto3.client("s3")`, `boto3.resource(...)`, typed by the stubs of boto3 itself), checked in'
        " two installed environments with the same boto3, mypy and pyright: `botoloom install --services"
        " ... --stubs` (the package and its boto3/botocore stubs in site-packages) and boto3-stubs generated"
        " for the same services (bench/setup_peers.sh). Only the annotation imports differ (`from"
        " mypy_boto3_s3 import S3Client` -> `from aws_typed.s3 import S3Client`). Both exit 0 (0 errors)."
        " Cold = mypy's cache directory removed before each run; each command runs once unmeasured first;"
        " rounds interleaved (A B, B A).\n\n"
    )
    md += commands(labelled)
    save("2b-stubs-typecheck", md, metrics)
    if "--write" in sys.argv:
        write_section(md, "bench/stubs_typecheck.py", n)


if __name__ == "__main__":
    main()
