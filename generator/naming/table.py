"""Stage 3, naming (the table): every module-level name of one service, decided in one pass.

`name_table(service)` runs after the model and before any view.  It asks the typemap which
TypedDicts the service needs (typemap.typed_dict_keys, resources_types.ResourceShapes:
pure functions of the model), gives every module-level name out by the rules of naming.py,
and returns a frozen NameTable; views, typemap and templates only look names up in it.

A name is taken from a list of candidates: the first one still free, else the last one
with the smallest free number (`FooTypeDef`, `FooOutputTypeDef`, `FooOutputTypeDef2`).
Who comes first therefore decides every clash, and the order is this one.  No name
depends on the generation options.

The service package (client, type_defs, literals, paginators, waiters, stubber and the
names the package re-exports) is one namespace; nothing in it takes a name of RESERVED:
  1. the fixed names: PaginatorName, WaiterName, OperationName (literals), client (factory)
  2. the client class `<Prefix>Client`, then the exceptions class `<Prefix>Exceptions`
  3. Literal aliases `<Shape>Type`, one per enum shape, in model order
  4. the client's TypedDicts (typemap variants): those that keep the plain `<Shape>TypeDef`
     first, over all keys in sorted order, then the variant-suffixed ones
     (`<Shape><Suffix>TypeDef`, else `<Shape><Suffix><Variant>TypeDef`), sorted
  5. the resource side's TypedDicts (resources_types), in collection order: resources in
     model order, the service resource first (actions, batch actions, collections,
     waiters, attributes), then the operations boto3 converts on a resource's client
  6. the single-member TypedDicts of union inputs `<Union><Member>TypeDef` (else
     `...MemberTypeDef`), unions in shape-name order, members in model order
  7. paginator classes `<Operation>Paginator` (else `...PaginatorClass`), paginators-1 order
  8. waiter classes `<Waiter>Waiter` (else `...WaiterClass`), waiters-2 order
  9. `<Prefix>ServiceResource` (services with resources)
 10. the stubber `<Prefix>Stubber`, the error-code alias `<Prefix>ErrorCode` (services with
     modeled errors) and `<Output>StubTypeDef` per output shape, sorted (services with
     operations)

exceptions.py is a namespace of its own.  A class attribute shadows any other name inside
the exceptions class body, so no class takes an error's attribute name: an error whose name
is a plain identifier outside RESERVED (and not the exceptions class or `type`) keeps it as
its class; the others, in model order, take `<escaped name>` else `<escaped name>Error`.
Last, the name that spells `type[...]` there: `type`, else (an error is called so) the
first of `Type_`, `Type_1`, ... that no error's attribute or class is.

service_resource.py is a namespace of its own; it imports RESERVED, the runtime's names
(naming.importable(): typing's, datetime, the runtime modules' `__all__`), every TypedDict of 4-5, every Literal alias, and
the names of 9 and `resource` (its factory), so none of those is handed out there:
  1. resource classes `<Resource>` (else `<Resource>Resource`), resources-1 order
  2. collection classes `<Resource><Collection>Collection`, each followed by its manager
     `...CollectionManager`, resources in model order (the service resource first)
  3. the resource client `<Prefix>ResourceClient` (where boto3 converts calls on meta.client)
  4. the name the typed client is imported as: `<Prefix>Client`, else `_<Prefix>Client`.
     One exception: without a resource client, when a resource's class took
     `<Prefix>Client` and the service resource has a member of that name (the sub-resource
     method returning that class), that class's alias (5) is named just before (the order
     in which the names were taken on demand before this table, kept: same output)
  5. `_<name>`: the module-level alias of every name a class body defines (a method or
     property called like a type the annotations of that body use), sorted; used only for
     a name the module imports (a class of the module is spelt through 6 instead)
  6. `_module`: the name the stub imports its own module as, so that an annotation names a
     class the body shadows as `_module.Bucket`: checkers then print the class's own name
     (`Bucket`), never an alias's (issue #29 item 11)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..model.resources import SERVICE_RESOURCE, Resource
from ..model.service import Service
from ..types.resources import ResourceShapes
from ..types.typemap import TypedDictKeys, TypeNames, typed_dict_keys
from ..types.variants import IN, REQUEST, Variant
from .registry import Registry
from .rules import (
    RESERVED,
    ResourceNames,
    class_prefix,
    collection_members,
    derived_class_names,
    escape_identifier,
    importable,
    is_plain_key,
    module_name,
    resource_members,
    resource_names,
    type_base,
)

FIXED = ("PaginatorName", "WaiterName", "OperationName", "client")
RESOURCE_MODULE_RESERVED = RESERVED | importable()
# The part of a TypedDict's name that tells its variant's kind (typemap, resources_types).
VARIANT_SUFFIX = {
    "request": "Request",
    "out": "Output",
    "response": "Response",
    "paginate": "Paginate",
    "full": "FullResult",
    "fullpart": "FullResult",
    "wait": "Wait",
}
RESOURCE_SUFFIX = {"in": "Resource", "out": "ResourceOutput", "response": "Resource"}  # resource-side kinds
Key = tuple[str, Variant]  # (shape, variant) of a TypedDict


@dataclass(frozen=True)
class ResourceModuleNames:
    """The module-level names of service_resource.py (and boto3's member names)."""

    classes: Mapping[str, str]  # resource name (SERVICE_RESOURCE too) -> typed class
    collections: Mapping[tuple[str, str], tuple[str, str]]  # (owner, collection) -> (collection, manager)
    typed_client: str  # what the typed client class is imported as
    client_class: str  # the class of meta.client: the resource client, else typed_client
    members: Mapping[str, ResourceNames]  # resource name -> boto3's names of its members
    aliases: Mapping[str, str]  # name a class body defines -> its module-level alias
    module: str  # what service_resource.pyi imports itself as (step 6)

    def resource_class(self, resource: str) -> str:
        return self.classes[resource]

    def collection(self, owner: str, collection: str) -> tuple[str, str]:
        return self.collections[(owner, collection)]

    def alias(self, name: str) -> str:
        return self.aliases[name]


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


def name_table(service: Service) -> NameTable:
    """Every module-level name of `service`, in the order of the module docstring."""
    keys = typed_dict_keys(service)
    shapes = ResourceShapes(service, keys) if service.resources is not None else None
    registry = Registry(RESERVED)
    prefix = class_prefix(service)
    for fixed in FIXED:
        registry.take(fixed)
    client = registry.take(f"{prefix}Client")
    exceptions = registry.take(f"{prefix}Exceptions")
    types = _type_names(registry, service, keys, shapes)
    paginators = {p.method: registry.take(*derived_class_names(p.operation, "Paginator")) for p in service.paginators}
    waiters = {w.method: registry.take(*derived_class_names(w.name, "Waiter")) for w in service.waiters}
    service_resource = registry.take(f"{prefix}ServiceResource") if shapes is not None else ""
    stubber, error_code, stub_responses = _stubber_names(registry, service, prefix)
    exception_classes = _exception_names(service, exceptions)
    resources = None
    if shapes is not None:
        resources = _resource_module(service, shapes, types, (prefix, client, service_resource))
    return NameTable(
        module=module_name(service.name),
        prefix=prefix,
        client=client,
        exceptions=exceptions,
        types=types,
        paginators=_frozen(paginators),
        waiters=_frozen(waiters),
        service_resource=service_resource,
        stubber=stubber,
        error_code=error_code,
        stub_responses=_frozen(stub_responses),
        exception_classes=_frozen(exception_classes),
        exception_type=_type_alias(service, exception_classes),
        resources=resources,
    )


def _type_names(registry: Registry, service: Service, keys: TypedDictKeys, shapes: ResourceShapes | None) -> TypeNames:
    """Steps 3-6: Literal aliases, the client's TypedDicts, the resource side's, union members."""
    literals = {s.name: registry.take(f"{type_base(s.name)}Type") for s in service.shapes.values() if s.kind == "enum"}
    typed_dicts = _client_typed_dicts(registry, keys.keys)
    resource_typed_dicts = {}
    if shapes is not None:
        resource_typed_dicts = {
            key: registry.take(*_resource_candidates(key, label)) for key, label in shapes.typed_dicts().items()
        }
    return TypeNames(
        keys=keys,
        literals=_frozen(literals),
        typed_dicts=MappingProxyType(typed_dicts),
        resource_typed_dicts=MappingProxyType(resource_typed_dicts),
        one_of=MappingProxyType(_one_of_names(registry, service, {**typed_dicts, **resource_typed_dicts})),
    )


def _one_of_names(
    registry: Registry, service: Service, typed_dicts: Mapping[Key, str]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """Step 6: the member TypedDicts of every union input (variant `in`), by shape name."""
    one_of: dict[str, tuple[tuple[str, str], ...]] = {}
    for shape_name, name in sorted((shape, name) for (shape, variant), name in typed_dicts.items() if variant == IN):
        shape = service.shape(shape_name)
        if shape.kind == "union" and shape.members:
            base = type_base(shape_name)
            one_of[name] = tuple(
                (m.name, registry.take(f"{base}{type_base(m.name)}TypeDef", f"{base}{type_base(m.name)}MemberTypeDef"))
                for m in shape.members
            )
    return one_of


def _client_typed_dicts(registry: Registry, ids: frozenset[Key]) -> dict[Key, str]:
    """Step 4: plain `XTypeDef` names first, over all shapes; variant-suffixed ones after.
    `ids` are plain variants only: sorted, they order by kind as their strings did (types/variants.py)."""
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
        names[(shape, variant)] = registry.take(
            f"{type_base(shape)}TypeDef", f"{type_base(shape)}{variant.kind.title()}TypeDef"
        )
    for shape, variant in suffixed:
        base = type_base(shape) + VARIANT_SUFFIX[variant.kind]
        names[(shape, variant)] = registry.take(f"{base}TypeDef", f"{base}{variant.kind.title()}TypeDef")
    return names


def _resource_candidates(key: Key, label: str) -> tuple[str, str]:
    """Step 5: the candidate names of a resource-side TypedDict (resources_types variants)."""
    shape, variant = key
    base = type_base(shape)
    if variant.trimmed:  # a resource method's request: named after the resource and method
        return f"{base}{label}TypeDef", f"{base}{label}ResourceTypeDef"
    if variant.resource:
        suffix = RESOURCE_SUFFIX[variant.kind]
        return f"{base}{suffix}TypeDef", f"{base}{suffix}{variant.kind.title()}TypeDef"
    # a client variant the client itself never needed (only a resource does)
    suffix = {"out": "Output", "in": "Input"}.get(variant.kind, "")
    return f"{base}{suffix}TypeDef", f"{base}{suffix}{variant.kind.title()}TypeDef"


def _stubber_names(registry: Registry, service: Service, prefix: str) -> tuple[str, str, dict[str, str]]:
    """Step 10: the stubber module's names (it exists for services with operations)."""
    if not service.operations:
        return "", "", {}
    stubber = registry.take(f"{prefix}Stubber")
    error_code = registry.take(f"{prefix}ErrorCode") if service.error_shapes else ""
    outputs = sorted({op.output for op in service.operations if op.output})
    return stubber, error_code, {shape: registry.take(f"{type_base(shape)}StubTypeDef") for shape in outputs}


def _exception_names(service: Service, exceptions_class: str) -> dict[str, str]:
    """exceptions.py: error shape -> class (see the module docstring)."""
    attributes = {n for n in service.error_shapes if is_plain_key(n)}
    taken = RESERVED | {exceptions_class, "type"}
    own = {n: n for n in attributes if n == escape_identifier(n) and n not in taken}
    registry = Registry(taken | attributes)
    return {
        name: own.get(name) or registry.take(escape_identifier(name), f"{escape_identifier(name)}Error")
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


def _resource_module(
    service: Service, shapes: ResourceShapes, types: TypeNames, package: tuple[str, str, str]
) -> ResourceModuleNames:
    """service_resource.py's names; `package`: the prefix, client and service resource class."""
    prefix, client, service_class = package
    assert service.resources is not None
    model = service.resources
    members = {r.name: _members_of(service, r) for r in model.all()}
    imported = {*types.typed_dicts.values(), *types.resource_typed_dicts.values(), *types.literals.values()}
    registry = Registry(RESOURCE_MODULE_RESERVED | imported | {service_class, "resource"})
    classes = {SERVICE_RESOURCE: service_class}
    for r in model.resources:
        classes[r.name] = registry.take(type_base(r.name), f"{type_base(r.name)}Resource")
    collections: dict[tuple[str, str], tuple[str, str]] = {}
    for r in model.all():
        for c in r.collections:
            base = f"{type_base(r.name)}{type_base(c.name)}Collection"
            collections[(r.name, c.name)] = (registry.take(base), registry.take(f"{base}Manager"))
    resource_client = registry.take(f"{prefix}ResourceClient") if shapes.client_operations() else ""
    aliases: dict[str, str] = {}
    if (
        not resource_client
        and client in classes.values()
        and client in resource_members(model.service, members[model.service.name])
    ):
        aliases[client] = registry.take(f"_{client}")  # a resource class: the service resource's body uses it first
    typed_client = registry.take(client, f"_{client}")
    shadowed: set[str] = set()
    for r in model.all():
        shadowed |= resource_members(r, members[r.name])
        shadowed |= {n for c in r.collections for n in collection_members(members[model.get(c.resource.type).name])}
    aliases.update({name: registry.take(f"_{name}") for name in sorted(shadowed - set(aliases))})
    return ResourceModuleNames(
        classes=_frozen(classes),
        collections=MappingProxyType(collections),
        typed_client=typed_client,
        client_class=resource_client or typed_client,
        members=MappingProxyType(members),
        aliases=_frozen(aliases),
        module=registry.take(
            *[n for n in ("_module", "_this_module", "_service_resource") if n not in shadowed] or ["_module_"]
        ),
    )


def _members_of(service: Service, resource: Resource) -> ResourceNames:
    """boto3's names of the members of `resource` (naming.resource_names)."""
    assert service.resources is not None
    members = [m.name for m in service.shape(resource.shape).members] if resource.shape else []
    return resource_names(service.name, resource, service.resources.definitions, members)
