"""The shape of the resource stubs that decides what a type checker reads (issue #28): a
resource class must not name the service's client in its bases, or pyright parses and binds
client.pyi (the largest stub of a service: 1.3 MB for ec2) as soon as a script touches any
resource.  The client is named where only `meta.client` needs it: the `meta` property."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATED = Path(__file__).resolve().parents[2] / "generated" / "aws_typed"
STUBS = sorted(GENERATED.glob("*/service_resource.pyi"))
COLLECTION_BASES = {"ResourceCollection", "CollectionManager"}


def _client_names(tree: ast.Module) -> set[str]:
    """The names the stub imports from its service's client module."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "client" and node.level == 1
        for alias in node.names
    }


def _resource_classes(tree: ast.Module, clients: set[str]) -> list[ast.ClassDef]:
    """The resource classes (not the collections, not a client subclass such as dynamodb's
    resource client)."""
    out = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        heads = {ast.unparse(b).split("[")[0] for b in node.bases}
        if heads & COLLECTION_BASES or heads & clients:
            continue
        out.append(node)
    return out


def test_there_are_resource_stubs() -> None:
    assert {p.parent.name for p in STUBS} >= {"s3", "ec2", "dynamodb", "sqs"}


@pytest.mark.parametrize("stub", STUBS, ids=lambda p: p.parent.name)
def test_no_resource_class_names_the_client_in_its_bases(stub: Path) -> None:
    tree = ast.parse(stub.read_text())
    clients = _client_names(tree)
    assert clients, "the stub imports its client (for meta.client)"
    classes = _resource_classes(tree, clients)
    assert classes
    for cls in classes:
        used = {n.id for base in cls.bases for n in ast.walk(base) if isinstance(n, ast.Name)}
        assert not used & clients, f"{stub.parent.name}.{cls.name}: {[ast.unparse(b) for b in cls.bases]}"


@pytest.mark.parametrize("stub", STUBS, ids=lambda p: p.parent.name)
def test_meta_names_the_client(stub: Path) -> None:
    """meta.client stays typed: every resource class declares `meta` as ResourceMeta[<its client>]."""
    tree = ast.parse(stub.read_text())
    clients = _client_names(tree)
    local_clients = {
        node.name
        for node in tree.body
        if isinstance(node, ast.ClassDef) and {ast.unparse(b) for b in node.bases} & clients
    }
    for cls in _resource_classes(tree, clients):
        [meta] = [f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "meta"]
        assert [ast.unparse(d) for d in meta.decorator_list] == ["property"]
        returns = ast.unparse(meta.returns) if meta.returns else ""
        assert returns in {f"ResourceMeta[{c}]" for c in clients | local_clients}, (cls.name, returns)
