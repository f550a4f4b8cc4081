"""Stage 4, typemap (resources): the types of calls made through boto3 resources.

Two things make them differ from the client's, and only those get TypedDicts of their own;
everything else reuses the client's types:

* boto3 fills some request members from the resource (identifiers, loaded data, constants),
  so a resource method takes the others only: `Object.delete(**kwargs)` takes
  `DeleteObjectRequestObjectDeleteTypeDef`, the client's request without Bucket and Key.
* dynamodb's resource client converts AttributeValues to and from Python values and accepts
  boto3's condition builders for key and condition expressions (boto3.dynamodb.transform),
  so every shape that reaches one gets a resource-side TypedDict
  (`GetItemOutputResourceTypeDef`, `ConditionResourceTypeDef`).  The conversion is
  registered on the resource's client, so it applies to every call made through
  `meta.client` as well: each converted operation's request and response get one too
  (`PutItemInputResourceTypeDef`), for the service's resource client class.

Variants (generator/types/variants.py; the second half of a TypedDict key, beside the TypeMap's own):
  resource (kinds in, out, response)   a shape that reaches a converted shape, on the resource side
  trimmed (kinds request, wait)        a resource method's request (a resource waiter's kwargs)
                                       without the members `drop`, with `optional` ones optional
                                       (boto3 fills part of them); resource-side member types
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model.resources import Filled, Related, Resource
from ..model.service import Member, Operation, Service, Shape
from ..naming.rules import type_base
from ..options import DEFAULT, Options
from .inputs import list_input
from .pyexpr import STR, TYPE_DEFS, Name, PyExpr, optional, shared, sub, typing_name
from .typemap import TypedDictKeys, TypeMap, TypeNames, ancestors
from .variants import Variant, plain

if TYPE_CHECKING:
    from .specs import TypedDictSpec

# Shapes boto3's resource client converts: (input type, output type).
RESOURCE_SHAPE_OVERRIDES: dict[tuple[str, str], tuple[PyExpr, PyExpr]] = {
    ("dynamodb", "AttributeValue"): (shared("TableAttributeValueTypeDef"), shared("TableAttributeValueOutputTypeDef")),
    ("dynamodb", "ConditionExpression"): (shared("ConditionBaseImportTypeDef"), STR),
    ("dynamodb", "KeyExpression"): (shared("ConditionBaseImportTypeDef"), STR),
}
_STRUCTURES = ("structure", "union", "eventstream")


class ResourceShapes:
    """What boto3's resource layer changes in one service's types, from the model alone:
    the shapes it converts (`overrides`), those that reach one (`affected`), and which
    resource-side TypedDicts the resources need (`typed_dicts`, for the name table)."""

    def __init__(self, service: Service, client: TypedDictKeys) -> None:
        self.service = service
        self._client = client
        self.overrides = {s: io for (svc, s), io in RESOURCE_SHAPE_OVERRIDES.items() if svc == service.name}
        self.affected = ancestors(service, set(self.overrides))
        self._keys: dict[tuple[str, Variant], str] = {}  # key -> name label (first user wins)

    def client_operations(self) -> list[Operation]:
        """The operations that boto3 converts on a resource's own client too (dynamodb:
        `table.meta.client.get_item(...)` takes and returns Python values, since the
        resource registers its transformation on that client)."""
        return [op for op in self.service.operations if op.input in self.affected or op.output in self.affected]

    def trimmed(self, shape: str, kind: str, filled: Filled) -> tuple[str, Variant] | None:
        """The key of a resource method's request; None when it is the client's own."""
        members = {m.name for m in self.service.shape(shape).members}
        drop = filled.drop & members
        optional = filled.optional & members - drop
        if not drop and not optional and shape not in self.affected:
            return None
        return (shape, Variant.trim(kind, drop, optional))

    def typed_dicts(self) -> dict[tuple[str, Variant], str]:
        """Every resource-side TypedDict: key -> the label its name is made of ("" for
        none), in collection order: the resources' first, then the resource client's."""
        self._keys = {}
        assert self.service.resources is not None
        for resource in self.service.resources.all():
            self._collect(resource)
        for op in self.client_operations():  # after the resources': their names stay
            if op.input:
                self._register(op.input, "request", Filled(), "")
            if op.output:
                self._visit(op.output, "response")
        return self._keys

    def _collect(self, resource: Resource) -> None:
        label = type_base(resource.name)  # names from resources-1 go into class names: made safe
        service = self.service
        actions = [(a, a.request.filled()) for a in resource.actions]
        actions += [(a, a.request.filled("batch")) for a in resource.batch_actions]
        for action, filled in actions:
            op = service.operation(action.request.operation)
            if op.input:
                self._register(op.input, "request", filled, label + type_base(action.name))
            if op.output and action.resource is None:
                self._visit(op.output, "response")
        for coll in resource.collections:
            op = service.operation(coll.request.operation)
            if op.input:
                self._register(op.input, "request", coll.filled(), label + type_base(coll.name))
        waiters = {w.name: w for w in service.waiters}
        for waiter in resource.waiters:
            op = service.operation(waiters[waiter.waiter_name].operation)
            if op.input:
                self._register(op.input, "wait", waiter.request.filled(), f"{label}{type_base(waiter.name)}Wait")
        if resource.shape:
            for member in service.shape(resource.shape).members:
                self._visit(member.shape, "out")

    def _register(self, shape_name: str, kind: str, filled: Filled, label: str) -> None:
        key = self.trimmed(shape_name, kind, filled)
        kept = [m for m in self.service.shape(shape_name).members if m.name not in filled.drop]
        if key is None or (kind == "request" and not kept):
            return
        self._keys.setdefault(key, label)
        for member in kept:
            self._visit(member.shape, "in")

    def _visit(self, shape_name: str, mode: str) -> None:
        stack = [(shape_name, mode)]
        while stack:
            name, mode = stack.pop()
            if name in self.overrides:
                continue
            shape = self.service.shape(name)
            if shape.kind not in _STRUCTURES:
                stack.extend((c, mode) for c in shape.children())
                continue
            key = (name, Variant.on_resource(mode)) if name in self.affected else self._client.key(name, mode)
            if key in self._keys or key in self._client.keys:
                continue
            self._keys[key] = ""
            child = "out" if key[1].kind in ("out", "response", "full") else "in"
            stack.extend((c, child) for c in shape.children())


def type_map(service: Service, names: TypeNames, options: Options = DEFAULT) -> TypeMap:
    """The TypeMap of a service, with its resource side attached when it has resources."""
    types = TypeMap(service, names, options)
    if service.resources is not None:
        types.attach(ResourceTypes(types, names.resource_typed_dicts))
    return types


class ResourceTypes:
    """The resource-side TypedDicts of one service (named by the name table, after the
    client's ones) and the types of calls made through resources."""

    def __init__(self, types: TypeMap, names: Mapping[tuple[str, Variant], str]) -> None:
        self._types = types
        self.service: Service = types.service
        self._shapes = ResourceShapes(self.service, types.keys)
        self._overrides = self._shapes.overrides
        self._affected = self._shapes.affected
        self.names = dict(names)

    # ---- public queries -------------------------------------------------------------
    def client_operations(self) -> list[Operation]:
        """The operations converted on a resource's own client too (ResourceShapes)."""
        return self._shapes.client_operations()

    def request_name(self, shape: str, filled: Filled) -> str:
        """The kwargs TypedDict of a resource method; "" when boto3 fills every member."""
        key = self._shapes.trimmed(shape, "request", filled)
        if key is None:
            return self._types.request_name(shape)
        return self.names.get(key, "")

    def wait_name(self, shape: str, filled: Filled) -> str:
        key = self._shapes.trimmed(shape, "wait", filled)
        return self._types.wait_name(shape) if key is None else self.names[key]

    def response_name(self, shape: str) -> str:
        if shape in self._affected:
            return self.names[(shape, Variant.on_resource("response"))]
        return self._types.response_name(shape)

    def attribute(self, resource: Resource, member: Member, name: str) -> PyExpr:
        """The type of the attribute `name` of `resource`: `member` of its shape, as boto3
        loads it.  Optional (None when the service leaves the member out) unless it is
        present: see present()."""
        kind = self.member_expr(self.service.shape(resource.shape), member, "out")
        return kind if self.present(resource, (member.name, name), member.required) else optional(kind)

    def reference(self, resource: Resource, related: Related, name: str, target: PyExpr) -> PyExpr:
        """The type of the reference `name` of `resource`, given its target's type (a class,
        or a list of them): boto3 builds it from loaded data and gives None when that data
        is absent, so it is Optional unless present() (the model alone never says so here)."""
        return target if self.present(resource, (related.name, name), False) else optional(target)

    def present(self, resource: Resource, names: tuple[str, ...], guaranteed: bool) -> bool:
        """Whether a member of an existing resource (an attribute or reference, by its model
        name or Python name in `names`) is typed as present: where the model guarantees it
        (`guaranteed`), in outputs="present" mode (every member the service returns for an
        existing resource, as boto3-stubs types them), or where the user lists it
        ([tool.botoloom.required] "service.Resource" = [...])."""
        options = self._types.options
        if guaranteed or options.outputs == "present":
            return True
        return not options.required_members(self.service.name, resource.name).isdisjoint(names)

    def member_expr(self, parent: Shape, member: Member, side: str) -> PyExpr:
        """The type of a member on the resource side (e.g. of a resource attribute)."""
        if member.shape in self._affected:
            return self.expr(member.shape, side)
        return self._types.member_expr(parent, member, side)

    def expr(self, shape_name: str, side: str) -> PyExpr:
        if shape_name in self._overrides:
            return self._overrides[shape_name][0 if side == "in" else 1]
        if shape_name not in self._affected:
            return self._types.expr(shape_name, side)
        shape = self.service.shape(shape_name)
        if shape.kind in _STRUCTURES:
            return Name(TYPE_DEFS, self.names[(shape_name, Variant.on_resource(side))])
        if shape.kind == "list":
            item = self.expr(shape.member, side)
            if side == "in" and shape.member in self._overrides:  # boto3 converts the items of a list only
                return list_input(item, self._overrides[shape.member][1], tuples=False)
            if side == "in":
                return sub(typing_name("Sequence"), item)
            return sub(typing_name("List"), optional(item) if shape.sparse else item)
        value = self.expr(shape.value, side)  # a map: only values can reach a converted shape
        value = optional(value) if side == "out" and shape.sparse else value
        return sub(typing_name("Mapping" if side == "in" else "Dict"), self._types.expr(shape.key, side), value)

    def spec(self, shape_name: str, variant: Variant, name: str) -> TypedDictSpec:
        """The client's TypedDict of the base variant, without the dropped members and with
        resource-side member types."""
        base = plain(variant.kind)
        if base.kind == "request":  # built like the client's own request TypedDict
            base = self._types.keys.key(shape_name, "request")[1]
        spec = self._types.spec(shape_name, base, name)
        shape = self.service.shape(shape_name)
        members = {m.name: m for m in shape.members}
        side = "out" if base.kind in ("out", "response") else "in"
        fields = []
        for f in spec.fields:
            if f.key in variant.drop:
                continue
            if f.key in members and members[f.key].shape in self._affected:
                f = replace(f, type=self.member_expr(shape, members[f.key], side))
            fields.append(replace(f, required=False) if f.key in variant.optional else f)
        return replace(spec, fields=tuple(fields))
