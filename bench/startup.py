"""Run time, fresh processes: import + client construction, typed (aws_typed) vs boto3.client().

With hyperfine when installed (rounds of `hyperfine -N`, A/B order alternating per round),
else the harness's interleaved Python timer loop. The generated package is byte-compiled
first (a user's second run finds the .pyc files; PYTHONDONTWRITEBYTECODE would otherwise
make every run compile it again). Run with: python startup.py <dir holding aws_typed>
"""

from __future__ import annotations

import compileall
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import OURS_BIN, ROOT, Case, interleave, median_ratio, ratio, runs, save, spread, table

PER_ROUND = 10


def commands(service: str, python: str) -> dict[str, str]:
    args = "region_name='us-east-1'"
    return {
        "boto3": f"{python} -c \"import boto3; boto3.client('{service}', {args})\"",
        "typed": f'{python} -c "from aws_typed import {service}; {service}.client({args})"',
    }


def with_hyperfine(cmds: dict[str, str], cwd: Path, rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in cmds}
    names = list(cmds)
    for i in range(rounds):
        order = names if i % 2 == 0 else names[::-1]
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(
                [
                    "hyperfine",
                    "-N",
                    "--style",
                    "basic",
                    "--warmup",
                    "2",
                    "--runs",
                    str(PER_ROUND),
                    "--export-json",
                    out.name,
                    *(cmds[name] for name in order),
                ],
                cwd=cwd,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            for name, result in zip(order, json.load(open(out.name))["results"]):
                times[name] += result["times"]
        print(f"bench: startup round {i + 1}/{rounds}", flush=True)
    return times


def with_timer_loop(cmds: dict[str, str], cwd: Path, rounds: int) -> dict[str, list[float]]:
    cases = [Case(name, ["sh", "-c", cmd], cwd) for name, cmd in cmds.items()]
    interleave(cases, rounds * PER_ROUND, label="startup")
    return {case.name: case.walls for case in cases}


def main() -> None:
    where = Path(sys.argv[1]).resolve()
    compileall.compile_dir(where / "aws_typed", quiet=1)
    tool = "hyperfine" if shutil.which("hyperfine") else "Python timer loop"
    rows: list[list[str]] = []
    shown: list[str] = []
    metrics: dict[str, float] = {}
    for service in ("s3", "ec2"):
        cmds = commands(service, str(OURS_BIN / "python"))
        measure = with_hyperfine if tool == "hyperfine" else with_timer_loop
        times = measure(cmds, where, runs())
        ms = {name: [t * 1000 for t in values] for name, values in times.items()}
        rows.append(
            [
                service,
                f"{runs()} x {PER_ROUND}",
                spread(ms["boto3"], "{:.0f}"),
                spread(ms["typed"], "{:.0f}"),
                ratio(ms["typed"], ms["boto3"]),
            ]
        )
        metrics[f"startup|{service}"] = median_ratio(ms["typed"], ms["boto3"])
        rel = commands(service, os.path.relpath(OURS_BIN / "python", where))
        shown.append(
            f"(cd {os.path.relpath(where, ROOT)} && hyperfine -N --warmup 2 --runs {PER_ROUND} \\\n"
            f"    {shlex.quote(rel['boto3'])} \\\n    {shlex.quote(rel['typed'])})"
        )
    md = "## Run time: import + client construction (fresh process)\n\n"
    md += table(["client", "rounds x runs", "boto3.client() ms", "aws_typed ms", "typed / boto3"], rows)
    md += f"\nMeasured with {tool}; both commands run in each round, order alternating between rounds.\n\n"
    md += (
        "```sh\n# one round (the next round runs the two commands in the other order)\n" + "\n".join(shown) + "\n```\n"
    )
    save("4-startup", md, metrics)


if __name__ == "__main__":
    main()
