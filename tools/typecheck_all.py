"""Generate every botocore service (or a shard of them) and type-check the output.

    python tools/typecheck_all.py                      # all services, mypy --strict and pyright
    python tools/typecheck_all.py --shard 3/8          # the 4th of 8 deterministic shards
    python tools/typecheck_all.py --services s3 ec2    # just these
    python tools/typecheck_all.py --checker mypy --keep /tmp/out

The output goes to a temporary directory (removed afterwards unless --keep). Each
checker runs on its own, one after the other, so its time and peak memory are its
own; both are measured with /usr/bin/time -v when it exists (else by resource
usage of the child). Exit status: 0 when every checker reports no errors.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PACKAGE = "aws_typed"


@dataclass
class Result:
    checker: str
    seconds: float
    peak_mib: float
    errors: int
    returncode: int
    tail: str


def all_services() -> list[str]:
    import botocore.session

    return sorted(botocore.session.get_session().get_available_services())


def shard(names: list[str], index: int, count: int) -> list[str]:
    """Every count-th service from index: each shard mixes big and small services."""
    return [n for i, n in enumerate(sorted(names)) if i % count == index]


def generate(names: list[str], out: Path, jobs: int) -> float:
    started = time.perf_counter()
    args = ["--all"] if names == all_services() else ["--services", *names]
    cmd = [sys.executable, "-m", "generator", *args, "--aio", "--output", str(out), "--package", PACKAGE, "--quiet"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    run = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"typecheck-all: generation failed:\n{run.stdout[-4000:]}{run.stderr[-4000:]}")
    from generator.text import pragma

    pragma.strip(out)  # check every module in full, bodies and overloads included
    pragma.drop_stubs(out)  # ... the .py modules, not their stubs (the same signatures: tests/unit/test_stubs.py)
    return time.perf_counter() - started


def measured(cmd: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """Run cmd; (result, wall seconds, peak RSS in MiB)."""
    timer = shutil.which("time", path="/usr/bin")
    started = time.perf_counter()
    if timer:
        with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
            run = subprocess.run([timer, "-v", "-o", report.name, *cmd], cwd=cwd, capture_output=True, text=True)
            text = report.read()
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        peak = int(match.group(1)) / 1024 if match else float("nan")
    else:  # pragma: no cover - no GNU time: the largest child so far
        run = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return run, time.perf_counter() - started, peak


def targets(out: Path, names: list[str] | None) -> list[str]:
    """What to check: the whole package, or the chosen service packages (imports are followed)."""
    from generator.naming.rules import module_name

    if names is None:
        return [PACKAGE]
    return [f"{PACKAGE}/{module_name(n)}" for n in names]


def mypy(out: Path, names: list[str] | None, cache: Path) -> Result:
    cmd = [str(BIN / "mypy"), "--strict", "--cache-dir", str(cache), "--no-incremental", *targets(out, names)]
    run, seconds, peak = measured(cmd, out)
    found = re.search(r"Found (\d+) errors?", run.stdout)
    errors = int(found.group(1)) if found else (0 if run.returncode == 0 else -1)
    return Result("mypy --strict", seconds, peak, errors, run.returncode, run.stdout[-6000:] + run.stderr[-2000:])


def pyright(out: Path, names: list[str] | None) -> Result:
    cmd = [str(BIN / "pyright"), *targets(out, names)]
    run, seconds, peak = measured(cmd, out)
    found = re.search(r"(\d+) errors?,", run.stdout)
    errors = int(found.group(1)) if found else -1
    return Result("pyright", seconds, peak, errors, run.returncode, run.stdout[-6000:] + run.stderr[-2000:])


def check(out: Path, names: list[str] | None, checkers: list[str], work: Path) -> list[Result]:
    results = []
    if "mypy" in checkers:
        results.append(mypy(out, names, work / "mypy-cache"))
    if "pyright" in checkers:
        results.append(pyright(out, names))
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = p.add_mutually_exclusive_group()
    which.add_argument("--services", nargs="+", metavar="NAME")
    which.add_argument("--shard", metavar="K/N", help="the K-th (0-based) of N shards of all services")
    p.add_argument("--checker", choices=["mypy", "pyright", "both"], default="both")
    p.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    p.add_argument("--jobs", type=int, default=0, help="generator worker processes (default: one per CPU)")
    args = p.parse_args(argv)

    everything = all_services()
    names = everything
    if args.services:
        names = sorted(args.services)
    elif args.shard:
        k, n = (int(x) for x in args.shard.split("/"))
        names = shard(everything, k, n)
    checkers = ["mypy", "pyright"] if args.checker == "both" else [args.checker]

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="botoloom-typecheck-"))
    work.mkdir(parents=True, exist_ok=True)  # --keep DIR: botoloom refuses an --output whose parent is missing
    try:
        out = work / "out"
        print(f"typecheck-all: generating {len(names)} service(s) into {out}", flush=True)
        seconds = generate(names, out, args.jobs)
        files = list((out / PACKAGE).rglob("*.py"))
        lines = sum(f.read_text(encoding="utf-8").count("\n") for f in files)
        print(f"typecheck-all: generated {len(files)} files, {lines:,} lines in {seconds:.0f} s", flush=True)
        results = check(out, None if names == everything else names, checkers, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    failed = False
    for r in results:
        ok = r.errors == 0 and r.returncode == 0
        failed |= not ok
        if not ok:
            print(r.tail)
        print(
            f"typecheck-all: {r.checker}: {r.errors} error(s), {r.seconds:.0f} s, peak {r.peak_mib:,.0f} MiB",
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    os.chdir(REPO)
    sys.exit(main())
