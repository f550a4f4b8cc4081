"""Single-template snapshots: what each template of templates/ renders for two tiny services
(one with an event stream, enums, errors, a paginator and a waiter; one with resources;
a `dynamodb` with one operation, for the re-export module) and
for the package files, compared with tests/unit/snapshots/ (one file per module).  A template change shows here as
a small diff, without regenerating the reference services.  After a deliberate change:
`BOTOLOOM_SNAPSHOTS=update .venv/bin/python -m pytest tests/unit/test_template_snapshots.py -n 0`,
then review the diff of tests/unit/snapshots/."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from generator.model.service import Service
from generator.options import Options
from generator.render import files
from generator.render.kinds import SERVICE_KINDS

from ..tiny import service
from .test_resources import tiny_service as resource_service

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("BOTOLOOM_SNAPSHOTS") == "update"
VERSIONS = "botoloom snapshot"
SHAPES: dict[str, Any] = {
    "Str": {"type": "string"},
    "Blob": {"type": "blob"},
    "Color": {"type": "string", "enum": ["red", "green"]},
    "Chunk": {"type": "structure", "members": {"Bytes": {"shape": "Blob"}}, "event": True},
    "Done": {"type": "structure", "members": {}, "event": True},
    "Events": {
        "type": "structure",
        "members": {"Chunk": {"shape": "Chunk"}, "Done": {"shape": "Done"}},
        "eventstream": True,
    },
    "StreamOut": {"type": "structure", "members": {"Stream": {"shape": "Events"}}, "payload": "Stream"},
    "ListIn": {"type": "structure", "members": {"Token": {"shape": "Str"}, "Color": {"shape": "Color"}}},
    "ListOut": {"type": "structure", "members": {"Token": {"shape": "Str"}, "Items": {"shape": "Items"}}},
    "Items": {"type": "list", "member": {"shape": "Str"}},
    "Boom": {"type": "structure", "members": {}, "exception": True, "documentation": "<p>It went boom.</p>"},
}
OPERATIONS: dict[str, Any] = {
    "Stream": {"output": {"shape": "StreamOut"}, "errors": [{"shape": "Boom"}]},
    "ListThings": {"input": {"shape": "ListIn"}, "output": {"shape": "ListOut"}},
}
PAGINATORS = {"ListThings": {"input_token": "Token", "output_token": "Token", "result_key": "Items"}}
WAITERS = {
    "ThingsListed": {
        "operation": "ListThings",
        "delay": 5,
        "maxAttempts": 3,
        "acceptors": [{"state": "success", "matcher": "path", "argument": "Token", "expected": "x"}],
    }
}


def services() -> list[Service]:
    return [
        service(SHAPES, OPERATIONS, name="snap", paginators=PAGINATORS, waiters=WAITERS),
        resource_service(),
        service({}, {"Ping": {}}, name="dynamodb"),  # re-exports a runtime module (conditions.py)
    ]


@lru_cache(maxsize=1)
def rendered() -> dict[str, tuple[str, str]]:
    """path -> (template, text) of every module the tiny services and their package render."""
    out: dict[str, tuple[str, str]] = {}
    entries = []
    for svc in services():
        made, entry = files.render_service_entry(svc, VERSIONS, Options(aio=True))
        entries.append(entry)
        for kind in SERVICE_KINDS:
            for path, text in made.items():
                module = path.split("/", 1)[1]
                if module.removesuffix("i") == kind.path or (kind.parts and module == "conditions.py"):
                    out[path] = (kind.template, text)
    package = files.render_package("aws_typed", entries, VERSIONS)
    out["__init__.py"] = ("package_init.py.j2", package["__init__.py"])
    out["boto3.py"] = ("entry.py.j2", package["boto3.py"])
    return out


def templates() -> list[str]:
    return sorted(p.name for p in files.template_dir().glob("*.j2") if not p.name.startswith("_"))


def snapshot_name(path: str) -> str:
    return path.replace("/", "--") + ".txt"


@pytest.mark.parametrize("template", templates())
def test_template_renders_its_snapshot(template: str) -> None:
    made = {path: text for path, (t, text) in rendered().items() if t == template}
    assert made, f"no tiny module renders {template}: add one to this test"
    for path, text in sorted(made.items()):
        snap = SNAPSHOTS / snapshot_name(path)
        if UPDATE:
            SNAPSHOTS.mkdir(exist_ok=True)
            snap.write_text(text, encoding="utf-8")
        assert snap.is_file(), f"no snapshot {snap.name}: run with BOTOLOOM_SNAPSHOTS=update"
        assert text == snap.read_text(encoding="utf-8"), f"{path} ({template}) differs from {snap.name}"


def test_no_stale_snapshot() -> None:
    names = {snapshot_name(path) for path in rendered()}
    assert {p.name for p in SNAPSHOTS.glob("*.txt")} == names
