"""The order in which the service package's names are handed out, as data: SERVICE_STEPS.

Each step is a small function of the Draft (the service, its TypedDict keys, the registry of
the package's namespace and the slices of the steps before it) that takes its names from the
registry and returns its slice of the table (field of NameTable -> names).  Who comes first
decides every clash, so the order of SERVICE_STEPS is part of the output: a new step goes
where its names should lose (after) or win (before) against the others' (a new module's
names: usually last).  Suffixes come from naming/suffixes.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model.service import Service
from ..types.resources import ResourceShapes
from ..types.typemap import TypedDictKeys
from ..types.variants import IN, REQUEST, Variant
from .registry import Registry
from .rules import derived_class_names, type_base
from .suffixes import (
    CLIENT,
    ERROR_CODE,
    EXCEPTIONS,
    LITERAL,
    MEMBER,
    PAGINATOR,
    RESOURCE,
    RESOURCE_ONLY_SUFFIX,
    RESOURCE_SUFFIX,
    SERVICE_RESOURCE,
    STUB,
    STUBBER,
    TYPE_DEF,
    VARIANT_SUFFIX,
    WAITER,
    join,
    kind_suffix,
)

FIXED = ("PaginatorName", "WaiterName", "OperationName", "client")
Key = tuple[str, Variant]  # (shape, variant) of a TypedDict


@dataclass
class Draft:
    """What the steps share while the table is made; `names`: the slices so far."""

    service: Service
    keys: TypedDictKeys
    shapes: ResourceShapes | None  # the resource side's TypedDicts (services with resources)
    prefix: str  # of the service's class names
    registry: Registry
    names: dict[str, Any] = field(default_factory=dict)


Step = Callable[[Draft], Mapping[str, Any]]


def fixed_names(d: Draft) -> Mapping[str, Any]:
    """1. PaginatorName, WaiterName, OperationName (literals), client (the factory)."""
    for fixed in FIXED:
        d.registry.take(fixed)
    return {}


def client_classes(d: Draft) -> Mapping[str, Any]:
    """2. the client class `<Prefix>Client`, then the exceptions class `<Prefix>Exceptions`."""
    return {
        "client": d.registry.take(join(d.prefix, CLIENT)),
        "exceptions": d.registry.take(join(d.prefix, EXCEPTIONS)),
    }


def literal_aliases(d: Draft) -> Mapping[str, Any]:
    """3. Literal aliases `<Shape>Type`, one per enum shape, in model order."""
    enums = [s.name for s in d.service.shapes.values() if s.kind == "enum"]
    return {"literals": {name: d.registry.take(join(type_base(name), LITERAL)) for name in enums}}


def client_typed_dicts(d: Draft) -> Mapping[str, Any]:
    """4. the client's TypedDicts (typemap variants): those that keep the plain
    `<Shape>TypeDef` first, over all keys in sorted order, then the variant-suffixed ones
    (`<Shape><Suffix>TypeDef`, else `<Shape><Suffix><Variant>TypeDef`), sorted.  The keys
    are plain variants only: sorted, they order by kind as their strings did (types/variants.py)."""
    ids = d.keys.keys
    both_sides = {s for s, v in ids if v.input_side} & {s for s, v in ids if not v.input_side}
    plain: list[Key] = []
    suffixed: list[Key] = []
    for shape, variant in sorted(ids):
        wants_suffix = (
            variant.kind in ("paginate", "full", "fullpart", "wait")
            or (shape in both_sides and variant.kind in ("out", "response"))
            or (variant == REQUEST and (shape, IN) in ids)
        )
        (suffixed if wants_suffix else plain).append((shape, variant))
    names: dict[Key, str] = {}
    for shape, variant in plain:
        base = type_base(shape)
        names[(shape, variant)] = d.registry.take(join(base, TYPE_DEF), join(base, kind_suffix(variant.kind), TYPE_DEF))
    for shape, variant in suffixed:
        base = join(type_base(shape), VARIANT_SUFFIX[variant.kind])
        names[(shape, variant)] = d.registry.take(join(base, TYPE_DEF), join(base, kind_suffix(variant.kind), TYPE_DEF))
    return {"typed_dicts": names}


def resource_typed_dicts(d: Draft) -> Mapping[str, Any]:
    """5. the resource side's TypedDicts (types/resources.py), in collection order: resources
    in model order, the service resource first (actions, batch actions, collections, waiters,
    attributes), then the operations boto3 converts on a resource's client."""
    if d.shapes is None:
        return {"resource_typed_dicts": {}}
    made = {key: d.registry.take(*_resource_candidates(key, label)) for key, label in d.shapes.typed_dicts().items()}
    return {"resource_typed_dicts": made}


def _resource_candidates(key: Key, label: str) -> tuple[str, str]:
    shape, variant = key
    base = type_base(shape)
    if variant.trimmed:  # a resource method's request: named after the resource and method
        return join(base + label, TYPE_DEF), join(base + label, RESOURCE, TYPE_DEF)
    if variant.resource:
        suffix = RESOURCE_SUFFIX[variant.kind]
        return join(base, suffix, TYPE_DEF), join(base, suffix, kind_suffix(variant.kind), TYPE_DEF)
    # a client variant the client itself never needed (only a resource does)
    suffix = RESOURCE_ONLY_SUFFIX.get(variant.kind, "")
    return join(base, suffix, TYPE_DEF), join(base, suffix, kind_suffix(variant.kind), TYPE_DEF)


def union_members(d: Draft) -> Mapping[str, Any]:
    """6. the single-member TypedDicts of union inputs `<Union><Member>TypeDef` (else
    `...MemberTypeDef`), unions in shape-name order, members in model order."""
    typed_dicts = {**d.names["typed_dicts"], **d.names["resource_typed_dicts"]}
    one_of: dict[str, tuple[tuple[str, str], ...]] = {}
    for shape_name, name in sorted((shape, name) for (shape, variant), name in typed_dicts.items() if variant == IN):
        shape = d.service.shape(shape_name)
        if shape.kind == "union" and shape.members:
            base = type_base(shape_name)
            one_of[name] = tuple(
                (
                    m.name,
                    d.registry.take(
                        join(base + type_base(m.name), TYPE_DEF), join(base + type_base(m.name), MEMBER, TYPE_DEF)
                    ),
                )
                for m in shape.members
            )
    return {"one_of": one_of}


def paginator_classes(d: Draft) -> Mapping[str, Any]:
    """7. paginator classes `<Operation>Paginator` (else `...PaginatorClass`), paginators-1 order."""
    return {
        "paginators": {
            p.method: d.registry.take(*derived_class_names(p.operation, PAGINATOR)) for p in d.service.paginators
        }
    }


def waiter_classes(d: Draft) -> Mapping[str, Any]:
    """8. waiter classes `<Waiter>Waiter` (else `...WaiterClass`), waiters-2 order."""
    return {"waiters": {w.method: d.registry.take(*derived_class_names(w.name, WAITER)) for w in d.service.waiters}}


def service_resource(d: Draft) -> Mapping[str, Any]:
    """9. `<Prefix>ServiceResource` (services with resources)."""
    return {"service_resource": d.registry.take(join(d.prefix, SERVICE_RESOURCE)) if d.shapes is not None else ""}


def stubber_names(d: Draft) -> Mapping[str, Any]:
    """10. the stubber `<Prefix>Stubber`, the error-code alias `<Prefix>ErrorCode` (services
    with modeled errors) and `<Output>StubTypeDef` per output shape, sorted (services with
    operations)."""
    service = d.service
    if not service.operations:
        return {"stubber": "", "error_code": "", "stub_responses": {}}
    stubber = d.registry.take(join(d.prefix, STUBBER))
    error_code = d.registry.take(join(d.prefix, ERROR_CODE)) if service.error_shapes else ""
    outputs = sorted({op.output for op in service.operations if op.output})
    responses = {shape: d.registry.take(join(type_base(shape), STUB, TYPE_DEF)) for shape in outputs}
    return {"stubber": stubber, "error_code": error_code, "stub_responses": responses}


# The client methods that, when overloaded, client.pyi and aio.pyi declare as an attribute typed by a
# Protocol whose __call__ carries the overloads (views/overloads.py: call_protocol): the Protocol's name.
CALL_PROTOCOLS = {
    "get_paginator": "_GetPaginator",
    "get_waiter": "_GetWaiter",
    "generate_presigned_url": "_GeneratePresignedUrl",
}


def call_protocols(d: Draft) -> Mapping[str, Any]:
    """11. the Protocols of the overloaded client methods `_<Method>` (else `_<Method>Call`), in
    CALL_PROTOCOLS order; taken whether or not the service overloads the method."""
    return {"calls": {method: d.registry.take(name, name + "Call") for method, name in CALL_PROTOCOLS.items()}}


SERVICE_STEPS: tuple[Step, ...] = (
    fixed_names,
    client_classes,
    literal_aliases,
    client_typed_dicts,
    resource_typed_dicts,
    union_members,
    paginator_classes,
    waiter_classes,
    service_resource,
    stubber_names,
    call_protocols,
)
