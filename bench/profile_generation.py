"""Profile botoloom generating every service in one process (cProfile); print the hotspots.

Not part of `make bench`. Run: .venv/bin/python bench/profile_generation.py [--top N]
"""

from __future__ import annotations

import cProfile
import io
import pstats
import shutil
import sys
import tempfile
from pathlib import Path

from generator import pipeline
from generator.app import config


def profile(top: int) -> str:
    out = Path(tempfile.mkdtemp(prefix="botoloom-profile-"))
    try:
        plan = config.plan(config.Request(all=True, jobs=1, output=str(out), quiet=True), config.Config())
        prof = cProfile.Profile()
        prof.enable()
        pipeline.generate(plan)
        prof.disable()
    finally:
        shutil.rmtree(out, ignore_errors=True)
    dest = Path(__file__).parent / ".work" / "generation.prof"
    dest.parent.mkdir(parents=True, exist_ok=True)
    prof.dump_stats(dest)
    text = io.StringIO()
    stats = pstats.Stats(prof, stream=text).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return text.getvalue() + f"\nfull profile: {dest}\n"


if __name__ == "__main__":
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 40
    print(profile(top))
