"""Completion latency after `client.` on variants of a generated package (issue #28's diagnosis).

Each variant is a directory holding a package `aws_typed` (a copy of botoloom's output, edited by
hand for the experiment) or the word `boto3-stubs`.  A run: a fresh `pyright-langserver --stdio`
on a one-file project (src/app.py: `client = s3.client()` then `client.`, the package in src/),
didOpen, its diagnostics awaited (untimed), then completion at the end of `client.` timed twice
(first = cold, second = the same request again).  Rounds interleave the variants.

    .venv/bin/python bench/completion_probe.py [--runs N] VARIANT_DIR|boto3-stubs ...

The projects use the Python environments of bench/project.py's projects (bench/.work/project).

Found with it (issue #28): the first completion after `client.` pays for evaluating every overload of
every decorated method, because pyright's completion provider calls getTypeOfFunction on each member
whose last declaration is a decorated method (to tell a property from a method: the item's kind).
s3's generate_presigned_url has 112 overloads over 109 request TypedDicts: 528 ms -> 96 ms once they
move to a Protocol's __call__ (`generate_presigned_url: _GeneratePresignedUrl`), boto3-stubs 217 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.editor.lsp import Server  # noqa: E402

PROJECTS = ROOT / "bench" / ".work" / "project"
WORK = Path("/tmp/completion_probe")
APPS = {
    "botoloom": "from aws_typed import s3\n\nclient = s3.client()\nclient.",
    "boto3-stubs": 'import boto3\n\nclient = boto3.client("s3")\nclient.',
}


def make(variant: str) -> tuple[Path, str]:
    """The project directory for `variant` and the server command."""
    stubs = variant == "boto3-stubs"
    env = PROJECTS / ("boto3-stubs" if stubs else "in-source")
    where = WORK / (variant if stubs else Path(variant).resolve().as_posix().strip("/").replace("/", "_"))
    shutil.rmtree(where, ignore_errors=True)
    (where / "src").mkdir(parents=True)
    toml = f'[project]\nname = "app"\nversion = "0"\n\n[tool.pyright]\nvenvPath = "{env}"\nvenv = ".venv"\n'
    (where / "pyproject.toml").write_text(toml)
    (where / "src" / "app.py").write_text(APPS["boto3-stubs" if stubs else "botoloom"])
    if not stubs:
        shutil.copytree(Path(variant) / "aws_typed", where / "src" / "aws_typed")
    return where, str(env / ".venv" / "bin" / "pyright-langserver")


def one_run(where: Path, command: str) -> tuple[float, float, int]:
    app = where / "src" / "app.py"
    server = Server([command, "--stdio"], where)
    try:
        server.open(app)
        server.diagnostics(app)
        line = app.read_text().count("\n")
        at = (line, len("client."))
        start = time.perf_counter()
        labels = server.completion(app, *at)
        first = time.perf_counter() - start
        start = time.perf_counter()
        server.completion(app, *at)
        second = time.perf_counter() - start
    finally:
        server.close()
    if "put_object" not in labels:
        raise SystemExit(f"completion_probe: {where}: no put_object in {labels[:20]}")
    return first, second, len(labels)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("variants", nargs="+")
    args = parser.parse_args()
    made = [(v, *make(v)) for v in args.variants]
    results: dict[str, list[tuple[float, float, int]]] = {v: [] for v in args.variants}
    for i in range(args.runs):
        for variant, where, command in made if i % 2 == 0 else list(reversed(made)):
            results[variant].append(one_run(where, command))
    for variant, got in results.items():
        firsts = sorted(r[0] * 1000 for r in got)
        seconds = sorted(r[1] * 1000 for r in got)
        print(
            f"{variant}: items {got[0][2]}; first {statistics.median(firsts):.0f} ms"
            f" ({firsts[0]:.0f}-{firsts[-1]:.0f}); again {statistics.median(seconds):.0f} ms"
            f" ({seconds[0]:.0f}-{seconds[-1]:.0f})"
        )


if __name__ == "__main__":
    main()
