"""Shared by the migrate tests: the generated package as the target, and a one-call rewrite."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from generator.migrate.package import Target, botocore_services
from generator.migrate.transform import rewrite

from ..helpers import GENERATED


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
