"""Where mypy and pyright spend their time on one user script (default resources.py), botoloom
against boto3-stubs, in the workspaces bench/typecheck.py made (run it first):

  floor    the checker on a one-line script importing nothing (`x = 1`): the part of the time
           no package can remove (the checker's start, builtins, typing)
  pyright  the stub and source files it reads (strace: a file is read when it is parsed), their
           bytes by package, and its --stats phases
  mypy     --timing-stats: the time per module, summed by package, and the largest modules

CPU times (user + sys) over BENCH_RUNS interleaved runs (medians); the machine is shared.

    .venv/bin/python bench/profile_typecheck.py [SCRIPT] [--write]
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from harness import OURS_BIN, PEERS, WORK, Case, interleave, runs, save, table, write_section

SETUPS = {
    "botoloom": (WORK / "tc" / "botoloom", OURS_BIN),
    "boto3-stubs": (WORK / "tc" / "boto3-stubs", PEERS / "stubs" / "bin"),
}


def _package(path: str) -> str:
    """The package a file read belongs to: aws_typed.<service>, mypy_boto3_<service>, typeshed..."""
    if "typeshed" in path:
        return "typeshed (stdlib)"
    match = re.search(
        r"(aws_typed(?:/[a-z0-9_]+(?=/))?|mypy_boto3_[a-z0-9_]+|boto3-stubs|botocore-stubs|botocore|boto3)/", path
    )
    return match.group(1).replace("/", ".") if match else "other"


def pyright_reads(where: Path, bin_dir: Path, script: str) -> Counter[str]:
    """Bytes of the .py/.pyi files pyright reads, by package (empty without strace)."""
    if not shutil.which("strace"):
        return Counter()
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as log:
        cmd = [str(bin_dir / "pyright"), "--pythonpath", str(bin_dir / "python"), script]
        subprocess.run(["strace", "-f", "-e", "trace=openat", "-o", log.name, *cmd], cwd=where, capture_output=True)
        opened = set(re.findall(r'openat\([^"]*"([^"]+\.pyi?)", O_RDONLY', log.read()))
    sizes: Counter[str] = Counter()
    for name in opened:
        path = where / name
        if path.is_file():
            sizes[_package(str(path.resolve()))] += path.stat().st_size
    return sizes


def mypy_modules(where: Path, bin_dir: Path, script: str) -> Counter[str]:
    """mypy --strict (cold) --timing-stats: microseconds per module."""
    shutil.rmtree(where / ".mypy_cache", ignore_errors=True)
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as stats:
        cmd = [str(bin_dir / "mypy"), "--strict", "--cache-dir", ".mypy_cache", "--timing-stats", stats.name, script]
        subprocess.run(cmd, cwd=where, capture_output=True, check=True)
        return Counter({m: int(us) for m, us in (line.split() for line in stats.read().splitlines())})


def _mb(n: float) -> str:
    return f"{n / 1e6:.2f}"


def floors(script: str, n: int) -> list[list[str]]:
    """CPU seconds of each checker on `script` and on `x = 1`, in both setups, interleaved."""
    out = []
    for checker in ("mypy --strict, cold cache", "pyright"):
        cases = []
        for label, (where, bin_dir) in SETUPS.items():
            floor = where / "floor.py"
            floor.write_text("x = 1\n")
            for name, target in ((f"{label}: {script}", script), (f"{label}: x = 1", "floor.py")):
                cache = where / ".mypy_cache"
                if checker == "pyright":
                    cmd = [str(bin_dir / "pyright"), "--pythonpath", str(bin_dir / "python"), target]
                    cases.append(Case(name, cmd, where))
                else:
                    cmd = [str(bin_dir / "mypy"), "--strict", "--cache-dir", ".mypy_cache", target]
                    cases.append(Case(name, cmd, where, prepare=lambda c=cache: shutil.rmtree(c, ignore_errors=True)))
        interleave(cases, n, label=f"floor {checker}")
        peer = sorted(cases[2].cpu_s)[len(cases[2].cpu_s) // 2]
        for case in cases:
            cpu = sorted(case.cpu_s)[len(case.cpu_s) // 2]
            out.append([checker, case.name, f"{cpu:.2f}", f"{cpu / peer:.2f}x"])
    return out


def main() -> None:
    script = next((a for a in sys.argv[1:] if a.endswith(".py")), "resources.py")
    n = runs("BENCH_RUNS", 3)
    md = f"## Profile: where mypy and pyright spend their time on {script}\n\n"
    md += table(["checker", "run", "CPU s (median)", "/ boto3-stubs on the script"], floors(script, n))
    reads = {label: pyright_reads(where, bin_dir, script) for label, (where, bin_dir) in SETUPS.items()}
    rows = []
    for label, sizes in reads.items():
        top = ", ".join(f"{pkg} {_mb(b)}" for pkg, b in sizes.most_common(6) if not pkg.startswith("typeshed"))
        rows.append([label, _mb(sum(b for p, b in sizes.items() if not p.startswith("typeshed"))), top])
    md += "\npyright: the stubs and sources it reads (parses and binds), typeshed left out\n\n"
    md += table(["setup", "MB read", "largest packages (MB)"], rows)
    rows = []
    for label, (where, bin_dir) in SETUPS.items():
        modules = mypy_modules(where, bin_dir, script)
        by_package: Counter[str] = Counter()
        for module, us in modules.items():
            parts = module.split(".")
            if parts[0] == "aws_typed":
                by_package[".".join(parts[:2])] += us
            else:
                by_package[parts[0] if parts[0].startswith(("mypy_boto3", "boto")) else "stdlib"] += us
        shown = ", ".join(f"{m} {us / 1e6:.2f}" for m, us in modules.most_common(5))
        grouped = ", ".join(f"{m} {us / 1e6:.2f}" for m, us in by_package.most_common(6))
        rows.append([label, f"{sum(modules.values()) / 1e6:.2f}", grouped, shown])
    md += "\nmypy --strict (cold), --timing-stats: seconds in mypy's processing of each module (one run)\n\n"
    md += table(["setup", "total s", "by package", "largest modules"], rows)
    md += (
        f"\nbench/profile_typecheck.py {script}, in the workspaces of bench/typecheck.py; CPU = user + sys"
        f" (median of {n} interleaved runs). `x = 1`: the checker with nothing to import, the time no"
        " package can remove.\n"
    )
    save(f"2d-profile-{script.removesuffix('.py')}", md, {})
    if "--write" in sys.argv:
        write_section(md, f"bench/profile_typecheck.py {script}", n)


if __name__ == "__main__":
    os.environ.setdefault("BENCH_RUNS", "3")
    main()
