"""Every botocore service generated once per test run, shared by the xdist workers.

The first worker to get the lock runs `botoloom --all` into the run's shared
temporary directory; the others wait for it and reuse the result.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.text import pragma

from ..helpers import botoloom

PACKAGE = "aws_parity"  # not aws_typed: the committed package is imported by other tests


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: each worker uses its own directory
        yield
        return
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _shared_root(factory: pytest.TempPathFactory) -> Path:
    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER") and os.name == "posix":
        return base.parent  # the run's directory, common to gw0, gw1, ...
    return base


@pytest.fixture(scope="session")
def all_services_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding PACKAGE with every service (and its aio module); on sys.path."""
    root = _shared_root(tmp_path_factory)
    out = root / "botoloom-all-services"
    done = out / ".complete"
    with _locked(root / "botoloom-all-services.lock"):
        if not done.exists():
            result = botoloom("--all", "--aio", "--output", str(out), "--package", PACKAGE, "--quiet")
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
            pragma.strip(out)  # so that test_typecheck_all checks every module in full
            # the stubs stay: they are the typed classes (the .py modules are run-time shims),
            # what the parity checks read and what test_typecheck_all checks
            done.write_text("ok\n")
    if str(out) not in sys.path:
        sys.path.insert(0, str(out))
    return out
