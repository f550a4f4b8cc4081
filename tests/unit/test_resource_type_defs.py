"""The type_defs split (issue #28): a checker that reads a service's resources reads only the
TypedDicts they need.  service_resource.pyi imports its TypedDicts from resource_type_defs,
which defines them and everything they refer to (so it imports nothing from type_defs, the
client's 0.9 MB for ec2), and type_defs re-exports every one of them: every name stays
importable from `<service>.type_defs`, for checkers (`X as X`, in `__all__`) and at run time
(the same class)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from generator.types.pyexpr import Name, sub, typing_name
from generator.types.specs import Field, TypedDictSpec, closure
from generator.types.variants import Variant

GENERATED = Path(__file__).resolve().parents[2] / "generated" / "aws_typed"
RESOURCE_SERVICES = sorted(p.parent.name for p in GENERATED.glob("*/service_resource.pyi"))


def _from(tree: ast.Module, module: str) -> dict[str, str | None]:
    """name -> alias of every `from .<module> import ...` of the tree, at any depth."""
    return {
        a.name: a.asname
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module == module
        for a in node.names
    }


def _all(tree: ast.Module) -> list[str]:
    node = next(n for n in tree.body if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == "__all__")
    return list(ast.literal_eval(node.value))


def _tree(service: str, module: str, ext: str = "pyi") -> ast.Module:
    return ast.parse((GENERATED / service / f"{module}.{ext}").read_text())


def test_every_resource_service_has_the_split() -> None:
    assert {"ec2", "s3", "dynamodb", "sqs"} <= set(RESOURCE_SERVICES)
    assert all((GENERATED / s / "resource_type_defs.pyi").is_file() for s in RESOURCE_SERVICES)
    assert not [p for p in GENERATED.glob("*/resource_type_defs.py") if not (p.parent / "service_resource.py").exists()]


@pytest.mark.parametrize("service", RESOURCE_SERVICES)
def test_the_resource_stub_imports_nothing_from_type_defs(service: str) -> None:
    stub = _tree(service, "service_resource")
    assert not _from(stub, "type_defs")
    assert _from(stub, "resource_type_defs")


@pytest.mark.parametrize("service", RESOURCE_SERVICES)
@pytest.mark.parametrize("ext", ["py", "pyi"])
def test_resource_type_defs_is_closed_and_type_defs_re_exports_it(service: str, ext: str) -> None:
    small, full = _tree(service, "resource_type_defs", ext), _tree(service, "type_defs", ext)
    assert not _from(small, "type_defs"), "everything a moved TypedDict names is moved with it"
    moved = _all(small)
    assert moved and _from(full, "resource_type_defs") == {name: name for name in moved}
    assert set(moved) <= set(_all(full))
    defined = {n.name for n in full.body if isinstance(n, ast.ClassDef)}
    assert not defined & set(moved)


def test_ec2_resources_need_a_tenth_of_its_type_defs() -> None:
    small = (GENERATED / "ec2" / "resource_type_defs.pyi").stat().st_size
    full = (GENERATED / "ec2" / "type_defs.pyi").stat().st_size
    assert small < 0.15 * (small + full)


@pytest.mark.parametrize("service", ["ec2", "sqs"])
def test_the_names_are_the_same_classes_at_run_time(service: str) -> None:
    small = importlib.import_module(f"aws_typed.{service}.resource_type_defs")
    full = importlib.import_module(f"aws_typed.{service}.type_defs")
    assert small.__all__ and all(getattr(full, name) is getattr(small, name) for name in small.__all__)


def _spec(name: str, *refs: str) -> TypedDictSpec:
    fields = tuple(Field(r.lower(), sub(typing_name("List"), Name(".type_defs", r)), True) for r in refs)
    return TypedDictSpec(name, name, Variant("any"), fields)


def test_closure_follows_fields_at_any_depth_and_through_cycles() -> None:
    specs = [_spec("A", "B"), _spec("B", "C", "A"), _spec("C"), _spec("D", "A"), _spec("E")]
    assert closure(specs, ["A"]) == {"A", "B", "C"}
    assert closure(specs, ["D", "Unknown"]) == {"A", "B", "C", "D"}
    assert closure(specs, []) == frozenset()
