"""Stage 4, typemap: from shapes to Python types, separately for input and output.

Declarative tables say what a scalar becomes on the way in (what botocore accepts) and
on the way out (what botocore returns).  A structure becomes a TypedDict; it gets one
TypedDict per *variant* it is used in, and variants whose text would be identical are
merged, so most shapes have exactly one TypedDict.

Variants (generator/types/variants.py): request, in (nested input; members ReadOnly: botocore
only reads them, and so a value the service returned can be sent back, e.g. dynamodb
LastEvaluatedKey), out, any, response, paginate, full and fullpart (what paginate.py's
build_full_result sets: types/full_result.py), wait.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..model.service import Member, Service, Shape
from ..options import DEFAULT, Options
from . import blobs
from .full_result import FullResults
from .inputs import TIMESTAMP_INPUT, WIDER_INPUT_ENUMS, list_input
from .pyexpr import (
    LITERALS,
    STR,
    Name,
    PyExpr,
    builtin,
    optional,
    shared,
    sub,
    type_def,
    typing_name,
    union,
)
from .specs import Field, ResourceSide, TypedDictSpec, dependency_order
from .variants import FULL, FULLPART, INPUT_SIDE, PAGINATE, RESPONSE, WAIT, Variant, plain

_SAME_BOTH_WAYS: dict[str, PyExpr] = {
    "string": STR,
    "integer": builtin("int"),
    "long": builtin("int"),
    "float": builtin("float"),
    "double": builtin("float"),
    "boolean": builtin("bool"),
}
INPUT_SCALARS: dict[str, PyExpr] = {
    **_SAME_BOTH_WAYS,
    "timestamp": TIMESTAMP_INPUT,
    "blob": shared("BlobTypeDef"),
    "document": shared("DocumentTypeDef"),
}
OUTPUT_SCALARS: dict[str, PyExpr] = {
    **_SAME_BOTH_WAYS,
    "timestamp": Name("datetime", "datetime"),
    "blob": builtin("bytes"),
    "document": shared("DocumentOutputTypeDef"),
}
STREAM_OUT = shared("StreamingBody")
_STR_ANY = sub(typing_name("Dict"), STR, typing_name("Any"))

# botocore handlers that change a value's type on the way (service, shape or member) -> type.
# iam: json_decode_policies turns every policyDocumentType string into a dict.
OUTPUT_SHAPE_OVERRIDES: dict[tuple[str, str], PyExpr] = {
    ("iam", "policyDocumentType"): _STR_ANY,
}
# cloudformation: json_decode_template_body parses JSON templates, keeps YAML as text.
OUTPUT_MEMBER_OVERRIDES: dict[tuple[str, str, str], PyExpr] = {
    ("cloudformation", "GetTemplateOutput", "TemplateBody"): union(STR, _STR_ANY),
}
# s3: handle_copy_source_param accepts "bucket/key" or {"Bucket", "Key", "VersionId"}.
INPUT_MEMBER_OVERRIDES: dict[tuple[str, str], PyExpr] = {
    ("s3", "CopySource"): union(STR, shared("CopySourceTypeDef")),
}
# Request members botocore fills in when missing (glacier: inject_account_id -> "-").
FILLED_BY_BOTOCORE: dict[str, frozenset[str]] = {"glacier": frozenset({"accountId"})}


@dataclass(frozen=True)
class TypedDictKeys:
    """Which TypedDicts a service's client needs, from the model alone (typed_dict_keys):
    `keys`, every (shape, variant) one, and the key of a shape used in a mode (`key`).
    The name table names them; the TypeMap builds them."""

    service: Service
    sensitive: frozenset[str]  # shapes whose input and output types differ
    keys: frozenset[tuple[str, Variant]]

    def key(self, shape_name: str, mode: str) -> tuple[str, Variant]:
        """The TypedDict of `shape_name` used in `mode` (a variant kind, "in"/"out" nested)."""
        if mode == "request":
            filled = FILLED_BY_BOTOCORE.get(self.service.name, frozenset())
            members = self.service.shape(shape_name).members
            if any(m.required and (m.idempotency_token or m.name in filled) for m in members):
                return (shape_name, plain("request"))
            mode = "in"
        if mode in ("in", "out") and shape_name not in self.sensitive:
            return (shape_name, plain("any"))
        return (shape_name, plain(mode))


def typed_dict_keys(service: Service) -> TypedDictKeys:
    """Every TypedDict the client's types of `service` use: those of the operations'
    requests and responses, of paginators and waiters, and of every structure they reach."""
    found = TypedDictKeys(service, _sensitive_shapes(service), frozenset())  # keys: below
    ids: set[tuple[str, Variant]] = set()
    for op in service.operations:
        if op.input:
            _visit(found, ids, op.input, "request")
        if op.output:
            _visit(found, ids, op.output, "response")
    op_by_method = {op.method: op for op in service.operations}
    for pag in service.paginators:
        op = op_by_method[pag.method]
        if op.input:
            _visit(found, ids, op.input, "paginate")
        if op.output:
            _visit(found, ids, op.output, "full")
    ids.update((shape, FULLPART) for shape in FullResults(service).nested_shapes())
    for waiter in service.waiters:
        op = service.operation(waiter.operation)
        if op.input:
            _visit(found, ids, op.input, "wait")
    return replace(found, keys=frozenset(ids))


def _visit(found: TypedDictKeys, ids: set[tuple[str, Variant]], shape_name: str, mode: str) -> None:
    stack = [(shape_name, mode)]
    containers: set[tuple[str, str]] = set()  # lists/maps seen: they can form cycles too
    while stack:
        name, mode = stack.pop()
        shape = found.service.shape(name)
        if shape.kind not in ("structure", "union", "eventstream"):
            if (name, mode) not in containers:
                containers.add((name, mode))
                stack.extend((c, mode) for c in shape.children())
            continue
        key = found.key(name, mode)
        if key in ids:
            continue
        ids.add(key)
        child_mode = "in" if key[1].input_side else "out"
        stack.extend((c, child_mode) for c in shape.children())


@dataclass(frozen=True)
class TypeNames:
    """What a TypeMap names, as the name table (naming/table.py) assigned it."""

    keys: TypedDictKeys
    literals: Mapping[str, str]  # enum shape -> Literal alias
    typed_dicts: Mapping[tuple[str, Variant], str]  # the client's (shape, variant) -> TypedDict
    resource_typed_dicts: Mapping[tuple[str, Variant], str]  # the resource side's (types/resources.py)
    one_of: Mapping[str, tuple[tuple[str, str], ...]]  # union input -> (member, TypedDict) (views/unions.py)


class TypeMap:
    """All the types of one service: TypedDicts, Literal aliases and their names."""

    def __init__(self, service: Service, names: TypeNames, options: Options = DEFAULT) -> None:
        self.service = service
        self.keys = names.keys
        self.options = options  # the resource side asks it too (types/resources.py)
        self._present = self._always_present(options)
        self._nested = self._listed_nested(options)
        self.full = FullResults(service)
        self.literal_names = dict(names.literals)
        self.typed_dict_names = dict(names.typed_dicts)
        self.resources: ResourceSide | None = None  # resource-side variants: see attach()
        # unions as inputs: exactly one member (views/unions.py)
        self.one_of = {alias: list(members) for alias, members in names.one_of.items()}
        self._specs: list[TypedDictSpec] | None = None  # typed_dicts(), made once
        self._exprs: dict[tuple[str, str], PyExpr] = {}  # expr() of a shape and side, made once

    def attach(self, resources: ResourceSide) -> None:
        """Add the resource side (types.resources.type_map() builds it around this map)."""
        self.resources = resources
        self.typed_dict_names.update(resources.names)
        self._specs = None
        self._exprs.clear()

    # ---- public queries -------------------------------------------------------------
    def typed_dict(self, key: tuple[str, Variant]) -> Name:
        """The TypedDict of (shape, variant), as a name of the service's type_defs."""
        return type_def(self.typed_dict_names[key])

    def request_name(self, shape: str) -> str:
        return self.typed_dict_names[self._variant(shape, "request")]

    def response_name(self, shape: str) -> str:
        return self.typed_dict_names[(shape, RESPONSE)]

    def paginate_name(self, shape: str) -> str:
        return self.typed_dict_names[(shape, PAGINATE)]

    def full_result_name(self, shape: str) -> str:
        return self.typed_dict_names[(shape, FULL)]

    def wait_name(self, shape: str) -> str:
        return self.typed_dict_names[(shape, WAIT)]

    def literals(self) -> list[tuple[str, tuple[str, ...]]]:
        return [
            (self.literal_names[s.name], tuple(dict.fromkeys(s.enum)))
            for s in self.service.shapes.values()
            if s.name in self.literal_names
        ]

    def typed_dicts(self) -> list[TypedDictSpec]:
        """Every TypedDict, each after the TypedDicts its fields use (dependency order)."""
        if self._specs is None:  # the client's and the aio modules' views both ask
            ordered = sorted(self.typed_dict_names.items(), key=lambda kv: kv[1])
            self._specs = dependency_order([self.spec(shape, variant, name) for (shape, variant), name in ordered])
        return list(self._specs)

    def _variant(self, shape_name: str, mode: str) -> tuple[str, Variant]:
        return self.keys.key(shape_name, mode)

    # ---- rendering --------------------------------------------------------------------
    def spec(self, shape_name: str, variant: Variant, name: str) -> TypedDictSpec:
        """The TypedDict `name` of (shape_name, variant): its fields."""
        if self.resources is not None and not variant.plain:
            return self.resources.spec(shape_name, variant, name)
        shape = self.service.shape(shape_name)
        fields = [self._field(shape, m, variant.kind) for m in shape.members]
        if variant == PAGINATE:
            # botocore's paginate() and wait() take PaginationConfig/WaiterConfig for themselves.
            # paginate() passes every other member on: the input tokens start the first page
            # (StartingToken overrides them), the limit key sizes every page (PageSize overrides it).
            fields = [f for f in fields if f.key != "PaginationConfig"]
            fields.append(Field("PaginationConfig", shared("PaginatorConfigTypeDef"), False))
        elif variant in (FULL, FULLPART):
            fields = self.full.fields(self, shape_name, variant == FULL)
        elif variant == WAIT:
            fields = [f for f in fields if f.key != "WaiterConfig"]
            fields.append(Field("WaiterConfig", shared("WaiterConfigTypeDef"), False))
        elif variant == RESPONSE:  # botocore sets ResponseMetadata over any such member
            fields = [f for f in fields if f.key != "ResponseMetadata"]
            fields.append(Field("ResponseMetadata", shared("ResponseMetadataTypeDef"), True))
        return TypedDictSpec(name, shape_name, variant, tuple(fields), shape.documentation)

    def _field(self, shape: Shape, member: Member, kind: str) -> Field:
        side = "in" if kind in INPUT_SIDE else "out"
        required = member.required and shape.kind not in ("union", "eventstream")
        if kind in ("request", "paginate", "wait"):
            filled = FILLED_BY_BOTOCORE.get(self.service.name, frozenset())
            required = required and not member.idempotency_token and member.name not in filled
        elif kind == "response" and self._is_stream_payload(shape, member):
            required = True
        elif kind == "response" and (shape.name, member.name) in self._present:
            required = True
        elif kind in ("out", "any") and (shape.name, member.name) in self._nested:
            required = True  # a member of a nested output structure the user listed
        if kind == "response" and self._is_stream_payload(shape, member):
            stream = self.service.shape(member.shape).kind == "blob"
            return Field(
                member.name, STREAM_OUT if stream else self.expr(member.shape, "out"), True, member.documentation
            )
        return Field(member.name, self.member_expr(shape, member, side), required, member.documentation)

    def _always_present(self, options: Options) -> frozenset[tuple[str, str]]:
        """(output shape, member) pairs required in responses beyond what the model says:
        all top-level members with outputs="present", and the user's per-operation list."""
        present = set()
        for op in self.service.operations:
            if not op.output:
                continue
            members = {m.name for m in self.service.shape(op.output).members}
            chosen = set(members) if options.outputs == "present" else set()
            chosen |= options.required_members(self.service.name, op.name) & members
            present |= {(op.output, m) for m in chosen}
        return frozenset(present)

    def _listed_nested(self, options: Options) -> frozenset[tuple[str, str]]:
        """(structure, member) pairs the user lists as always returned wherever the structure
        is returned ([tool.botoloom.required] "iam.Policy" = ["Arn"]), in either mode.  A
        structure that requests use too shares its TypedDict with them: the member is
        required there as well (stricter than botocore, never looser)."""
        nested = set()
        for service, owner, listed in options.required:
            shape = self.service.shapes.get(owner) if service == self.service.name else None
            if shape is not None and shape.kind == "structure":
                nested |= {(owner, m.name) for m in shape.members if m.name in listed}
        return frozenset(nested)

    def _is_stream_payload(self, shape: Shape, member: Member) -> bool:
        """botocore streams a top-level output's blob payload (OperationModel.has_streaming_output)
        and always fills in an event-stream payload."""
        if member.name != shape.payload:
            return False
        return self.service.shape(member.shape).kind in ("blob", "eventstream")

    def member_expr(self, parent: Shape, member: Member, side: str) -> PyExpr:
        name = self.service.name
        if side == "in" and (name, member.name) in INPUT_MEMBER_OVERRIDES:
            return INPUT_MEMBER_OVERRIDES[(name, member.name)]
        if side == "in" and (placed := blobs.member_input(self.service, parent, member)) is not None:
            return placed
        if side == "in" and (name, parent.name, member.name) in WIDER_INPUT_ENUMS:
            return self._wider_enum(member.shape, WIDER_INPUT_ENUMS[(name, parent.name, member.name)])
        if side == "out" and (name, parent.name, member.name) in OUTPUT_MEMBER_OVERRIDES:
            return OUTPUT_MEMBER_OVERRIDES[(name, parent.name, member.name)]
        if member.jsonvalue:
            return INPUT_SCALARS["document"] if side == "in" else OUTPUT_SCALARS["document"]
        return self.expr(member.shape, side)

    def _wider_enum(self, shape_name: str, other: str) -> PyExpr:
        """An enum input (or a list of one) that also takes the values of the enum `other`."""
        shape = self.service.shape(shape_name)
        enum = shape.member if shape.kind == "list" else shape_name
        if self.service.shape(enum).kind != "enum" or self.service.shape(other).kind != "enum":
            raise ValueError(f"{self.service.name}: {shape_name!r} or {other!r} is not an enum (WIDER_INPUT_ENUMS)")
        item = union(Name(LITERALS, self.literal_names[enum]), Name(LITERALS, self.literal_names[other]))
        return list_input(item, item) if shape.kind == "list" else item

    def expr(self, shape_name: str, side: str, _within: frozenset[str] = frozenset()) -> PyExpr:
        """The type of a value of `shape_name` on the input ("in") or output ("out") side.

        `_within`: the lists and maps being expanded; a cycle of lists and maps that no
        structure breaks has no Python type (a TypedDict name is what ends a cycle)."""
        if not _within:
            known = self._exprs.get((shape_name, side))
            if known is None:
                known = self._exprs[(shape_name, side)] = self._expr(shape_name, side, _within)
            return known
        return self._expr(shape_name, side, _within)

    def _expr(self, shape_name: str, side: str, _within: frozenset[str]) -> PyExpr:
        if shape_name in _within:
            raise ValueError(f"shape {shape_name!r} contains itself through lists and maps only: it has no Python type")
        shape = self.service.shape(shape_name)
        kind = shape.kind
        if side == "out" and (self.service.name, shape_name) in OUTPUT_SHAPE_OVERRIDES:
            return OUTPUT_SHAPE_OVERRIDES[(self.service.name, shape_name)]
        if kind in ("structure", "union"):
            return self.typed_dict(self._variant(shape_name, side))
        if kind == "eventstream":
            inner = self.typed_dict(self._variant(shape_name, side))
            return inner if side == "in" else sub(shared("EventStream"), inner)
        if kind == "enum":
            return Name(LITERALS, self.literal_names[shape_name])
        if kind == "list":
            item = self.expr(shape.member, side, _within | {shape_name})
            if side == "in":
                # a response's list holds the scalar as botocore parses it, before any handler
                return list_input(item, OUTPUT_SCALARS.get(self.service.shape(shape.member).kind, item))
            return sub(typing_name("List"), optional(item) if shape.sparse else item)
        if kind == "map":
            key = self.expr(shape.key, side, _within | {shape_name})
            value = self.expr(shape.value, side, _within | {shape_name})
            if side == "out" and shape.sparse:
                value = optional(value)
            return sub(typing_name("Mapping" if side == "in" else "Dict"), key, value)
        if kind == "blob" and side == "in":  # by where botocore puts it (types/blobs.py)
            return blobs.blob_input(self.service)
        table = INPUT_SCALARS if side == "in" else OUTPUT_SCALARS
        if kind not in table:
            raise ValueError(f"shape {shape_name!r} has unknown type {kind!r}")
        return table[kind]


def _sensitive_shapes(service: Service) -> frozenset[str]:
    """Shapes whose input and output types differ, directly or through a member."""
    direct: set[str] = set()
    for shape in service.shapes.values():
        if shape.kind in ("list", "map", "eventstream", "union") or (
            shape.kind in INPUT_SCALARS and INPUT_SCALARS[shape.kind] != OUTPUT_SCALARS[shape.kind]
        ):
            direct.add(shape.name)
        elif shape.streaming or (service.name, shape.name) in OUTPUT_SHAPE_OVERRIDES:
            direct.add(shape.name)
        elif any(
            m.jsonvalue
            or m.streaming
            or (service.name, m.name) in INPUT_MEMBER_OVERRIDES
            or (service.name, shape.name, m.name) in WIDER_INPUT_ENUMS
            or (service.name, shape.name, m.name) in OUTPUT_MEMBER_OVERRIDES
            or (service.name, shape.name, m.name) in blobs.INPUT_SHAPE_MEMBER_OVERRIDES
            for m in shape.members
        ):
            direct.add(shape.name)
    return ancestors(service, direct)


def ancestors(service: Service, seeds: set[str]) -> frozenset[str]:
    """`seeds` and every shape that reaches one of them through members."""
    parents: dict[str, set[str]] = {}
    for shape in service.shapes.values():
        for child in shape.children():
            parents.setdefault(child, set()).add(shape.name)
    seen = {s for s in seeds if s in service.shapes}
    stack = list(seen)
    while stack:
        for parent in parents.get(stack.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return frozenset(seen)
