#!/bin/sh
# make bench: install what is missing, set up the peers, run every benchmark, write BENCHMARKS.md.
# BENCH_RUNS (default 5): runs per measure; BENCH_ALL_RUNS (default 3): runs of the all-services
# generation (mypy-boto3-builder needs minutes per run); BENCH_BASELINE (default bc93bcc) and
# BENCH_BASELINE_RUNS (default 5): bench/baseline.py. Quick: make bench BENCH_RUNS=3 BENCH_ALL_RUNS=1
set -eu
cd "$(dirname "$0")/.."
if ! command -v hyperfine >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then
    SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
    { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq hyperfine time >/dev/null; } ||
        echo "bench: could not install hyperfine/time with apt-get; falling back to the Python timer loop" >&2
fi
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is required (Debian package 'time')" >&2; exit 2; }
sh bench/setup_peers.sh
rm -rf bench/.work/results
started=$(date +%s)
.venv/bin/python bench/report.py --start
.venv/bin/python bench/generation.py
.venv/bin/python bench/baseline.py
.venv/bin/python bench/typecheck.py
.venv/bin/python bench/stubs_typecheck.py
.venv/bin/python bench/project.py
.venv/bin/python bench/entry.py
.venv/bin/python bench/runtime_calls.py bench/.work/tc/botoloom
.venv/bin/python bench/startup.py bench/.work/tc/botoloom
.venv/bin/python bench/aio.py
.venv/bin/python bench/report.py --elapsed $(( $(date +%s) - started ))
