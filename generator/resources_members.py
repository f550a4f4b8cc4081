"""Stage 5, views (resources): one laid-out method per member of a typed resource class.

Each builder turns one part of the resource model (identifier, attribute, reference, load,
action, sub-resource, collection, waiter, batch action) into a `Method`: signature,
docstring and a body that forwards to boto3's resource object.  Names come from the
naming stage (boto3's own rules), types from the typemap; `Scope.ref` swaps a class name
for its module-level alias where a member of the class itself has that name (a method
`Object` returning an `Object`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from botocore import xform_name

from . import docs
from .layout import Br, Expr, docstring, flat, function_def, pystr, statement
from .model import Member, Service
from .naming import ResourceNames, escape_identifier
from .resources_model import Action, Collection, Filled, Identifier, Related, Resource, Target, Waiter
from .resources_types import ResourceTypes
from .typemap import OUTPUT_SCALARS
from .views import Method

_PROPERTY = ["    @property"]


@dataclass(frozen=True)
class Scope:
    """What the builders of one class need: the service, its types, class names, aliases."""

    service: Service
    types: ResourceTypes
    resource: Resource
    names: ResourceNames
    class_of: Callable[[str], str]  # resource type -> typed class name
    ref: Callable[[Expr], Expr]  # an annotation, with shadowed names replaced by aliases
    title: str  # e.g. "s3 Bucket"


def identifier_type(identifier: Identifier) -> str:
    return OUTPUT_SCALARS.get(identifier.type, "str")


def identifier_property(scope: Scope, identifier: Identifier) -> Method:
    name = scope.names.identifiers[identifier.name]
    kind = identifier_type(identifier)
    return _property(name, kind, f"The {identifier.name} identifier of this {scope.title}.", f"self._raw.{name}")


def attribute_property(scope: Scope, name: str, member: Member) -> Method:
    shape = scope.service.shape(scope.resource.shape)
    alias = scope.names.aliases.get(name)
    if alias is not None:
        ids = {scope.names.identifiers[i.name]: i for i in scope.resource.identifiers}
        kind: Expr = identifier_type(ids[alias])
        doc = f"{member.name}: the same value as the {alias} identifier."
    else:
        kind = scope.ref(scope.types.member_expr(shape, member, "out"))
        kind = kind if member.required else Br("Optional", (kind,))
        summary = docs.summary(member.documentation, 300)
        doc = f"{summary}\n\n" if summary else ""
        doc += f"The {member.name} of {scope.resource.shape}; loaded on first access (None when absent)."
    return _property(name, kind, doc, f"self._raw.{name}")


def reference_property(scope: Scope, related: Related) -> Method:
    name = scope.names.related[related.name]
    cls = scope.class_of(related.resource.type)
    plural = related.resource.plural
    inner: Expr = scope.ref(cls)
    returns = Br("Optional", (Br("List", (inner,)) if plural else inner,))
    helper = "wrap_optional_list" if plural else "wrap_optional"
    body = statement("return ", Br(helper, (cls, f"self._raw.{name}"), "(", ")"), 8)
    what = f"the {related.resource.type} resources" if plural else f"the {related.resource.type}"
    doc = f"Reference: {what} named by this {scope.title}'s data (loaded on first access); None when it names none."
    return Method(decorators=list(_PROPERTY), signature=function_def(name, ["self"], returns, 4), doc=docstring(doc, 8), body=body)


def load_methods(scope: Scope, load: Action) -> list[Method]:
    op = scope.service.operation(load.request.operation)
    out = []
    for name in ("load", "reload"):
        doc = (
            f"{'Load' if name == 'load' else 'Reload'} this {scope.title}'s attributes with "
            f"{scope.service.name}.{op.method} (attributes load on first access too)."
        )
        out.append(Method(signature=function_def(name, ["self"], "None", 4), doc=docstring(doc, 8), body=f"        self._raw.{name}()"))
    return out


def action_method(scope: Scope, action: Action, name: str, batch: bool = False) -> Method:
    op = scope.service.operation(action.request.operation)
    filled = action.request.filled("batch" if batch else "action")
    kwargs = scope.types.request_name(op.input, filled) if op.input else ""
    params: list[Expr] = ["self", *([f"**kwargs: Unpack[{scope.ref(kwargs)}]"] if kwargs else [])]
    call = Br(f"self._raw.{name}", ("**kwargs",) if kwargs else (), "(", ")")
    returns, body = _action_result(scope, action, op.output, call, batch)
    summary = docs.summary(op.documentation, 300) or f"Calls {op.name}."
    where = f"{scope.service.name}.{op.method}"
    detail = (
        f"Batch action: calls {where} once per page of the collection, with the page's resources"
        if batch
        else f"Calls {where}" + _filled_doc(filled, scope.title)
    )
    return Method(
        signature=function_def(name, params, returns, 4),
        doc=docstring(f"{summary}\n\n{detail}.\n\n{_link(scope, op.name)}".rstrip(), 8),
        body=body,
    )


def _action_result(scope: Scope, action: Action, output: str, call: Br, batch: bool) -> tuple[Expr, str]:
    if action.resource is not None and not batch:
        cls = scope.class_of(action.resource.type)
        if action.resource.plural:
            return Br("List", (scope.ref(cls),)), statement("return ", Br("wrap_list", (cls, flat(call)), "(", ")"), 8)
        return scope.ref(cls), statement("return ", Br(cls, (flat(call),), "(", ")"), 8)
    if action.path:  # a JMESPath selection of the response: no declared shape
        returns: Expr = "Any"
    else:
        returns = scope.types.response_name(output) if output else "EmptyResponseTypeDef"
    returns = Br("List", (returns,)) if batch else returns
    return scope.ref(returns), statement("return ", Br("cast", (pystr(flat(returns)), flat(call)), "(", ")"), 8)


def subresource_method(scope: Scope, related: Related) -> Method:
    name = scope.names.related[related.name]
    cls = scope.class_of(related.resource.type)
    params, args = _identifier_params(scope, related.resource)
    body = statement("return ", Br(cls, (flat(Br(f"self._raw.{name}", tuple(args), "(", ")")),), "(", ")"), 8)
    given = f" from {', '.join(args)}" if args else ""
    doc = f"The {related.resource.type} sub-resource of this {scope.title}{given} (no request is made)."
    return Method(signature=function_def(name, ["self", *params], scope.ref(cls), 4), doc=docstring(doc, 8), body=body)


def _identifier_params(scope: Scope, target: Target) -> tuple[list[Expr], list[str]]:
    """Parameters for the identifiers the caller gives, typed like the target's identifiers."""
    resources = scope.service.resources
    assert resources is not None
    kinds = {i.name: identifier_type(i) for i in resources.get(target.type).identifiers}
    params: list[Expr] = []
    args: list[str] = []
    for item in target.inputs():
        arg = escape_identifier(xform_name(item))
        arg = arg + "_" if arg == "self" else arg  # not the method's own receiver
        params.append(f"{arg}: {kinds.get(item, 'str')}")
        args.append(arg)
    return params, args


def collection_property(scope: Scope, collection: Collection, manager: str) -> Method:
    name = scope.names.collections[collection.name]
    op = scope.service.operation(collection.request.operation)
    doc = (
        f"The {collection.resource.type} resources of this {scope.title}, from "
        f"{scope.service.name}.{op.method}: call all(), filter(...), limit(n) or page_size(n) "
        "to get an iterable collection."
    )
    body = statement("return ", Br(manager, (f"self._raw.{name}",), "(", ")"), 8)
    return Method(decorators=list(_PROPERTY), signature=function_def(name, ["self"], manager, 4), doc=docstring(doc, 8), body=body)


def waiter_method(scope: Scope, waiter: Waiter, shape: str, client_method: str) -> Method:
    name = scope.names.waiters[waiter.name]
    filled = waiter.request.filled()
    kwargs = scope.ref(scope.types.wait_name(shape, filled))
    doc = (
        f"Wait until this {scope.title} {xform_name(waiter.name).replace('_', ' ')}: polls with the "
        f"{scope.service.name} waiter {client_method}{_filled_doc(filled, scope.title)}; WaiterConfig "
        "sets Delay and MaxAttempts. Raises botocore's WaiterError on failure or timeout."
    )
    return Method(
        signature=function_def(name, ["self", f"**kwargs: Unpack[{flat(kwargs)}]"], "None", 4),
        doc=docstring(doc, 8),
        body=f"        self._raw.{name}(**kwargs)",
    )


def filter_methods(scope: Scope, collection: Collection, cls: str) -> list[Method]:
    """filter() and, on a manager, its alias iterator(), with the operation's own parameters."""
    op = scope.service.operation(collection.request.operation)
    kwargs = scope.types.request_name(op.input, collection.filled()) if op.input else ""
    params: list[Expr] = ["self", *([f"**kwargs: Unpack[{kwargs}]"] if kwargs else [])]
    out = []
    for name in ("filter", "iterator"):
        call = Br(f"self._raw.{name}", ("**kwargs",) if kwargs else (), "(", ")")
        doc = (
            f"The collection with these {scope.service.name}.{op.method} parameters "
            "(requests are made only when it is iterated)."
        )
        out.append(
            Method(
                signature=function_def(name, params, cls, 4),
                doc=docstring(doc, 8),
                body=statement("return ", Br(cls, (flat(call),), "(", ")"), 8),
            )
        )
    return out


def factory(service_name: str, cls: str) -> Method:
    sig = function_def(
        "resource",
        ["*", "session: ResourceSessionLike | None = None", "**kwargs: Unpack[ResourceArgsTypeDef]"],
        cls,
        0,
    )
    doc = docstring(
        f"Create a typed {service_name} service resource: the same arguments as "
        f"boto3.resource({service_name!r}, ...), from `session` when given.",
        4,
    )
    body = statement("return ", Br(cls, (f"create_resource({pystr(service_name)}, session, kwargs)",), "(", ")"), 4)
    return Method(signature=sig, doc=doc, body=body)


def _property(name: str, kind: Expr, doc: str, source: str) -> Method:
    body = statement("return ", Br("cast", (pystr(flat(kind)), source), "(", ")"), 8)
    return Method(decorators=list(_PROPERTY), signature=function_def(name, ["self"], kind, 4), doc=docstring(doc, 8), body=body)


def _filled_doc(filled: Filled, title: str) -> str:
    text = f" with {', '.join(sorted(filled.drop))} from this {title}" if filled.drop else ""
    if filled.optional:
        text += f"; boto3 fills part of {', '.join(sorted(filled.optional))} from it unless given"
    return text


def _link(scope: Scope, operation: str) -> str:
    link = docs.api_reference(scope.service.uid, operation)
    return f"API reference: {link}" if link else ""
