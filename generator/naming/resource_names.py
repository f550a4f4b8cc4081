"""The names of service_resource.py, a namespace of its own (the last part of naming/table.py).

service_resource.py is a namespace of its own; it imports RESERVED, the runtime's names
(naming.rules.importable(): typing's, datetime, the runtime modules' `__all__`), every TypedDict of 4-5, every Literal alias, and
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
from ..types.typemap import TypeNames
from .registry import Registry
from .rules import RESERVED, ResourceNames, collection_members, importable, resource_members, resource_names, type_base
from .suffixes import COLLECTION, MANAGER, RESOURCE, RESOURCE_CLIENT, join

RESOURCE_MODULE_RESERVED = RESERVED | importable()


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


def resource_module(
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
        classes[r.name] = registry.take(type_base(r.name), join(type_base(r.name), RESOURCE))
    collections: dict[tuple[str, str], tuple[str, str]] = {}
    for r in model.all():
        for c in r.collections:
            base = join(type_base(r.name) + type_base(c.name), COLLECTION)
            collections[(r.name, c.name)] = (registry.take(base), registry.take(join(base, MANAGER)))
    resource_client = registry.take(join(prefix, RESOURCE_CLIENT)) if shapes.client_operations() else ""
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
        classes=MappingProxyType(dict(classes)),
        collections=MappingProxyType(collections),
        typed_client=typed_client,
        client_class=resource_client or typed_client,
        members=MappingProxyType(members),
        aliases=MappingProxyType(aliases),
        module=registry.take(
            *[n for n in ("_module", "_this_module", "_service_resource") if n not in shadowed] or ["_module_"]
        ),
    )


def _members_of(service: Service, resource: Resource) -> ResourceNames:
    """boto3's names of the members of `resource` (naming.resource_names)."""
    assert service.resources is not None
    members = [m.name for m in service.shape(resource.shape).members] if resource.shape else []
    return resource_names(service.name, resource, service.resources.definitions, members)
