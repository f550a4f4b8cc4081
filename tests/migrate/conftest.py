"""Shared by the migrate tests: the generated package as the target, a one-call rewrite, and
`botoloom migrate` in a fresh process (bounded; paused at a seam of generator/seams.py)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.migrate.package import Target, botocore_services
from generator.migrate.transform import rewrite

from ..helpers import GENERATED, REPO


@dataclass(frozen=True)
class Migrated:
    code: str
    notes: list[str]  # "LINE: why"
    services: set[str]


Migrate = Callable[..., Migrated]


@pytest.fixture(scope="session")
def services() -> tuple[frozenset[str], frozenset[str]]:
    return botocore_services()


@pytest.fixture(scope="session")
def target(services: tuple[frozenset[str], frozenset[str]]) -> Target:
    """The committed reference package: 13 services."""
    return Target("aws_typed", (GENERATED / "aws_typed").resolve(), *services)


@pytest.fixture
def migrate(target: Target) -> Migrate:
    """migrate(source, target=...) -> Migrated; the source is dedented first."""

    def run(source: str, into: Target = target) -> Migrated:
        code, findings = rewrite(textwrap.dedent(source).encode(), into, "snippet.py")
        return Migrated(code.decode(), [f"{n.line}: {n.why}" for n in findings.notes], findings.services)

    return run


def migrate_run(cwd: Path, *args: str, seam: str = "", timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`botoloom migrate ARGS` in a fresh process in `cwd`, with at most 4 GiB of address
    space (a run that reads without limit fails instead of filling the machine) and `timeout`
    seconds (a run that blocks fails the test)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "migrate", *args],
        cwd=cwd,
        env=_env(seam),
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_bounded,
        check=False,
    )


def _env(seam: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    env.pop("BOTOLOOM_TEST_SEAM", None)
    return {**env, "BOTOLOOM_TEST_SEAM": seam} if seam else env


def _bounded() -> None:
    limit = 4 << 30
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@dataclass
class Paused:
    """A migrate run in the background, standing at a `wait:` seam until released."""

    proc: subprocess.Popen[str]
    release: Path

    def go_on(self) -> subprocess.CompletedProcess[str]:
        self.release.touch()
        out, err = self.proc.communicate(timeout=300)
        return subprocess.CompletedProcess(self.proc.args, self.proc.returncode, out, err)


@pytest.fixture
def paused(tmp_path: Path) -> Iterator[Callable[..., Paused]]:
    """paused(cwd, point, *args): start `botoloom migrate ARGS` in `cwd` and return once it
    stands at seam `point` (its touch file appeared); the run is killed at teardown if left."""
    started: list[subprocess.Popen[str]] = []

    def start(cwd: Path, point: str, *args: str) -> Paused:
        release = tmp_path / f"release-{len(started)}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "migrate", *args],
            cwd=cwd,
            env=_env(f"{point}=wait:{release}"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_bounded,
        )
        started.append(proc)
        reached = Path(f"{release}.reached")
        deadline = time.monotonic() + 300
        while not reached.exists():
            if proc.poll() is not None:
                out, err = proc.communicate()
                pytest.fail(f"the run ended before seam {point} (exit {proc.returncode}):\n{out}{err}")
            assert time.monotonic() < deadline, f"seam {point} was never reached"
            time.sleep(0.01)
        return Paused(proc, release)

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
