"""Each type checker's time on the golden package (generated/aws_typed, 13 services).

    python tools/bench_checkers.py [--runs 3] [--checkers mypy,pyright,...]

The package is copied to a temporary directory without the mypy pragma (as `make
typecheck` does, so that mypy checks every body) and each checker runs over
`aws_typed` there, cold (no cache from an earlier run), `--runs` times, one run at a
time.  Prints a Markdown table: command, median and spread (min-max) of the wall time,
peak memory (max RSS) and the errors reported, for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO))

from generator.text import pragma  # noqa: E402

# Each with an explicit empty configuration in the work directory: a mypy.ini or
# pyproject.toml in a parent directory must not change what is measured.
CHECKERS: dict[str, list[str]] = {
    "mypy": ["mypy", "--strict", "--config-file", "{work}/mypy.ini", "--cache-dir", "{cache}", "aws_typed"],
    "pyright": ["pyright", "--project", "{work}/pyrightconfig.json", "aws_typed"],
    "basedpyright": ["basedpyright", "--project", "{work}/pyrightconfig.json", "--level", "error", "aws_typed"],
    "pyrefly": ["pyrefly", "check", "--config", "{work}/pyrefly.toml", "--progress-bar", "no", "aws_typed"],
    "ty": ["ty", "check", "--config-file", "{work}/ty.toml", "--python", sys.executable, "aws_typed"],
}
CONFIGS = {"mypy.ini": "[mypy]\n", "pyrightconfig.json": "{}\n", "pyrefly.toml": "", "ty.toml": ""}
SHOWN = {  # the command as a user types it (in the directory holding aws_typed)
    "mypy": "mypy --strict aws_typed",
    "pyright": "pyright aws_typed",
    "basedpyright": "basedpyright --level error aws_typed",  # default mode: recommended
    "pyrefly": "pyrefly check aws_typed",
    "ty": "ty check aws_typed",
}
_COUNTS = (
    re.compile(r"Found (\d+) errors? in"),  # mypy
    re.compile(r"(\d+) errors?, \d+ warnings?"),  # pyright, basedpyright
    re.compile(r"Found (\d+) diagnostics?"),  # ty
)


def errors(output: str) -> int:
    if "Success: no issues found" in output or "All checks passed" in output:
        return 0
    pyrefly = re.findall(r"^ERROR ", output, re.M)
    if pyrefly:
        return len(pyrefly)
    for pattern in _COUNTS:
        match = pattern.search(output)
        if match:
            return int(match.group(1))
    return 0


def run_once(name: str, work: Path) -> tuple[float, float, int, int]:
    """(seconds, peak MiB, exit status, errors) of one cold run."""
    cache = work / ".bench-cache"
    shutil.rmtree(cache, ignore_errors=True)
    for leftover in (work / ".mypy_cache",):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [part.format(cache=cache, work=work) for part in CHECKERS[name]]
    command[0] = str(BIN / command[0])
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    env["NO_COLOR"] = "1"
    rss = work / ".bench-rss"
    timer = ["/usr/bin/time", "-f", "%M", "-o", str(rss)] if Path("/usr/bin/time").exists() else []
    start = time.perf_counter()
    result = subprocess.run([*timer, *command], cwd=work, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    peak = float(rss.read_text().split()[-1]) / 1024 if timer and rss.exists() else float("nan")
    return seconds, peak, result.returncode, errors(result.stdout + result.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--checkers", default=",".join(CHECKERS))
    parser.add_argument("--write", action="store_true", help="update the section in BENCHMARKS.md")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.checkers.split(",") if n.strip()]
    with tempfile.TemporaryDirectory(prefix="botoloom-bench-checkers-") as tmp:
        work = Path(tmp)
        shutil.copytree(REPO / "generated" / "aws_typed", work / "aws_typed")
        pragma.strip(work)
        for config, text in CONFIGS.items():
            (work / config).write_text(text, encoding="utf-8")
        rows = []
        for name in names:
            runs = [run_once(name, work) for _ in range(args.runs)]
            times = [r[0] for r in runs]
            rows.append(
                f"| {name} | `{SHOWN[name]}` | {statistics.median(times):.1f} s | "
                f"{min(times):.1f}-{max(times):.1f} s | {max(r[1] for r in runs):.0f} MiB | "
                f"{runs[-1][3]} (exit {runs[-1][2]}) |"
            )
            print(f"{name}: " + ", ".join(f"{t:.1f}" for t in times) + " s", file=sys.stderr, flush=True)
    table = "\n".join(
        [
            f"| checker | command | median of {args.runs} | spread (min-max) | peak memory | errors |",
            "|---|---|---|---|---|---|",
            *rows,
        ]
    )
    print(table)
    if args.write:
        write_section(table, args.runs)
    return 0


SECTION = "## Type checkers on the golden package"


def write_section(table: str, runs: int) -> None:
    import datetime
    import platform

    versions = []
    for name in ("mypy", "pyright", "basedpyright", "pyrefly", "ty"):
        try:
            from importlib.metadata import version

            versions.append(f"{name} {version(name)}")
        except Exception:  # noqa: BLE001 - not installed
            pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    text = f"""{SECTION}

Written by `make bench-checkers` (tools/bench_checkers.py); `make bench` rewrites this file
without this section, so run it after. generated/aws_typed (13 services) copied without the
mypy pragma (as `make typecheck` does), each checker run {runs} times, cold (no cache), one at
a time, in the directory holding `aws_typed`. Errors: what the checker reports on the
generated code itself in its default mode (basedpyright: errors only; its default
"recommended" mode also warns about every `Any`).

Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()},
{", ".join(versions)}; {os.cpu_count()} CPUs, load average (1 min) at the end {load:.2f}
(a shared machine: other work was running).

{table}
"""
    path = REPO / "BENCHMARKS.md"
    current = path.read_text(encoding="utf-8")
    if SECTION in current:
        start = current.index(SECTION)
        rest = current.find("\n## ", start + len(SECTION))
        current = current[:start] + (current[rest + 1 :] if rest != -1 else "")
    path.write_text(current.rstrip("\n") + "\n\n" + text, encoding="utf-8")
    print(f"bench-checkers: wrote the section to {path}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
