"""The data the type stage hands on: a TypedDict to write (TypedDictSpec) and its fields.

Built by the TypeMap (types/typemap.py), the resource side (types/resources.py) and full results
(types/full_result.py); written out by the views, in dependency_order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from .pyexpr import PyExpr
from .variants import Variant


@dataclass(frozen=True)
class Field:
    key: str
    type: PyExpr
    required: bool
    documentation: str = ""


@dataclass(frozen=True)
class TypedDictSpec:
    name: str
    shape: str
    variant: Variant
    fields: tuple[Field, ...]
    documentation: str = ""


class ResourceSide(Protocol):
    """What the TypeMap asks of the resource side of a service (types.resources.ResourceTypes):
    the specs of its variants and their names."""

    names: dict[tuple[str, Variant], str]

    def spec(self, shape_name: str, variant: Variant, name: str) -> TypedDictSpec: ...


def dependency_order(specs: list[TypedDictSpec]) -> list[TypedDictSpec]:
    """`specs` (in name order) rearranged so each comes after the specs its fields name:
    depth-first, dependencies in name order. Type checkers then meet no forward reference
    except inside a cycle (mypy re-analyses a module's top level for every pass that a
    forward reference defers; sorted, ec2's type_defs takes about half the time)."""
    by_name = {spec.name: spec for spec in specs}
    uses = {
        spec.name: sorted({n.name for f in spec.fields for n in f.type.names() if n.name in by_name} - {spec.name})
        for spec in specs
    }
    placed: dict[str, TypedDictSpec] = {}
    entered: set[str] = set()
    for root in by_name:
        if root in entered:
            continue
        stack = [(root, iter(uses[root]))]
        entered.add(root)
        while stack:
            name, pending = stack[-1]
            child = next((c for c in pending if c not in entered), None)
            if child is None:
                stack.pop()
                placed[name] = by_name[name]
            else:
                entered.add(child)
                stack.append((child, iter(uses[child])))
    return list(placed.values())


def closure(specs: list[TypedDictSpec], roots: Iterable[str]) -> frozenset[str]:
    """The names of `specs` that `roots` reach through their fields' types, at any depth:
    what a module defining `roots` must define with them (issue #28, resource_type_defs)."""
    by_name = {spec.name: spec for spec in specs}
    seen: set[str] = set()
    todo = [name for name in roots if name in by_name]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += [n.name for f in by_name[name].fields for n in f.type.names() if n.name in by_name]
    return frozenset(seen)
