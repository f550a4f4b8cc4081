"""Every service type-checks: mypy --strict over all of them, pyright over a rotating shard.

`make typecheck-all` runs both checkers over every service (pyright: about 2.5 minutes and
4 GiB, see README "Type-checking every service").  In `make test` the all-services package
of this run (conftest.py) is checked with mypy --strict whole (about 30 s, 1.1 GiB) and
with pyright on one of PYRIGHT_SHARDS shards (about 20 s), chosen by the date, so that
every service is checked by pyright every PYRIGHT_SHARDS days.
BOTOLOOM_PYRIGHT_SHARD=K/N picks a shard (0-based), BOTOLOOM_PYRIGHT_SHARD=all checks all.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import botocore.session
import pytest

from generator.naming.rules import module_name
from tools.typecheck_all import shard

from ..helpers import BIN
from .conftest import PACKAGE

pytestmark = pytest.mark.typing

PYRIGHT_SHARDS = 8


def pyright_services() -> tuple[str, list[str]]:
    """(description, services) of this run's pyright shard."""
    names = sorted(botocore.session.get_session().get_available_services())
    spec = os.environ.get("BOTOLOOM_PYRIGHT_SHARD", "")
    if spec == "all":
        return "all", names
    if spec:
        k, n = (int(x) for x in spec.split("/"))
    else:
        k, n = datetime.date.today().toordinal() % PYRIGHT_SHARDS, PYRIGHT_SHARDS
    return f"shard {k}/{n}", shard(names, k, n)


def test_mypy_strict_on_every_service(all_services_dir: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), PACKAGE],
        cwd=all_services_dir,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    assert "Success: no issues found" in result.stdout


def test_pyright_on_a_shard_of_services(all_services_dir: Path) -> None:
    which, names = pyright_services()
    assert names
    targets = [f"{PACKAGE}/{module_name(n)}" for n in names]
    result = subprocess.run([str(BIN / "pyright"), *targets], cwd=all_services_dir, capture_output=True, text=True)
    assert result.returncode == 0, f"pyright, {which} ({len(names)} services):\n" + result.stdout[-8000:]
    assert " 0 errors" in result.stdout or result.stdout.startswith("0 errors"), result.stdout[-2000:]


def test_shards_cover_every_service_once() -> None:
    names = sorted(botocore.session.get_session().get_available_services())
    shards = [shard(names, k, PYRIGHT_SHARDS) for k in range(PYRIGHT_SHARDS)]
    assert sorted(n for s in shards for n in s) == names
    assert max(map(len, shards)) - min(map(len, shards)) <= 1
