"""Write BENCHMARKS.md: the machine, the versions, the targets, then every section in results/.

report.py --start            note the start (load average, time) before the benches run
report.py --elapsed SECONDS  write BENCHMARKS.md at the repository root
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from typing import Any

from harness import BUILDER_BIN, OURS_BIN, PEERS, RESULTS, ROOT, STUBS_BIN, WORK, runs

VERSIONS = {
    OURS_BIN: ["botoloom", "boto3", "botocore", "aiobotocore", "mypy", "pyright", "pyrefly", "ty"],
    BUILDER_BIN: ["mypy-boto3-builder", "boto3", "botocore"],
    STUBS_BIN: [
        "boto3-stubs",
        "mypy-boto3-ec2",
        "botocore-stubs",
        "types-s3transfer",
        "boto3",
        "mypy",
        "pyright",
        "pyrefly",
        "ty",
    ],
    PEERS / "aio" / "bin": ["types-aiobotocore", "types-aiobotocore-s3", "aiobotocore", "botocore", "mypy", "pyright"],
}
# (metric key, what it measures, target, passes)
TARGETS = [
    (
        "speed-up|all services",
        "generation, all services: builder wall time / botoloom wall time",
        ">= 10x",
        lambda v: v >= 10,
    ),
    (
        "cpu|all services",
        "(for reference) generation, all services: builder CPU time / botoloom CPU time",
        "—",
        lambda v: True,
    ),
    (
        "memory|all services",
        "generation, all services: botoloom peak / builder peak (tree PSS)",
        "< 1",
        lambda v: v < 1,
    ),
    ("no-change s", "no-change regeneration, all services (s)", "< 2 s", lambda v: v < 2),
    (
        "baseline|wall",
        "generation, all services --aio: this checkout / BENCH_BASELINE, wall",
        "<= 1x",
        lambda v: v <= 1,
    ),
    (
        "baseline|cpu",
        "generation, all services --aio: this checkout / BENCH_BASELINE, CPU",
        "<= 1x",
        lambda v: v <= 1,
    ),
    (
        "baseline|no-change",
        "no-change regeneration, all services --aio: this checkout / BENCH_BASELINE",
        "<= 1x",
        lambda v: v <= 1,
    ),
    (
        "services.py|mypy --strict, cold cache",
        "mypy --strict cold, ~120-line script (services.py): botoloom / stubs",
        "<= 0.5x",
        lambda v: v <= 0.5,
    ),
    ("services.py|pyright", "pyright, ~120-line script (services.py): botoloom / stubs", "<= 0.7x", lambda v: v <= 0.7),
    ("resources.py|pyright", "(for reference) pyright, resources.py: botoloom / stubs", "—", lambda v: True),
    (
        "resources.py|mypy --strict, cold cache",
        "(for reference) mypy --strict cold, resources.py: botoloom / stubs",
        "—",
        lambda v: True,
    ),
    ("serverless.py|pyright", "(for reference) pyright, serverless.py: botoloom / stubs", "—", lambda v: True),
    (
        "serverless.py|mypy --strict, cold cache",
        "(for reference) mypy --strict cold, serverless.py: botoloom / stubs",
        "—",
        lambda v: True,
    ),
    (
        "oneliner.py|mypy --strict, cold cache",
        "one-liner, mypy --strict cold: botoloom / stubs",
        "<= 1x",
        lambda v: v <= 1,
    ),
    (
        "oneliner.py|mypy --strict, warm cache",
        "one-liner, mypy --strict warm: botoloom / stubs",
        "<= 1x",
        lambda v: v <= 1,
    ),
    ("oneliner.py|pyright", "one-liner, pyright: botoloom / stubs", "<= 1x", lambda v: v <= 1),
    (
        "entry|mypy --strict, cold cache",
        'boto3.client("s3") one-liner, 13 services, mypy --strict cold: aws_typed.boto3 / boto3-stubs',
        "<= 1x",
        lambda v: v <= 1,
    ),
    (
        "entry|pyright",
        'boto3.client("s3") one-liner, 13 services, pyright: aws_typed.boto3 / boto3-stubs',
        "<= 1x",
        lambda v: v <= 1,
    ),
    (
        "module|mypy --strict, cold cache",
        "(for reference) s3.client() one-liner in the same 13-service package, mypy cold / boto3-stubs",
        "—",
        lambda v: True,
    ),
    ("call|s3.head_bucket", "typed call / raw call, s3 head_bucket (fastest blocks)", "<= 1.02x", lambda v: v <= 1.02),
    (
        "call|sqs.get_queue_url",
        "typed call / raw call, sqs get_queue_url (fastest blocks)",
        "<= 1.02x",
        lambda v: v <= 1.02,
    ),
    ("collection", "(for reference) 1,000-item s3 collection, typed / raw (fastest blocks)", "—", lambda v: True),
    ("startup|ec2", "import + construction, ec2: aws_typed / boto3.client", "<= 1.1x", lambda v: v <= 1.1),
    (
        "aio call|s3.head_bucket",
        "async: typed aio call / raw aiobotocore call, s3 head_bucket (fastest blocks)",
        "<= 1.02x",
        lambda v: v <= 1.02,
    ),
    (
        "aio call|sqs.get_queue_url",
        "async: typed aio call / raw aiobotocore call, sqs get_queue_url (fastest blocks)",
        "<= 1.02x",
        lambda v: v <= 1.02,
    ),
    ("aio generation", "(for reference) async: generation of all services with --aio / without", "—", lambda v: True),
    (
        "aio generation cpu",
        "(for reference) async: generation of all services with --aio / without, CPU time",
        "—",
        lambda v: True,
    ),
    (
        "aio_services.py|mypy --strict, cold cache",
        "(for reference) async script, mypy --strict cold: botoloom / types-aiobotocore",
        "—",
        lambda v: True,
    ),
    (
        "aio_services.py|pyright",
        "(for reference) async script, pyright: botoloom / types-aiobotocore",
        "—",
        lambda v: True,
    ),
]


def _out(cmd: list[str]) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout.strip()


def versions() -> str:
    lines = []
    for bin_dir, names in VERSIONS.items():
        code = (
            "import importlib.metadata as m, sys; print(sys.version.split()[0], *(m.version(n) for n in sys.argv[1:]))"
        )
        python, *found = _out([str(bin_dir / "python"), "-c", code, *names]).split()
        env = bin_dir.parent.relative_to(ROOT)
        lines.append(f"- `{env}` (Python {python}): " + ", ".join(f"{n} {v}" for n, v in zip(names, found)))
    commit = _out(["git", "describe", "--always", "--dirty"])
    lines.append(
        f"- botoloom checkout: `{commit}`"
        + (" (uncommitted changes in the working tree)" if commit.endswith("dirty") else "")
    )
    lines.append(f"- hyperfine: {_out(['hyperfine', '--version']) or 'not installed (Python timer loop)'}")
    return "\n".join(lines)


def machine(start: dict[str, float]) -> str:
    mem_kb = int(next(line for line in open("/proc/meminfo") if line.startswith("MemTotal")).split()[1])
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    return (
        f"- {os.cpu_count()} CPUs (nproc), {cpu}; {mem_kb / 1024 / 1024:.1f} GiB memory; {platform.platform()}\n"
        f"- load average (1 min) at start {start['load']:.2f}, at end {os.getloadavg()[0]:.2f}"
        " — a shared machine: compare ratios (A and B run interleaved), not absolute times across runs"
    )


def _row(key: str, what: str, goal: str, ok: Any, metrics: dict[str, float]) -> str:
    if key not in metrics:
        return f"| {what} | not measured | {goal} | — |"
    value = metrics[key]
    shown = (
        f"{value:.2f} s"
        if key.endswith(" s")
        else f"{value:.3f}x"
        if key.startswith(("call", "aio call"))
        else f"{value:.2f}x"
    )
    met = "—" if goal == "—" else "yes" if ok(value) else "**no**"
    return f"| {what} | {shown} | {goal} | {met} |"


def targets(metrics: dict[str, float]) -> str:
    rows = ["| target | measured | goal | met |", "|---|---|---|---|"]
    rows += [_row(key, what, goal, ok, metrics) for key, what, goal, ok in TARGETS]
    return "\n".join(rows) + "\n"


def refresh_targets(metrics: dict[str, float], script: str) -> None:
    """After a bench script ran on its own (--write): its rows of the Targets table in
    BENCHMARKS.md, measured again (a row the table lacks is added at its place in TARGETS)."""
    path = ROOT / "BENCHMARKS.md"
    lines = path.read_text().split("\n")
    start = lines.index("## Targets") + 4  # title, blank, header, rule
    end = lines.index("", start)
    table = {line.split(" | ")[0].removeprefix("| "): line for line in lines[start:end]}
    for key, what, goal, ok in TARGETS:
        if key in metrics:
            table[what] = _row(key, what, goal, ok, metrics).replace(" |", f" ({script} on its own) |", 1)
    ordered = [table.pop(what) for _, what, _, _ in TARGETS if what in table] + list(table.values())
    path.write_text("\n".join(lines[:start] + ordered + lines[end:]))


# Sections that other commands write into BENCHMARKS.md (make bench-checkers), or written by hand
# (an analysis that cites its own measurements): kept as they are.
KEPT = ("## Issue #28: resources and the 0.5x goal", "## Type checkers on the golden package")


def kept_sections(produced: str) -> str:
    """The KEPT sections of the current BENCHMARKS.md that this run did not produce."""
    path = ROOT / "BENCHMARKS.md"
    current = path.read_text() if path.exists() else ""
    out = ""
    for title in KEPT:
        if title in current and title not in produced:
            start = current.index(title)
            end = current.find("\n## ", start + len(title))
            out += "\n" + current[start : end + 1 if end != -1 else len(current)].rstrip("\n") + "\n"
    return out


def main() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    if "--start" in sys.argv:
        (WORK / "start.json").write_text(json.dumps({"load": os.getloadavg()[0], "time": time.time()}))
        return
    start = json.loads((WORK / "start.json").read_text())
    elapsed = int(sys.argv[sys.argv.index("--elapsed") + 1]) if "--elapsed" in sys.argv else 0
    metrics: dict[str, float] = {}
    for path in sorted(RESULTS.glob("*.json")):
        metrics.update(json.loads(path.read_text()))
    sections = "\n".join(path.read_text() for path in sorted(RESULTS.glob("*.md")))
    md = (
        "# Benchmarks: botoloom vs mypy-boto3-builder / boto3-stubs\n\n"
        "Written by `make bench` (bench/bench.sh); do not edit. Every time is a median over runs with"
        " (min–max); every ratio compares runs of botoloom and of the peer made in the same invocation,"
        " interleaved (A B, B A, ...).\n\n"
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(start['time']))}; the benchmarks took {elapsed // 60} min {elapsed % 60} s (peer set-up excluded);"
        f" BENCH_RUNS={runs()}, BENCH_ALL_RUNS={runs('BENCH_ALL_RUNS', 3)}.\n\n"
        f"## Machine\n\n{machine(start)}\n\n## Versions\n\n{versions()}\n\n"
        f"## Targets\n\n{targets(metrics)}\n{sections}"
    )
    (ROOT / "BENCHMARKS.md").write_text(md + kept_sections(sections))
    print(f"bench: wrote {ROOT / 'BENCHMARKS.md'}")


if __name__ == "__main__":
    main()
