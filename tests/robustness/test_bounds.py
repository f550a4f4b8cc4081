"""Resource bounds (issue 26): `jobs = 100000` or `--jobs 100000` never starts more worker
processes than there are CPUs to run them; a capped request is said in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.app import config
from tests.helpers import REPO

from .conftest import Models, run

CPUS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@pytest.mark.parametrize(
    ("request_jobs", "settings_jobs", "expected"),
    [(100_000, None, CPUS), (None, 100_000, CPUS), (None, None, CPUS), (1, 100_000, 1)],
)
def test_the_plan_never_asks_for_more_workers_than_cpus(
    tmp_path: Path, request_jobs: int | None, settings_jobs: int | None, expected: int
) -> None:
    request = config.Request(services=("sqs",), jobs=request_jobs, output=str(tmp_path / "out"))
    settings = config.Config(jobs=settings_jobs, path=tmp_path / "pyproject.toml")
    assert config.plan(request, settings).jobs == expected


def test_a_capped_jobs_flag_is_said_in_one_line(models: Models, tmp_path: Path) -> None:
    models.add("tiny")
    models.add("other")
    result = run("--services", "tiny", "other", "--output", str(tmp_path / "out"), "--jobs", "100000", models=models)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "--jobs 100000" in line]
    assert said == [f"botoloom: warning: --jobs 100000: only {CPUS} CPU(s) available, using {CPUS} worker process(es)"]


def test_capped_jobs_in_pyproject_names_the_file(models: Models, tmp_path: Path) -> None:
    models.add("tiny")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.botoloom]\nservices = ["tiny"]\noutput = "gen"\njobs = 100000\n')
    result = run("--quiet", models=models, cwd=project)
    assert result.returncode == 0, result.stderr
    assert f"jobs = 100000 in {project / 'pyproject.toml'}: only {CPUS} CPU(s) available" in result.stderr


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity on this system")
def test_the_cpus_are_those_the_process_may_run_on(models: Models, tmp_path: Path) -> None:
    """Limited to one CPU (taskset, a container's cpuset), --jobs 2 is capped to 1."""
    models.add("tiny")
    models.add("other")
    one = min(os.sched_getaffinity(0))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--services", "tiny", "other", "--output", str(tmp_path / "out")]
        + ["--jobs", "2", "--quiet"],
        cwd=REPO,
        env=dict(os.environ, **models.env()),
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=lambda: os.sched_setaffinity(0, {one}),  # noqa: PLW1509 - no threads in this test process
    )
    assert result.returncode == 0, result.stderr
    assert "--jobs 2: only 1 CPU(s) available, using 1 worker process(es)" in result.stderr
