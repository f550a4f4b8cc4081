"""pipeline.generate/check run with fewer cyclic collections and give the caller's
collector settings back (the hatch hook runs inside the user's build process)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from generator import pipeline


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_collect_less_sets_and_restores(thresholds) -> None:
    with pipeline.collect_less():
        assert gc.get_threshold() == pipeline.THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_collect_less_restores_after_an_error(thresholds) -> None:
    with pytest.raises(RuntimeError), pipeline.collect_less():
        raise RuntimeError
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.parametrize("run", [pipeline.generate, pipeline.check])
def test_generate_and_check_render_with_fewer_collections(thresholds, tmp_path: Path, monkeypatch, run) -> None:
    seen: list[tuple[int, ...]] = []
    real = pipeline._some

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_some", spy)
    plan = pipeline.Plan(names=["sqs"], root=tmp_path / "aws_typed", package="aws_typed", jobs=1, quiet=True)
    if run is pipeline.check:
        pipeline.generate(plan)
        seen.clear()
    run(plan)
    assert seen == [pipeline.THRESHOLDS]
    assert gc.get_threshold() == (700, 10, 10)


def test_workers_start_with_fewer_collections(thresholds) -> None:
    pipeline._worker_start()
    assert gc.get_threshold() == pipeline.THRESHOLDS
