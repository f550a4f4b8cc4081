"""Stage 2, model: a frozen, typed intermediate representation of one service.

Built once from the loaded JSON, never mutated; later stages read only this.
Only what is reachable from the client's operations, paginators and waiters is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from botocore import xform_name
from botocore.utils import PRIORITY_ORDERED_SUPPORTED_PROTOCOLS

from ..errors import UserError
from ..source.load import RawService
from .resources import ResourceService, build_resources
from .signing import presignable, service_signer


@dataclass(frozen=True)
class Member:
    name: str
    shape: str
    required: bool = False
    idempotency_token: bool = False
    jsonvalue: bool = False
    streaming: bool = False
    documentation: str = ""


@dataclass(frozen=True)
class Shape:
    """kind: structure, union, list, map, enum, document, eventstream or a scalar kind."""

    name: str
    kind: str
    members: tuple[Member, ...] = ()
    member: str = ""  # list element shape
    key: str = ""  # map key shape
    value: str = ""  # map value shape
    enum: tuple[str, ...] = ()
    streaming: bool = False
    sparse: bool = False
    payload: str = ""  # the member that is the HTTP payload (streaming outputs)
    exception: bool = False
    error_code: str = ""
    documentation: str = ""

    def children(self) -> tuple[str, ...]:
        if self.kind in ("structure", "union", "eventstream"):
            return tuple(m.shape for m in self.members)
        if self.kind == "list":
            return (self.member,)
        if self.kind == "map":
            return (self.key, self.value)
        return ()


@dataclass(frozen=True)
class Operation:
    name: str  # the API name, e.g. ListObjectsV2
    method: str  # botocore.xform_name(name), e.g. list_objects_v2
    input: str  # input shape name, "" when the operation takes none
    output: str  # output shape name, "" when the operation returns none
    errors: tuple[str, ...]
    documentation: str = ""
    deprecated: bool = False
    presignable: bool = True  # botocore's generate_presigned_url can sign it (model/signing.py)


@dataclass(frozen=True)
class Paginator:
    method: str  # the operation's method name, e.g. list_objects_v2
    operation: str
    input_token: tuple[str, ...]
    output_token: tuple[str, ...]
    result_keys: tuple[str, ...]
    limit_key: str = ""
    non_aggregate_keys: tuple[str, ...] = ()  # JMESPath paths build_full_result copies from page 1


@dataclass(frozen=True)
class Acceptor:
    state: str
    matcher: str
    expected: str
    argument: str = ""


@dataclass(frozen=True)
class Waiter:
    name: str  # e.g. BucketExists
    method: str  # e.g. bucket_exists
    operation: str
    delay: int
    max_attempts: int
    acceptors: tuple[Acceptor, ...]
    documentation: str = ""


@dataclass(frozen=True)
class Service:
    name: str  # botocore's name, e.g. pinpoint-sms-voice
    service_id: str
    full_name: str
    abbreviation: str
    api_version: str
    uid: str
    documentation: str
    operations: tuple[Operation, ...]
    shapes: Mapping[str, Shape]
    paginators: tuple[Paginator, ...]
    waiters: tuple[Waiter, ...]
    extra_methods: tuple[str, ...]  # methods botocore/boto3 inject into the client class
    error_shapes: tuple[str, ...] = field(default=())
    resources: ResourceService | None = None  # boto3's resources-1 (resource services only)
    protocol: str = ""  # the protocol botocore uses (ServiceModel.resolved_protocol)
    warnings: tuple[str, ...] = ()  # what was left out of the definitions, and why

    def shape(self, name: str) -> Shape:
        return self.shapes[name]

    def operation(self, name: str) -> Operation:
        """The operation with API name `name` (e.g. HeadBucket)."""
        for op in self.operations:
            if op.name == name:
                return op
        raise KeyError(name)


def build(raw: RawService) -> Service:
    """Turn one service's JSON into the frozen model, naming the service on any defect."""
    try:
        return _build(raw)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        where = f" ({raw.source})" if raw.source else ""
        raise UserError(f"{raw.name}: malformed service definition{where}: {type(exc).__name__}: {exc}") from None


def _build(raw: RawService) -> Service:
    data = raw.service
    meta = data.get("metadata", {})
    shapes_json: dict[str, Any] = data.get("shapes", {})
    methods = set(raw.client_methods)
    signer = service_signer(meta)
    ops = []
    for op_name in sorted(data.get("operations", {})):
        if xform_name(op_name) not in methods:
            continue  # removed from the client by botocore (e.g. bidirectional streams)
        spec = data["operations"][op_name]
        ops.append(_operation(op_name, spec, presignable(spec, meta, signer)))
    op_methods = {op.method for op in ops}
    removed = {xform_name(n) for n in data.get("operations", {})} - op_methods  # by botocore, on purpose
    warnings = []
    paginators = []
    for name, spec in sorted(raw.paginators.items()):
        if xform_name(name) in op_methods:
            paginators.append(_paginator(name, spec))
        elif xform_name(name) not in removed:
            warnings.append(
                f"{raw.source_of('paginators-1')}: pagination.{name}: no such operation; paginator left out"
            )
    waiters = []
    for name, spec in sorted(raw.waiters.items()):
        if xform_name(spec.get("operation", "")) in op_methods:
            waiters.append(_waiter(name, spec))
        elif xform_name(spec.get("operation", "")) not in removed:
            warnings.append(
                f"{raw.source_of('waiters-2')}: waiters.{name}: operation {spec.get('operation')!r} does not exist; waiter left out"
            )
    roots = [op.input for op in ops] + [op.output for op in ops]
    # botocore's client.exceptions has a class for every exception shape, used or not
    errors = sorted({e for op in ops for e in op.errors} | {n for n, s in shapes_json.items() if s.get("exception")})
    resources = None
    if raw.resources is not None:  # boto3's resources-1, checked against the client
        try:
            resources = build_resources(raw.name, raw.resources, {op.name for op in ops}, {w.name for w in waiters})
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            where = raw.source_of("resources-1")
            raise UserError(
                f"{raw.name}: malformed resource definition ({where}): {type(exc).__name__}: {exc}"
            ) from None
        roots += resources.shapes()
    shapes = _reachable(shapes_json, [r for r in roots if r] + errors)
    return Service(
        name=raw.name,
        service_id=meta.get("serviceId", raw.name),
        full_name=meta.get("serviceFullName", raw.name),
        abbreviation=meta.get("serviceAbbreviation", ""),
        api_version=meta.get("apiVersion", ""),
        uid=meta.get("uid", ""),
        documentation=data.get("documentation", ""),
        operations=tuple(ops),
        shapes=MappingProxyType(shapes),
        paginators=tuple(paginators),
        waiters=tuple(waiters),
        extra_methods=tuple(sorted(methods - op_methods)),
        error_shapes=tuple(errors),
        resources=resources,
        warnings=tuple(warnings),
        protocol=_protocol(meta),
    )


def _protocol(meta: dict[str, Any]) -> str:
    """botocore's choice: the first of its supported protocols the service lists, else `protocol`."""
    listed = meta.get("protocols") or []
    return next((p for p in PRIORITY_ORDERED_SUPPORTED_PROTOCOLS if p in listed), str(meta.get("protocol", "")))


def _operation(name: str, spec: dict[str, Any], can_presign: bool = True) -> Operation:
    return Operation(
        name=name,
        method=xform_name(name),
        input=spec.get("input", {}).get("shape", ""),
        output=spec.get("output", {}).get("shape", ""),
        errors=tuple(sorted({e["shape"] for e in spec.get("errors", [])})),
        documentation=spec.get("documentation", ""),
        deprecated=bool(spec.get("deprecated", False)),
        presignable=can_presign,
    )


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (str(value),)


def _paginator(name: str, spec: dict[str, Any]) -> Paginator:
    return Paginator(
        method=xform_name(name),
        operation=name,
        input_token=_as_tuple(spec.get("input_token")),
        output_token=_as_tuple(spec.get("output_token")),
        result_keys=_as_tuple(spec.get("result_key")),
        limit_key=str(spec.get("limit_key", "")),
        non_aggregate_keys=_as_tuple(spec.get("non_aggregate_keys")),
    )


def _waiter(name: str, spec: dict[str, Any]) -> Waiter:
    acceptors = tuple(
        Acceptor(
            state=str(a.get("state", "")),
            matcher=str(a.get("matcher", "")),
            expected=str(a.get("expected", "")),
            argument=str(a.get("argument", "")),
        )
        for a in spec.get("acceptors", [])
    )
    return Waiter(
        name=name,
        method=xform_name(name),
        operation=spec["operation"],
        delay=int(spec.get("delay", 0)),
        max_attempts=int(spec.get("maxAttempts", 0)),
        acceptors=acceptors,
        documentation=str(spec.get("description", "")),
    )


def _reachable(shapes_json: dict[str, Any], roots: list[str]) -> dict[str, Shape]:
    out: dict[str, Shape] = {}
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name in out:
            continue
        if name not in shapes_json:
            raise KeyError(f"shape {name!r} is referenced but not defined")
        shape = _shape(name, shapes_json[name])
        out[name] = shape
        stack.extend(c for c in shape.children() if c not in out)
    return dict(sorted(out.items()))


def _kind(spec: dict[str, Any]) -> str:
    kind = str(spec["type"])
    if kind == "structure":
        if spec.get("document"):
            return "document"
        if spec.get("eventstream"):
            return "eventstream"
        if spec.get("union"):
            return "union"
    if kind == "string" and spec.get("enum"):
        return "enum"
    return kind


def _shape(name: str, spec: dict[str, Any]) -> Shape:
    kind = _kind(spec)
    required = set(spec.get("required", []))
    members = tuple(
        Member(
            name=m_name,
            shape=m["shape"],
            required=m_name in required,
            idempotency_token=bool(m.get("idempotencyToken")),
            # botocore JSON-encodes only jsonvalue headers (utils.is_json_value_header)
            jsonvalue=bool(m.get("jsonvalue")) and m.get("location") == "header",
            streaming=bool(m.get("streaming")),
            documentation=m.get("documentation", ""),
        )
        for m_name, m in spec.get("members", {}).items()
    )
    error = spec.get("error") or {}
    return Shape(
        name=name,
        kind=kind,
        members=members,
        member=spec.get("member", {}).get("shape", ""),
        key=spec.get("key", {}).get("shape", ""),
        value=spec.get("value", {}).get("shape", ""),
        enum=tuple(str(v) for v in spec.get("enum", [])),
        streaming=bool(spec.get("streaming")),
        sparse=bool(spec.get("sparse")),
        payload=str(spec.get("payload", "")),
        exception=bool(spec.get("exception")),
        error_code=str(error.get("code") or name),
        documentation=spec.get("documentation", ""),
    )
