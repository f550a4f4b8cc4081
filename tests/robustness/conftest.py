"""Helpers for the robustness tests: custom models on AWS_DATA_PATH, runs in fresh processes.

Every test works in its own temporary directory; crashes, pauses and OS errors are made
deterministic through generator/seams.py (BOTOLOOM_TEST_SEAM), never by sleeping.
"""

from __future__ import annotations

import copy
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import botoloom

API = "2020-01-01"
MANIFEST = ".botoloom-manifest.json"  # spelled out: these tests also run against older botoloom

TINY: dict[str, Any] = {
    "version": "2.0",
    "metadata": {
        "apiVersion": API,
        "endpointPrefix": "tiny",
        "protocol": "json",
        "serviceFullName": "Tiny Service",
        "serviceId": "Tiny",
        "signatureVersion": "v4",
        "uid": f"tiny-{API}",
        "jsonVersion": "1.1",
        "targetPrefix": "Tiny",
    },
    "operations": {
        "ListThings": {
            "name": "ListThings",
            "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "ListIn"},
            "output": {"shape": "ListOut"},
        },
    },
    "shapes": {
        "ListIn": {"type": "structure", "members": {"NextToken": {"shape": "S"}}},
        "ListOut": {"type": "structure", "members": {"Things": {"shape": "Names"}, "NextToken": {"shape": "S"}}},
        "Names": {"type": "list", "member": {"shape": "S"}},
        "S": {"type": "string"},
    },
}


def tiny(**changes: Any) -> dict[str, Any]:
    """A copy of the tiny service-2 document with top-level keys replaced."""
    data = copy.deepcopy(TINY)
    data.update(changes)
    return data


class Models:
    """A directory for AWS_DATA_PATH holding custom service definitions."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def add(self, name: str, service: Any = None, **others: Any) -> Path:
        """Write service-2 (and paginators-1, waiters-2, ... given as paginators_1=...)."""
        directory = self.root / name / API
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "service-2.json").write_text(service if isinstance(service, str) else json.dumps(service or TINY))
        for key, document in others.items():
            (directory / f"{key.replace('_', '-')}.json").write_text(json.dumps(document))
        return directory

    def env(self, **extra: str) -> dict[str, str]:
        return {"AWS_DATA_PATH": str(self.root), **extra}


@pytest.fixture
def models(tmp_path: Path) -> Models:
    return Models(tmp_path / "models")


def run(
    *args: str, models: Models | None = None, seam: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = models.env() if models else {}
    if seam:
        env["BOTOLOOM_TEST_SEAM"] = seam
    return botoloom(*args, env=env, cwd=cwd)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (not following links), with its bytes."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()
    }


def without_cache(snap: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in snap.items() if not k.endswith(".botoloom-cache.json") and "__pycache__" not in k}


def assert_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit 2, one line 'botoloom: error: ...', no traceback, naming what it must."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    progress = ("botoloom: [", "botoloom: waiting for", "botoloom: warning: ")
    lines = [line for line in result.stderr.splitlines() if not line.startswith(progress)]
    assert len(lines) == 1 and lines[0].startswith("botoloom: error: "), result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


_STARTED: list[subprocess.Popen[str]] = []


@pytest.fixture(autouse=True)
def _no_process_left() -> Iterator[None]:
    """A test that fails while a background run waits at a seam does not leave it running."""
    yield
    while _STARTED:
        proc = _STARTED.pop()
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def start(args: list[str], models: Models | None = None, seam: str = "") -> subprocess.Popen[str]:
    """botoloom in a background process (stdout and stderr piped), with a seam if given.

    Its SIGINT is the default one, as in a terminal where the user presses Ctrl-C: a run
    started from a background job of a non-interactive shell (`cmd &`, as CI scripts and
    `nohup` do) inherits SIGINT ignored, and Python then never raises KeyboardInterrupt."""
    import os
    import signal
    import sys

    from tests.helpers import REPO

    env = dict(os.environ, **(models.env() if models else {}), BOTOLOOM_TEST_SEAM=seam)
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", *args],
        cwd=REPO,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    _STARTED.append(proc)
    return proc


def paused(proc: subprocess.Popen[str], release: Path) -> None:
    """Wait until `proc` stands at its `wait:` seam (it touched RELEASE.reached)."""
    import time

    reached = Path(f"{release}.reached")
    deadline = time.monotonic() + 120
    while not reached.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the seam was never reached"
        time.sleep(0.01)
