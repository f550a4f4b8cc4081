"""Hostile service definitions through the real loader: the output compiles, is
black-stable, imports, matches a boto3 client of the same definition, and passes
mypy --strict and pyright.

Bounded for CI: SHARDS x EXAMPLES examples (fixed seeds, no example database, so every
run draws the same definitions); each example is checked in-process, and the type
checkers run once per shard over all of its packages.  Run more with
BOTOLOOM_FUZZ_EXAMPLES=2000 (per shard) and BOTOLOOM_FUZZ_SEED=<n> (a different draw).

A failure prints the whole failing definition (shrinking is off, see below; turn it on with
BOTOLOOM_FUZZ_SHRINK=1).  Every bug the fuzzer found is kept in regressions/*.json (what it was and how it was
fixed); those definitions run first, as explicit examples of shard 0.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, seed, settings

from ..helpers import botoloom
from . import harness
from .strategies import Definition, definitions

SHARDS = 2
EXAMPLES = int(os.environ.get("BOTOLOOM_FUZZ_EXAMPLES", "100"))  # per shard: 200 in all
SEED = int(os.environ.get("BOTOLOOM_FUZZ_SEED", "20261126"))
REGRESSIONS = sorted((Path(__file__).parent / "regressions").glob("*.json"))


def _regression(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _with_regressions(test: Callable[..., None]) -> Callable[..., None]:
    for path in REGRESSIONS:
        data = _regression(path)
        if data["expect"] == "ok":
            test = example(definition=Definition.from_json(data))(test)
    return test


@pytest.mark.parametrize("shard", range(SHARDS))
def test_hostile_definitions(shard: int, tmp_path: Path) -> None:
    packages: list[str] = []  # the ones that passed, for the type checkers
    count = iter(range(10**9))

    def one(definition: Definition) -> None:
        package = f"fuzz{shard}_{next(count)}"  # a fresh package (and data directory) per run
        try:
            problems = harness.run_example(definition, tmp_path, package)
        finally:
            harness.forget(package)
        if not problems:
            packages.append(package)
        assert not problems, f"service {definition.name!r} (package {package} in {tmp_path}):\n" + "\n".join(
            problems[:60]
        )

    if shard == 0:
        one = _with_regressions(one)
    run = settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        # Shrinking a failure can take many minutes: off in CI (the failing definition is
        # printed whole), on with BOTOLOOM_FUZZ_SHRINK=1 to get a small regression example.
        phases=(Phase.explicit, Phase.generate) + ((Phase.shrink,) if os.environ.get("BOTOLOOM_FUZZ_SHRINK") else ()),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )(seed(SEED + shard)(given(definition=definitions())(one)))
    run()
    assert len(packages) >= EXAMPLES // 2, f"only {len(packages)} examples ran"
    problems = harness.type_check(tmp_path / "packages", packages, pyright=True)
    assert not problems, (
        f"{len(problems)} type errors over {len(packages)} packages in {tmp_path / 'packages'}:\n"
        + "\n".join(problems[:80])
    )


@pytest.mark.parametrize("path", [p for p in REGRESSIONS if _regression(p)["expect"] != "ok"], ids=lambda p: p.stem)
def test_regression_rejected_cleanly(path: Path, tmp_path: Path) -> None:
    """Definitions that have no Python typing stop generation with a clear error (exit 2),
    in reasonable time, instead of hanging or crashing."""
    data = _regression(path)
    definition = Definition.from_json(data)
    harness.write_definition(definition, tmp_path / "data")
    result = botoloom(
        "--services",
        definition.name,
        "--output",
        str(tmp_path / "out"),
        "--jobs",
        "1",
        env={"AWS_DATA_PATH": str(tmp_path / "data")},
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert data["expect"]["error"] in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_regressions_are_documented() -> None:
    assert REGRESSIONS
    for path in REGRESSIONS:
        data = _regression(path)
        assert data["bug"] and data["found_by"] and data["name"], path
