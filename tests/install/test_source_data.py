"""source.load.Data: definitions read from exactly the given data directories (another
environment's botocore), never from the botocore botoloom runs with, through the pipeline and
its worker processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import botocore.session
import pytest

from generator import pipeline
from generator.app import config
from generator.source.load import Data, Source


def copy_with_ping(data: Path, name: str) -> None:
    """`name`'s definition from the running botocore, under a newer API version, with one
    operation more (Ping): only a Loader over `data` alone can see it."""
    loader = botocore.session.get_session().get_component("data_loader")
    service = loader.load_service_model(name, "service-2")
    service["operations"]["Ping"] = {"name": "Ping", "http": {"method": "POST", "requestUri": "/"}}
    where = data / name / "2099-01-01"
    where.mkdir(parents=True)
    (where / "service-2.json").write_text(json.dumps(service))


@pytest.fixture
def data(tmp_path: Path) -> Iterator[Data]:
    for name in ("sts", "sqs"):
        copy_with_ping(tmp_path / "data", name)
    yield Data((str(tmp_path / "data"),), "9.9.9", "8.8.8")
    pipeline.use(None)  # the process's source back to the running botocore


def test_a_source_over_data_reads_only_those_directories(data: Data) -> None:
    source = Source(data)
    assert source.available_services() == ["sqs", "sts"]
    assert (source.botocore_version, source.boto3_version) == ("9.9.9", "8.8.8")
    assert "Ping" in source.load("sts").service["operations"]
    assert all(path.startswith(data.paths[0]) for path, _, _ in source.fingerprint("sts"))
    assert len(Source().available_services()) > 100  # the default is untouched


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_plan_carries_data_to_the_pipeline_and_its_workers(data: Data, tmp_path: Path, jobs: int) -> None:
    request = config.Request(services=("sqs", "sts"), output=str(tmp_path / "out"), jobs=jobs, quiet=True, data=data)
    plan = config.plan(request, config.Config())
    assert plan.data == data
    assert pipeline.generate(plan) == 0
    for name in ("sqs", "sts"):
        stub = (tmp_path / "out" / "aws_typed" / name / "client.pyi").read_text()
        assert "def ping(" in stub and "botocore 9.9.9" in stub[:2000]
