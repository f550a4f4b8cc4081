"""Stage 2, model (resources): boto3's resources-1 definitions as frozen dataclasses.

boto3 builds its resource classes at run time from the resources-1 JSON of nine services
(`boto3.resource("s3")`).  This module reads the same JSON into a typed, frozen model:
resources with their identifiers, load action, actions, batch actions, related resources
(`has`: sub-resources and references), collections (`hasMany`) and waiters.  Names here are
the names of the definition (`CreateTags`, `Objects`); the Python names boto3 derives from
them (with its clash renaming) are the naming stage's job.

It also records what boto3 adds to these classes at run time through its own
customisations, so that the generated classes match what `boto3.resource()` really builds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

# Actions boto3 injects with `creating-resource-class` handlers, written in the definition
# format (boto3.ec2.createtags replaces the modeled ServiceResource.create_tags with one that
# returns Tag resources; boto3.ec2.deletetags adds Instance.delete_tags with this model).
INJECTED_ACTIONS: dict[tuple[str, str], dict[str, Any]] = {
    ("ec2", "ServiceResource"): {
        "CreateTags": {
            "request": {"operation": "CreateTags"},
            "resource": {
                "type": "Tag",
                "identifiers": [
                    {"target": "ResourceId", "source": "requestParameter", "path": "Resources[]"},
                    {"target": "Key", "source": "requestParameter", "path": "Tags[].Key"},
                    {"target": "Value", "source": "requestParameter", "path": "Tags[].Value"},
                ],
            },
        },
    },
    ("ec2", "Instance"): {
        "DeleteTags": {
            "request": {
                "operation": "DeleteTags",
                "params": [{"target": "Resources[0]", "source": "identifier", "name": "Id"}],
            },
        },
    },
}

# Methods boto3 injects that are not modeled actions (s3 transfers, s3 load, dynamodb
# batch_writer): typed by hand in runtime/_injected.py; the generated class inherits them.
RUNTIME_BASES: dict[tuple[str, str], str] = {
    ("s3", "Bucket"): "S3BucketMethods",
    ("s3", "Object"): "S3ObjectMethods",
    ("s3", "ObjectSummary"): "S3ObjectSummaryMethods",
    ("dynamodb", "Table"): "DynamoDBTableMethods",
}
# The same for clients (boto3.s3.inject: upload_file, ..., generate_presigned_post).
CLIENT_BASES: dict[str, str] = {"s3": "S3ClientMethods"}
# Modules boto3 adds to a service beyond its client and resources, typed by hand in the
# runtime and re-exported by the service package: service -> {module: (runtime module, title)}.
SERVICE_MODULES: dict[str, dict[str, tuple[str, str]]] = {
    "dynamodb": {"conditions": ("_conditions", "Typed Key and Attr condition builders (boto3.dynamodb.conditions)")},
}

SERVICE_RESOURCE = "ServiceResource"
COLLECTION_SETTINGS = frozenset({"limit", "page_size"})
_TOP = re.compile(r"[^.\[]*")
_WHOLE = re.compile(r"[^.\[]*(\[[0-9*]*\])?")  # Bucket, InstanceIds[0], Resources[], Tags[*]


@dataclass(frozen=True)
class Param:
    """A value boto3 fills in (request params) or an identifier source (response resources)."""

    target: str  # e.g. Bucket, Resources[0], Filters[0].Values[0]
    source: str  # identifier, data, string, integer, boolean, input, response, requestParameter
    name: str = ""
    path: str = ""
    value: str | int | bool | None = None

    @property
    def top(self) -> str:
        """The top-level request member the target writes to."""
        return _TOP.match(self.target).group(0)  # type: ignore[union-attr]

    @property
    def plural(self) -> bool:
        """Does the JMESPath source select a list (one resource per element)?"""
        return "[]" in self.path or "[*]" in self.path


@dataclass(frozen=True)
class Filled:
    """What boto3 fills in of a request from the resource.

    drop: members that are no parameters of the method (boto3 sets them);
    optional: members boto3 sets a part of (`MetricData[].MetricName`): still parameters,
    but optional, since boto3's value stands when the caller gives none.
    """

    drop: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Request:
    operation: str  # API name, e.g. DeleteObjects
    params: tuple[Param, ...] = ()

    def filled(self, kind: str = "action") -> Filled:
        """What boto3 fills in, for an action or waiter, a batch action or a collection.

        Actions and waiters apply the caller's keyword arguments over the filled ones
        (`params.update(kwargs)`): a member boto3 sets whole (`Bucket`, `InstanceIds[0]`)
        would lose the resource's own value, so it is dropped; one it sets a field of
        stays, optional (boto3's documentation drops those too, which leaves
        cloudwatch Metric.put_data without its MetricData: boto/boto3#2790).
        Batch actions build every filled member from the page's resources: all dropped.
        Collections merge the caller's values in (`merge_dicts(..., append_lists=True)`):
        only plain members are replaced, lists and structures are extended.
        """
        filling = [p for p in self.params if p.source != "input"]
        if kind == "batch":
            return Filled(frozenset(p.top for p in filling))
        if kind == "collection":
            return Filled(frozenset(p.top for p in filling if p.target == p.top))
        whole = frozenset(p.top for p in filling if _WHOLE.fullmatch(p.target))
        return Filled(whole, frozenset(p.top for p in filling) - whole)


@dataclass(frozen=True)
class Target:
    """The resource an action, relation or collection yields (boto3's ResponseResource)."""

    type: str
    identifiers: tuple[Param, ...] = ()
    path: str = ""

    @property
    def plural(self) -> bool:
        return any(p.plural for p in self.identifiers)

    @property
    def needs_data(self) -> bool:
        """A reference: built from the parent's loaded data (may be absent: None)."""
        return any(p.source == "data" for p in self.identifiers)

    def inputs(self) -> tuple[str, ...]:
        """Identifier targets the caller passes (sub-resource arguments), in order."""
        return tuple(p.target for p in self.identifiers if p.source == "input")


@dataclass(frozen=True)
class Action:
    name: str  # as defined, e.g. CreateTags
    request: Request
    resource: Target | None = None
    path: str = ""
    injected: bool = False  # added by a boto3 customisation, not in resources-1


@dataclass(frozen=True)
class Waiter:
    name: str  # as defined, e.g. Running (boto3's method: wait_until_running)
    waiter_name: str  # the client waiter, e.g. InstanceRunning
    params: tuple[Param, ...] = ()

    @property
    def request(self) -> Request:
        return Request("", self.params)


@dataclass(frozen=True)
class Related:
    """A `has` relation: a sub-resource (a constructor) or a reference (from loaded data)."""

    name: str
    resource: Target

    @property
    def is_reference(self) -> bool:
        return self.resource.needs_data


@dataclass(frozen=True)
class Collection:
    name: str  # as defined, e.g. Objects
    request: Request
    resource: Target

    def filled(self) -> Filled:
        """What filter() does not take: what boto3 fills in, and `limit` and `page_size`,
        which boto3 takes as the collection's own settings (ResourceCollection.pages()
        pops them: glacier ListVaults' `limit` never reaches the service this way)."""
        return Filled(self.request.filled("collection").drop | COLLECTION_SETTINGS)


@dataclass(frozen=True)
class Identifier:
    name: str
    member_name: str = ""
    type: str = "string"


@dataclass(frozen=True)
class Resource:
    name: str  # e.g. Bucket; SERVICE_RESOURCE for the service resource
    shape: str
    identifiers: tuple[Identifier, ...]
    load: Action | None
    actions: tuple[Action, ...]
    batch_actions: tuple[Action, ...]
    related: tuple[Related, ...]
    collections: tuple[Collection, ...]
    waiters: tuple[Waiter, ...]
    definition: Mapping[str, Any]  # the JSON, for boto3's own naming rules
    runtime_base: str = ""  # hand-typed boto3 customisations (RUNTIME_BASES)

    @property
    def is_service(self) -> bool:
        return self.name == SERVICE_RESOURCE

    def operations(self) -> set[str]:
        owners: list[Action | Collection] = [
            *([self.load] if self.load else []),
            *self.actions,
            *self.batch_actions,
            *self.collections,
        ]
        return {owner.request.operation for owner in owners}


@dataclass(frozen=True)
class ResourceService:
    service: Resource
    resources: tuple[Resource, ...]
    definitions: Mapping[str, Any]  # every resource's JSON, keyed by name (boto3's resource_defs)

    def all(self) -> tuple[Resource, ...]:
        return (self.service, *self.resources)

    def get(self, name: str) -> Resource:
        for resource in self.resources:
            if resource.name == name:
                return resource
        raise KeyError(f"resource {name!r} is referenced but not defined")

    def shapes(self) -> list[str]:
        return [r.shape for r in self.resources if r.shape]


def build_resources(service: str, data: Mapping[str, Any], operations: set[str], waiters: set[str]) -> ResourceService:
    """The resource model of one service from its resources-1 JSON; KeyError when it names
    a resource, an operation or a waiter that does not exist."""
    definitions: dict[str, Any] = dict(data.get("resources", {}))
    top = _resource(service, SERVICE_RESOURCE, data.get("service", {}), _service_has(data))
    resources = tuple(_resource(service, name, spec, spec.get("has", {})) for name, spec in definitions.items())
    built = ResourceService(top, resources, MappingProxyType(definitions))
    for resource in built.all():
        for target in _targets(resource):
            built.get(target.type)
        missing = sorted(resource.operations() - operations) + sorted(
            w.waiter_name for w in resource.waiters if w.waiter_name not in waiters
        )
        if missing:
            raise KeyError(f"resource {resource.name} uses {', '.join(missing)}, unknown to the client")
    return built


def _targets(resource: Resource) -> list[Target]:
    found = [r.resource for r in resource.related] + [c.resource for c in resource.collections]
    return found + [a.resource for a in resource.actions if a.resource]


def _service_has(data: Mapping[str, Any]) -> dict[str, Any]:
    """The service resource's relations as boto3 sees them (ResourceModel._get_has_definition):
    every resource is a sub-resource, under the name of a `has` entry pointing at it or under
    its own name, with all its identifiers given by the caller."""
    has = data.get("service", {}).get("has", {})
    out: dict[str, Any] = {}
    for name, spec in data.get("resources", {}).items():
        named = {k: v for k, v in has.items() if v.get("resource", {}).get("type") == name}
        out.update(named)
        if not named:
            ids = [{"target": i["name"], "source": "input"} for i in spec.get("identifiers", [])]
            out[name] = {"resource": {"type": name, "identifiers": ids}}
    return out


def _resource(service: str, name: str, spec: Mapping[str, Any], has: Mapping[str, Any]) -> Resource:
    injected = INJECTED_ACTIONS.get((service, name), {})
    actions = {k: _action(k, v) for k, v in spec.get("actions", {}).items()}
    actions.update({k: _action(k, v, injected=True) for k, v in injected.items()})
    return Resource(
        name=name,
        shape=str(spec.get("shape", "")),
        identifiers=tuple(
            Identifier(i["name"], str(i.get("memberName", "")), str(i.get("type", "string")))
            for i in spec.get("identifiers", [])
        ),
        load=_action("Load", spec["load"]) if "load" in spec else None,
        actions=tuple(actions.values()),
        batch_actions=tuple(_action(k, v) for k, v in spec.get("batchActions", {}).items()),
        related=tuple(Related(k, _target(v["resource"])) for k, v in has.items()),
        collections=tuple(
            Collection(k, _request(v["request"]), _target(v["resource"])) for k, v in spec.get("hasMany", {}).items()
        ),
        waiters=tuple(
            Waiter(k, v["waiterName"], _params(v.get("params", []))) for k, v in spec.get("waiters", {}).items()
        ),
        definition=MappingProxyType(dict(spec)),
        runtime_base=RUNTIME_BASES.get((service, name), ""),
    )


def _action(name: str, spec: Mapping[str, Any], injected: bool = False) -> Action:
    resource = _target(spec["resource"]) if "resource" in spec else None
    return Action(name, _request(spec["request"]), resource, str(spec.get("path", "")), injected)


def _request(spec: Mapping[str, Any]) -> Request:
    return Request(spec["operation"], _params(spec.get("params", [])))


def _target(spec: Mapping[str, Any]) -> Target:
    return Target(spec["type"], _params(spec.get("identifiers", [])), str(spec.get("path", "")))


def _params(items: list[Mapping[str, Any]]) -> tuple[Param, ...]:
    return tuple(
        Param(
            target=str(p["target"]),
            source=str(p["source"]),
            name=str(p.get("name", "")),
            path=str(p.get("path", "")),
            value=p.get("value"),
        )
        for p in items
    )
