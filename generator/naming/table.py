"""Stage 3, naming (the table): every module-level name of one service, decided in one pass.

`name_table(service)` runs after the model and before any view.  It asks the typemap which
TypedDicts the service needs (types.typemap.typed_dict_keys, types.resources.ResourceShapes:
pure functions of the model), gives every module-level name out by the spelling rules of
naming/rules.py and the suffixes of naming/suffixes.py, and returns a frozen NameTable;
views, typemap and templates only look names up in it.

A name is taken from a list of candidates: the first one still free, else the last one
with the smallest free number (`FooTypeDef`, `FooOutputTypeDef`, `FooOutputTypeDef2`).
Who comes first therefore decides every clash, and the order is this one.  No name
depends on the generation options.

The service package (client, type_defs, literals, paginators, waiters, stubber and the
names the package re-exports) is one namespace; nothing in it takes a name of RESERVED.
Its order is the list naming.steps.SERVICE_STEPS, one small function per step, each
returning its slice of the table (their docstrings say what each takes):
  1. fixed_names  2. client_classes  3. literal_aliases  4. client_typed_dicts
  5. resource_typed_dicts  6. union_members  7. paginator_classes  8. waiter_classes
  9. service_resource  10. stubber_names  11. call_protocols
A new module's names are a new step (usually last), passed to name_table(steps=...) or
added to SERVICE_STEPS; a slice no field of NameTable declares is kept in `more`.

exceptions.py is a namespace of its own.  A class attribute shadows any other name inside
the exceptions class body, so no class takes an error's attribute name: an error whose name
is a plain identifier outside RESERVED (and not the exceptions class or `type`) keeps it as
its class; the others, in model order, take `<escaped name>` else `<escaped name>Error`.
Last, the name that spells `type[...]` there: `type`, else (an error is called so) the
first of `Type_`, `Type_1`, ... that no error's attribute or class is.

service_resource.py is a namespace of its own: naming/resource_names.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from ..model.service import Service
from ..types.resources import ResourceShapes
from ..types.typemap import TypeNames, typed_dict_keys
from ..types.variants import Variant
from .registry import Registry
from .resource_names import RESOURCE_MODULE_RESERVED, ResourceModuleNames, resource_module
from .rules import RESERVED, class_prefix, escape_identifier, is_plain_key, module_name
from .steps import SERVICE_STEPS, Draft, Step
from .suffixes import ERROR, join

__all__ = ["RESOURCE_MODULE_RESERVED", "NameTable", "ResourceModuleNames", "name_table"]
_TYPE_SLICES = ("literals", "typed_dicts", "resource_typed_dicts", "one_of")  # steps 3-6: the TypeNames


@dataclass(frozen=True)
class NameTable:
    """Every module-level name of one service package, frozen (see the module docstring)."""

    module: str  # the service's package name (lambda_)
    prefix: str  # of its class names (Lambda)
    client: str
    exceptions: str
    types: TypeNames  # Literal aliases and TypedDicts (what a TypeMap names)
    paginators: Mapping[str, str]  # paginator's method -> class
    waiters: Mapping[str, str]  # waiter's method -> class
    service_resource: str  # "" without resources
    stubber: str  # "" without operations
    error_code: str  # the Literal alias of the modeled error codes; "" without
    stub_responses: Mapping[str, str]  # output shape -> the Stubber's response TypedDict
    exception_classes: Mapping[str, str]  # error shape -> class in exceptions.py
    exception_type: str  # what spells type[...] in exceptions.py: `type`, else an alias of Type
    resources: ResourceModuleNames | None  # service_resource.py's names
    calls: Mapping[str, str] = field(default_factory=dict)  # overloaded client method -> its call Protocol
    more: Mapping[str, Any] = field(default_factory=dict)  # slices of steps no field declares (a new module's)

    def literal(self, shape: str) -> str:
        return self.types.literals[shape]

    def typed_dict(self, shape: str, variant: Variant) -> str:
        key = (shape, variant)
        return self.types.typed_dicts[key] if key in self.types.typed_dicts else self.types.resource_typed_dicts[key]

    def paginator(self, method: str) -> str:
        return self.paginators[method]

    def waiter(self, method: str) -> str:
        return self.waiters[method]

    def exception_class(self, error_shape: str) -> str:
        return self.exception_classes[error_shape]

    def stub_response(self, output_shape: str) -> str:
        return self.stub_responses[output_shape]


def _frozen(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping))


def name_table(service: Service, steps: Sequence[Step] = SERVICE_STEPS) -> NameTable:
    """Every module-level name of `service`: the steps in order (module docstring), then the
    namespaces of exceptions.py and service_resource.py."""
    keys = typed_dict_keys(service)
    shapes = ResourceShapes(service, keys) if service.resources is not None else None
    draft = Draft(service, keys, shapes, class_prefix(service), Registry(RESERVED))
    for step in steps:
        draft.names.update(step(draft))
    made = draft.names
    types = TypeNames(
        keys=keys,
        literals=_frozen(made["literals"]),
        typed_dicts=MappingProxyType(made["typed_dicts"]),
        resource_typed_dicts=MappingProxyType(made["resource_typed_dicts"]),
        one_of=MappingProxyType(made["one_of"]),
    )
    exception_classes = _exception_names(service, made["exceptions"])
    resources = None
    if shapes is not None:
        resources = resource_module(service, shapes, types, (draft.prefix, made["client"], made["service_resource"]))
    declared = {f.name for f in fields(NameTable)}
    return NameTable(
        module=module_name(service.name),
        prefix=draft.prefix,
        client=made["client"],
        exceptions=made["exceptions"],
        types=types,
        paginators=_frozen(made["paginators"]),
        waiters=_frozen(made["waiters"]),
        service_resource=made["service_resource"],
        stubber=made["stubber"],
        error_code=made["error_code"],
        stub_responses=_frozen(made["stub_responses"]),
        exception_classes=_frozen(exception_classes),
        exception_type=_type_alias(service, exception_classes),
        resources=resources,
        calls=_frozen(made["calls"]),
        more=MappingProxyType({k: v for k, v in made.items() if k not in declared and k not in _TYPE_SLICES}),
    )


def _exception_names(service: Service, exceptions_class: str) -> dict[str, str]:
    """exceptions.py: error shape -> class (see the module docstring)."""
    attributes = {n for n in service.error_shapes if is_plain_key(n)}
    taken = RESERVED | {exceptions_class, "type"}
    own = {n: n for n in attributes if n == escape_identifier(n) and n not in taken}
    registry = Registry(taken | attributes)
    return {
        name: own.get(name) or registry.take(escape_identifier(name), join(escape_identifier(name), ERROR))
        for name in service.error_shapes
    }


def _type_alias(service: Service, classes: Mapping[str, str]) -> str:
    """exceptions.py: the name that spells `type[...]` in the exceptions class body: `type`,
    unless an error's attribute or class is called so (it would shadow the builtin there),
    else the first of Type_, Type_1, Type_2... that none is called."""
    taken = {n if is_plain_key(n) else "" for n in service.error_shapes} | set(classes.values())
    if "type" not in taken:
        return "type"
    return next(
        f"Type_{n}" if n else "Type_" for n in range(len(taken) + 1) if (f"Type_{n}" if n else "Type_") not in taken
    )
