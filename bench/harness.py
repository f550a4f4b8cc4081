"""Shared by the bench scripts: interleaved timed runs of commands, statistics, markdown rows.

Each command runs under /usr/bin/time (largest process's peak RSS, CPU time); wall time is taken
with time.perf_counter around it. With memory=True the process tree's summed PSS is also
sampled from /proc every 50 ms (botoloom uses worker processes; time -v sees only the
largest one).
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import statistics
import subprocess
import tarfile
import tempfile
import threading
import time
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / ".work"
RESULTS = WORK / "results"
PEERS = BENCH / ".peers"
OURS_BIN = ROOT / ".venv" / "bin"
BUILDER_BIN = PEERS / "builder" / "bin"
STUBS_BIN = PEERS / "stubs" / "bin"


# Every command runs with its modules' bytecode cached (in bench/.work/pycache), as an
# installed package's is: a machine that sets PYTHONDONTWRITEBYTECODE (this one does) would
# otherwise make each run compile the generator's source again, which no user pays.
PYCACHE = WORK / "pycache"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": str(PYCACHE)}


def precompile(*trees: Path) -> None:
    """Fill PYCACHE for the Python files of `trees` (before the first measured run)."""
    for tree in trees:
        subprocess.run([str(OURS_BIN / "python"), "-m", "compileall", "-q", str(tree)], env=ENV, check=True)


def checkout(rev: str) -> Path:
    """The tree of `rev`, extracted once."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", f"{rev}^{{commit}}"], capture_output=True, text=True
    )
    if commit.returncode:
        raise SystemExit(f"bench: {rev!r} is not a commit of this repository")
    dest = WORK / "baseline" / commit.stdout.strip()
    if not (dest / "generator").is_dir():
        dest.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
        tar = dest.with_suffix(".tar")
        tar.write_bytes(archive)
        with tarfile.open(tar) as t:
            t.extractall(dest, filter="data")
        tar.unlink()
    return dest


# BENCH_GENERATOR_REV=<rev>: the benches that generate a package for the checkers (typecheck.py,
# editor.py) run the generator of that revision instead of this checkout's (same .venv), to
# compare a generator change before/after; the rest of the bench is this checkout's.
GENERATOR_REV = os.environ.get("BENCH_GENERATOR_REV", "")


def botoloom() -> list[str]:
    """The botoloom command: this checkout's, or the generator of BENCH_GENERATOR_REV."""
    if not GENERATOR_REV:
        return [str(OURS_BIN / "botoloom")]
    # -P: `-m` would put the working directory (this checkout, where the bench runs) before
    # PYTHONPATH, and this checkout's generator would run instead of the revision's
    return ["env", f"PYTHONPATH={checkout(GENERATOR_REV)}", str(OURS_BIN / "python"), "-P", "-m", "generator"]


def runs(var: str = "BENCH_RUNS", default: int = 5) -> int:
    return max(1, int(os.environ.get(var, default)))


@dataclass
class Case:
    """One command to time; `prepare` runs before every run, outside the measure."""

    name: str
    cmd: Sequence[str]
    cwd: Path | None = None
    prepare: Callable[[], None] | None = None
    walls: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    cpu_s: list[float] = field(default_factory=list)  # user + sys, the process and the children it waited for
    tree_mb: list[float] = field(default_factory=list)

    @property
    def shell(self) -> str:
        """The command as run, paths relative to the repository root (or to the directory it runs in)."""
        here = self.cwd or ROOT
        parts = [os.path.relpath(p, here) if p.startswith(str(ROOT)) else p for p in self.cmd]
        line = " ".join(shlex.quote(p) for p in parts)
        return f"(cd {os.path.relpath(here, ROOT)} && {line})" if self.cwd else line


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                kids += [int(k) for k in f.read().split()]
    except OSError:
        pass
    return kids


def _tree_pss_kb(root: int) -> int:
    total, todo = 0, _children(root)  # descendants of /usr/bin/time, not time itself
    while todo:
        pid = todo.pop()
        todo += _children(pid)
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def tree_rss_kb(root: int) -> int:
    """The summed resident set size of every process below `root` (not `root` itself), in kB."""
    total, todo = 0, _children(root)
    while todo:
        pid = todo.pop()
        todo += _children(pid)
        try:
            with open(f"/proc/{pid}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        except OSError:
            pass
    return total


def run_once(case: Case, memory: bool = False) -> None:
    if case.prepare:
        case.prepare()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tfile, tempfile.TemporaryFile("w+") as log:
        peak, done = [0], threading.Event()
        start = time.perf_counter()
        proc = subprocess.Popen(
            ["/usr/bin/time", "-f", "%M %U %S", "-o", tfile.name, *case.cmd],
            cwd=case.cwd,
            env=ENV,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        if memory:  # sample in a thread: the wall time ends when wait() returns, not at a poll

            def sample() -> None:
                while not done.wait(0.05):
                    peak[0] = max(peak[0], _tree_pss_kb(proc.pid))

            sampler = threading.Thread(target=sample)
            sampler.start()
        proc.wait()
        wall = time.perf_counter() - start
        done.set()
        if memory:
            sampler.join()
        if proc.returncode:
            log.seek(0)
            raise SystemExit(f"bench: failed ({proc.returncode}): {case.shell}\n{log.read()[-3000:]}")
        case.walls.append(wall)
        rss_kb, user, system = tfile.read().split()[-3:]
        case.rss_mb.append(int(rss_kb) / 1024)
        case.cpu_s.append(float(user) + float(system))
        if memory:
            case.tree_mb.append(peak[0] / 1024)


def interleave(cases: Sequence[Case], n: int, memory: bool = False, label: str = "", warmup: bool = False) -> None:
    """n rounds; every round runs each case once, alternating the order (A B, then B A).
    warmup: run each case once first, unmeasured (OS file cache, mypy's warm cache)."""
    for case in cases if warmup else ():
        run_once(Case(case.name, case.cmd, case.cwd, case.prepare))
    for i in range(n):
        for case in cases if i % 2 == 0 else list(reversed(cases)):
            run_once(case, memory)
            print(f"bench: {label} {case.name} run {i + 1}/{n}: {case.walls[-1]:.2f} s", flush=True)


def fresh_dir(path: Path) -> Callable[[], None]:
    def prepare() -> None:
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)

    return prepare


def spread(values: Sequence[float], fmt: str = "{:.2f}") -> str:
    """'median (min–max)'."""
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def median_ratio(a: Sequence[float], b: Sequence[float]) -> float:
    return statistics.median(a) / statistics.median(b)


def ratio(a: Sequence[float], b: Sequence[float]) -> str:
    return f"{median_ratio(a, b):.2f}x"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def commands(labelled: Sequence[tuple[str, Case]]) -> str:
    """The exact commands, in a sh block, each under a comment naming it."""
    return "```sh\n" + "".join(f"# {label}: {c.name}\n{c.shell}\n" for label, c in labelled) + "```\n"


def save(name: str, markdown: str, metrics: dict[str, float]) -> None:
    """A section of BENCHMARKS.md, and the numbers the targets are judged on."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.md").write_text(markdown)
    (RESULTS / f"{name}.json").write_text(json.dumps(metrics, indent=1))
    print(markdown, flush=True)


def write_section(md: str, script: str, n: int) -> None:
    """Replace (or add, before the checkers' section) the section `md` of BENCHMARKS.md, with a
    line saying it was run on its own (`make bench` runs every script and rewrites the file)."""
    note = (
        f"(Run on its own, `BENCH_RUNS={n} .venv/bin/python {script} --write`, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average (1 min) at the end"
        f" {os.getloadavg()[0]:.2f}; `make bench` runs it with the rest.)"
    )
    md = md.replace("\n\n", f"\n\n{note}\n\n", 1)
    path = ROOT / "BENCHMARKS.md"
    current = path.read_text()
    title = md.split("\n", 1)[0]
    if title in current:
        start = current.index(title)
        end = current.find("\n## ", start + len(title))
        at = start
        current = current[:start] + (current[end + 1 :] if end != -1 else "")
    else:
        before = current.find("\n## Type checkers on the golden package")
        at = before + 1 if before != -1 else len(current)
    path.write_text(current[:at].rstrip("\n") + "\n\n" + md.rstrip("\n") + "\n\n" + current[at:].lstrip("\n"))
    print(f"bench: wrote the section to {path}")


@dataclass
class Compared:
    """What compare() gives a bench's section: its table rows, the commands (labelled) and the
    metrics the targets are judged on."""

    rows: list[list[str]] = field(default_factory=list)
    labelled: list[tuple[str, Case]] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)


def compare(
    pairs: Iterable[tuple[str, str, str, Case, Case]],
    n: int,
    *,
    names: tuple[str, str],
    label: str = "",
    cpu: bool = False,
    not_comparable: Container[str] = (),
    errors: Callable[[Case], str] = lambda case: "",
) -> Compared:
    """Ours against a peer, each pair (script, title, check, ours, peer) in n interleaved rounds
    after a warm-up run; a command that fails stops the bench (run_once), except a check in
    `not_comparable`: asked `errors` first ('' when the command exits 0), a failure on either side
    gets a row saying why instead of times. A row: title, check, runs, both walls, their ratio
    (with `cpu`, the CPU-time ratio too), both peak RSS. `names` name the two cases; `label`
    prefixes the progress lines; the metric of a pair is `<script>|<check>`."""
    out = Compared()
    for script, title, check, ours, peer in pairs:
        ours.name, peer.name = names
        failing = [(case, errors(case)) for case in (ours, peer)] if check in not_comparable else []
        why = "; ".join(f"{case.name}: {error}" for case, error in failing if error)
        if why:  # a checker that cannot read one setup: no time to compare, say why
            out.rows.append([title, check, "0", "—", "—", "not comparable", *["—"] * cpu, why, ""])
            continue
        interleave([ours, peer], n, label=f"{label}{script} {check}", warmup=True)  # also fills the warm caches
        cpu_ratio = [ratio(ours.cpu_s, peer.cpu_s)] if cpu else []
        walls = [spread(ours.walls), spread(peer.walls), ratio(ours.walls, peer.walls), *cpu_ratio]
        rss = [spread(ours.rss_mb, "{:.0f}"), spread(peer.rss_mb, "{:.0f}")]
        out.rows.append([title, check, str(n), *walls, *rss])
        out.metrics[f"{script}|{check}"] = median_ratio(ours.walls, peer.walls)
        out.labelled += [(f"{script}, {check}", ours), (f"{script}, {check}", peer)]
    return out
