"""Generation against an earlier botoloom: this checkout vs the code of a git revision, every
service with --aio, cold (empty output directory) and no-change rerun, interleaved in one run.

BENCH_BASELINE: the revision (default bc93bcc, the generator before the stage packages and the
ruff formatting pass of issue #17). Its tree is taken with `git archive` into
bench/.work/baseline/<rev> and run by this checkout's .venv as `python -m generator` from
there (the pins are the same; a revision that needs other packages cannot be compared so).
BENCH_BASELINE_RUNS (default 5): cold runs each; the no-change reruns take BENCH_RUNS.
BENCH_BASELINE_SERVICES (default: every service): a space-separated subset, for a loaded machine
(`make generate`'s 13 services hold the largest, ec2).
Run on its own: .venv/bin/python bench/baseline.py --write
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from harness import (
    OURS_BIN,
    ROOT,
    WORK,
    Case,
    checkout,
    commands,
    fresh_dir,
    interleave,
    median_ratio,
    precompile,
    runs,
    save,
    spread,
    table,
    write_section,
)

REVISION = os.environ.get("BENCH_BASELINE", "bc93bcc")
OUT = WORK / "baseline-out"
_SUBSET = os.environ.get("BENCH_BASELINE_SERVICES", "").split()
SERVICES = ["--services", *_SUBSET] if _SUBSET else ["--all"]
WHAT = f"{len(_SUBSET)} services, --aio" if _SUBSET else "all services, --aio"


def case(name: str, cwd: Path, out: Path, fresh: bool) -> Case:
    cmd = [str(OURS_BIN / "python"), "-m", "generator", *SERVICES, "--aio", "--output", str(out), "--quiet"]
    return Case(name, cmd, cwd=cwd, prepare=fresh_dir(out) if fresh else None)


def main() -> None:
    base_src = checkout(REVISION)
    label = f"botoloom at {base_src.name}"
    n = runs("BENCH_BASELINE_RUNS", 5)
    precompile(ROOT / "generator", base_src / "generator")
    now = case("botoloom (this checkout)", ROOT, OUT / "now", True)
    then = case(label, base_src, OUT / "then", True)
    interleave([now, then], n, memory=True, label="baseline cold")
    now_again = case("botoloom (this checkout), no change", ROOT, OUT / "now", False)
    then_again = case(f"{label}, no change", base_src, OUT / "then", False)
    interleave([now_again, then_again], runs(), memory=True, label="baseline no-change", warmup=True)
    metrics = {
        "baseline|wall": median_ratio(now.walls, then.walls),
        "baseline|cpu": median_ratio(now.cpu_s, then.cpu_s),
        "baseline|no-change": median_ratio(now_again.walls, then_again.walls),
        "baseline|pss": median_ratio(now.tree_mb, then.tree_mb),
        "baseline|rss": median_ratio(now.rss_mb, then.rss_mb),
    }
    rows = [
        [
            c.name,
            str(len(c.walls)),
            spread(c.walls),
            spread(c.cpu_s, "{:.1f}"),
            spread(c.tree_mb, "{:.0f}"),
            spread(c.rss_mb, "{:.0f}"),
        ]
        for c in (now, then, now_again, then_again)
    ]
    md = f"## Generation against an earlier botoloom ({base_src.name})\n\n"
    md += table([WHAT, "runs", "wall s", "CPU s", "peak MB (tree PSS)", "peak MB (largest process RSS)"], rows)
    md += (
        f"\nthis checkout / {base_src.name}: wall {metrics['baseline|wall']:.2f}x, CPU {metrics['baseline|cpu']:.2f}x,"
        f" tree PSS {metrics['baseline|pss']:.2f}x, RSS {metrics['baseline|rss']:.2f}x,"
        f" no-change rerun {metrics['baseline|no-change']:.2f}x (medians of interleaved runs, same .venv;"
        " BENCH_BASELINE picks the revision).\n\n"
    )
    md += commands([("baseline", c) for c in (now, then, now_again, then_again)])
    save("1b-baseline", md, metrics)
    if "--write" in sys.argv:
        write_section(md, "bench/baseline.py", n)
        from report import refresh_targets

        refresh_targets(metrics, "bench/baseline.py")


if __name__ == "__main__":
    main()
