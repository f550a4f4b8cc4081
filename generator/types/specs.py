"""The data the type stage hands on: a TypedDict to write (TypedDictSpec) and its fields.

Built by the TypeMap (types/typemap.py), the resource side (types/resources.py) and full results
(types/full_result.py); written out by the views.
"""

from __future__ import annotations

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
    """What the TypeMap asks of the resource side of a service (resources_types.ResourceTypes):
    the specs of its variants and their names."""

    names: dict[tuple[str, Variant], str]

    def spec(self, shape_name: str, variant: Variant, name: str) -> TypedDictSpec: ...
