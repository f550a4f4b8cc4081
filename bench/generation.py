"""Generation: botoloom vs mypy-boto3-builder (wall time, peak memory), and a no-change rerun."""

from __future__ import annotations

import statistics

from harness import (
    BUILDER_BIN,
    OURS_BIN,
    WORK,
    Case,
    commands,
    fresh_dir,
    interleave,
    median_ratio,
    ratio,
    runs,
    save,
    spread,
    table,
)

OUT = WORK / "gen"
SETS = {
    "s3": ["s3"],
    "s3 + ec2 + dynamodb": ["s3", "ec2", "dynamodb"],
    "all services": [],
}


def pair(label: str, services: list[str]) -> tuple[Case, Case]:
    ours_dir, peer_dir = OUT / "botoloom", OUT / "builder"
    which = ["--services", *services] if services else ["--all"]
    ours = Case(
        "botoloom",
        [str(OURS_BIN / "botoloom"), *which, "--output", str(ours_dir), "--quiet"],
        prepare=fresh_dir(ours_dir),
    )
    # --partial-overload: boto3-stubs gets boto3.client() overloads only for the chosen
    # services, like botoloom's top-level package (without it every service is listed).
    subset = ["-s", *services, "--partial-overload"] if services else []
    peer = Case(
        "mypy-boto3-builder",
        [str(BUILDER_BIN / "python"), "-m", "mypy_boto3_builder", str(peer_dir), "--no-smart-version", *subset],
        prepare=fresh_dir(peer_dir),
    )
    return ours, peer


def main() -> None:
    rows: list[list[str]] = []
    metrics: dict[str, float] = {}
    cases: list[tuple[str, Case]] = []
    for label, services in SETS.items():
        n = runs("BENCH_ALL_RUNS", 3) if not services else runs()
        ours, peer = pair(label, services)
        interleave([ours, peer], n, memory=True, label=label)
        cases += [(label, ours), (label, peer)]
        metrics[f"speed-up|{label}"] = median_ratio(peer.walls, ours.walls)
        metrics[f"memory|{label}"] = median_ratio(ours.tree_mb, peer.tree_mb)
        metrics[f"cpu|{label}"] = median_ratio(peer.cpu_s, ours.cpu_s)
        rows.append(
            [
                label,
                str(n),
                spread(ours.walls),
                spread(peer.walls),
                ratio(peer.walls, ours.walls),
                spread(ours.cpu_s, "{:.1f}"),
                spread(peer.cpu_s, "{:.1f}"),
                ratio(peer.cpu_s, ours.cpu_s),
                spread(ours.tree_mb, "{:.0f}"),
                spread(peer.tree_mb, "{:.0f}"),
                spread(ours.rss_mb, "{:.0f}"),
                spread(peer.rss_mb, "{:.0f}"),
            ]
        )
    # No change: botoloom into the directory the last (all services) run just wrote.
    again = Case("botoloom, second run into the same directory", cases[-2][1].cmd)
    interleave(
        [again], runs(), memory=True, label="no-change", warmup=True
    )  # warm-up: re-render if the generator changed
    metrics["no-change s"] = statistics.median(again.walls)
    md = "## Generation\n\n"
    md += table(
        [
            "services",
            "runs",
            "botoloom wall s",
            "builder wall s",
            "speed-up (wall)",
            "botoloom CPU s",
            "builder CPU s",
            "CPU ratio",
            "botoloom peak MB (tree PSS)",
            "builder peak MB (tree PSS)",
            "botoloom max RSS MB",
            "builder max RSS MB",
        ],
        rows,
    )
    md += "\n" + table(
        ["no-change regeneration (all services, same output dir)", "runs", "wall s", "peak MB (tree PSS)"],
        [["botoloom", str(len(again.walls)), spread(again.walls), spread(again.tree_mb, "{:.0f}")]],
    )
    md += (
        "\nspeed-up = builder median / botoloom median, both measured in the same interleaved rounds;"
        " the output directory is emptied before each cold run (outside the timing). CPU = user + sys of the"
        " command and its worker processes: botoloom renders in one worker per CPU, the builder in one"
        " process, so the wall-time speed-up depends on free cores (on a loaded shared machine it shrinks"
        " towards the CPU ratio)."
        " Tree PSS = peak of the summed proportional set size of all processes of the run (botoloom"
        " forks one worker per CPU); max RSS = /usr/bin/time's largest single process.\n\n"
    )
    md += commands(cases + [("all services, no change", again)])
    save("1-generation", md, metrics)


if __name__ == "__main__":
    main()
