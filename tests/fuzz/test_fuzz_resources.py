"""Hostile resource, action, collection, identifier and waiter names in a custom boto3
resources-1 (as AWS_DATA_PATH can bring): each example either generates modules that
compile, import without side effects and type-check, or stops with one clear error
naming resources-1 (exit 2 on the command line).  Fixed seed, bounded for CI."""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings

from generator import __version__
from generator.errors import UserError
from generator.model.service import build
from generator.render.files import render_package, render_service_entry
from generator.source.load import Source

from . import harness
from .strategies import API_VERSION, ENDPOINT_RULES, RESOURCE_SERVICE, RESOURCE_WAITERS, resource_documents

EXAMPLES = int(os.environ.get("BOTOLOOM_FUZZ_EXAMPLES", "100")) // 2


def _write(data: Path, resources: dict[str, Any]) -> None:
    folder = data / "fuzzres" / API_VERSION
    folder.mkdir(parents=True)
    for name, document in (
        ("service-2", RESOURCE_SERVICE),
        ("resources-1", resources),
        ("waiters-2", RESOURCE_WAITERS),
        ("endpoint-rule-set-1", ENDPOINT_RULES),
    ):
        (folder / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")


def test_hostile_resource_names(tmp_path: Path) -> None:
    packages_dir = tmp_path / "packages"
    done: list[str] = []
    refused: list[str] = []
    count = iter(range(10**9))

    @seed(20261202)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=(Phase.generate,),
        suppress_health_check=list(HealthCheck),
    )
    @given(resources=resource_documents())
    def one(resources: dict[str, Any]) -> None:
        package = f"fuzzres_{next(count)}"
        data = tmp_path / "data" / package
        _write(data, resources)
        with harness.data_path(data):
            source = Source()
            versions = f"botoloom {__version__} from botocore {source.botocore_version}"
            try:
                files, entry = render_service_entry(build(source.load("fuzzres")), versions)
            except UserError as exc:
                assert "resources-1" in str(exc), exc
                refused.append(str(exc))
                return
        files.update(render_package(package, [entry], versions))
        for rel, text in files.items():
            target = packages_dir / package / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            if rel.endswith(".py"):
                compile(text, str(target), "exec")
        before = set(os.listdir(tmp_path))
        harness.forget(package)
        import sys

        sys.path.insert(0, str(packages_dir))
        try:
            importlib.import_module(f"{package}.fuzzres.service_resource")
            importlib.import_module(f"{package}.fuzzres.client")
        finally:
            sys.path.remove(str(packages_dir))
            harness.forget(package)
        assert set(os.listdir(tmp_path)) == before  # no side effects
        done.append(package)

    one()
    assert done and refused, (len(done), len(refused))  # both paths were exercised
    problems = harness.type_check(packages_dir, done, pyright=True)
    assert not problems, "\n".join(problems[:60])
