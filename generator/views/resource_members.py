"""Stage 5, views (resources): one method per member of a typed resource class.

Each builder turns one part of the resource model (identifier, attribute, reference, load,
action, sub-resource, collection, waiter, batch action) into a `Method`: parameters, return
type and docstring text (the stub declares it; boto3's resource object has it).  Names come from the
naming stage (boto3's own rules), types from the typemap; `Scope.ref` spells a class name
through the stub's import of its own module (`_module.Object`) where a member of the class
itself has that name (a method `Object` returning an `Object`), an imported name through its
module-level alias.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from botocore import xform_name

from ..model import docs
from ..model.resources import Action, Collection, Filled, Identifier, Related, Resource, Target, Waiter
from ..model.service import Member, Service
from ..naming.rules import ResourceNames, escape_identifier
from ..types.pyexpr import (
    NONE,
    STR,
    TYPE_DEFS,
    Name,
    Needs,
    PyExpr,
    shared,
    sub,
    typing_name,
    unpack,
    uses,
)
from ..types.resources import ResourceTypes
from ..types.typemap import OUTPUT_SCALARS
from .blocks import SELF, Method, Param, factory, param
from .service import EMPTY_RESPONSE

_PROPERTY = ["property"]
_LIST = typing_name("List")


def _resources(name: str) -> Name:
    """A name of the package's hand-written _resources module."""
    return Name(".._resources", name)


@dataclass(frozen=True)
class Scope:
    """What the builders of one class need: the service, its types, class names, aliases."""

    service: Service
    types: ResourceTypes
    resource: Resource
    names: ResourceNames
    class_of: Callable[[str], str]  # resource type -> typed class name
    ref: Callable[[PyExpr], PyExpr]  # an annotation, with shadowed names spelt so the body cannot hide them
    title: str  # e.g. "s3 Bucket"


def identifier_type(identifier: Identifier) -> PyExpr:
    return OUTPUT_SCALARS.get(identifier.type, STR)


def identifier_property(scope: Scope, identifier: Identifier) -> Method:
    name = scope.names.identifiers[identifier.name]
    kind = identifier_type(identifier)
    return _property(name, kind, f"The {identifier.name} identifier of this {scope.title}.")


def attribute_property(scope: Scope, name: str, member: Member) -> Method:
    alias = scope.names.aliases.get(name)
    if alias is not None:
        ids = {scope.names.identifiers[i.name]: i for i in scope.resource.identifiers}
        kind = identifier_type(ids[alias])
        doc = f"{member.name}: the same value as the {alias} identifier."
    else:
        kind = scope.ref(scope.types.attribute(scope.resource, member, name))
        summary = docs.summary(member.documentation, 300)
        doc = f"{summary}\n\n" if summary else ""
        doc += f"The {member.name} of {scope.resource.shape}; loaded on first access (None when absent)."
    return _property(name, kind, doc)


def reference_property(scope: Scope, related: Related) -> Method:
    name = scope.names.related[related.name]
    cls = scope.class_of(related.resource.type)
    plural = related.resource.plural
    inner = scope.ref(Name(None, cls))
    returns = scope.types.reference(scope.resource, related, name, sub(_LIST, inner) if plural else inner)
    what = f"the {related.resource.type} resources" if plural else f"the {related.resource.type}"
    doc = f"Reference: {what} named by this {scope.title}'s data (loaded on first access); None when it names none."
    return Method(
        name=name,
        params=[SELF],
        returns=returns,
        decorators=list(_PROPERTY),
        doc=doc,
        needs=uses(returns),
    )


def load_methods(scope: Scope, load: Action) -> list[Method]:
    op = scope.service.operation(load.request.operation)
    out = []
    for name in ("load", "reload"):
        doc = (
            f"{'Load' if name == 'load' else 'Reload'} this {scope.title}'s attributes with "
            f"{scope.service.name}.{op.method} (attributes load on first access too)."
        )
        out.append(Method(name=name, params=[SELF], returns=NONE, doc=doc))
    return out


def action_method(scope: Scope, action: Action, name: str, batch: bool = False) -> Method:
    op = scope.service.operation(action.request.operation)
    filled = action.request.filled("batch" if batch else "action")
    kwargs = scope.types.request_name(op.input, filled) if op.input else ""
    typed = unpack(scope.ref(Name(TYPE_DEFS, kwargs)))
    params = [SELF, *([param("**kwargs", typed)] if kwargs else [])]
    returns, needs = _action_result(scope, action, op.output, batch)
    summary = docs.summary(op.documentation, 300) or f"Calls {op.name}."
    where = f"{scope.service.name}.{op.method}"
    detail = (
        f"Batch action: calls {where} once per page of the collection, with the page's resources"
        if batch
        else f"Calls {where}" + _filled_doc(filled, scope.title)
    )
    return Method(
        name=name,
        params=params,
        returns=returns,
        doc=f"{summary}\n\n{detail}.\n\n{_link(scope, op.name)}".rstrip(),
        needs=(uses(typed) if kwargs else Needs()) | needs,
    )


def _action_result(scope: Scope, action: Action, output: str, batch: bool) -> tuple[PyExpr, Needs]:
    """An action's return type and what it needs."""
    if action.resource is not None and not batch:
        cls = scope.class_of(action.resource.type)
        returns: PyExpr = scope.ref(Name(None, cls))
        returns = sub(_LIST, returns) if action.resource.plural else returns
        return returns, uses(returns)
    if action.path:  # a JMESPath selection of the response: no declared shape
        returns = typing_name("Any")
    else:
        returns = Name(TYPE_DEFS, scope.types.response_name(output)) if output else EMPTY_RESPONSE
    returns = sub(_LIST, returns) if batch else returns
    return scope.ref(returns), uses(scope.ref(returns), returns)


def subresource_method(scope: Scope, related: Related) -> Method:
    name = scope.names.related[related.name]
    cls = scope.class_of(related.resource.type)
    params, args, needs = _identifier_params(scope, related.resource)
    given = f" from {', '.join(args)}" if args else ""
    doc = f"The {related.resource.type} sub-resource of this {scope.title}{given} (no request is made)."
    returns = scope.ref(Name(None, cls))
    return Method(
        name=name,
        params=[SELF, *params],
        returns=returns,
        doc=doc,
        needs=needs | uses(returns),
    )


def _identifier_params(scope: Scope, target: Target) -> tuple[list[Param], list[str], Needs]:
    """Parameters for the identifiers the caller gives, typed like the target's identifiers."""
    resources = scope.service.resources
    assert resources is not None
    kinds = {i.name: identifier_type(i) for i in resources.get(target.type).identifiers}
    params: list[Param] = []
    args: list[str] = []
    needs = Needs()
    for item in target.inputs():
        arg = escape_identifier(xform_name(item))
        arg = arg + "_" if arg == "self" else arg  # not the method's own receiver
        kind = kinds.get(item, STR)
        params.append(param(arg, kind))
        args.append(arg)
        needs = needs | uses(kind)
    return params, args, needs


def collection_property(scope: Scope, collection: Collection, manager: str) -> Method:
    name = scope.names.collections[collection.name]
    op = scope.service.operation(collection.request.operation)
    doc = (
        f"The {collection.resource.type} resources of this {scope.title}, from "
        f"{scope.service.name}.{op.method}: call all(), filter(...), limit(n) or page_size(n) "
        "to get an iterable collection."
    )
    return Method(
        name=name,
        params=[SELF],
        returns=Name(None, manager),
        decorators=list(_PROPERTY),
        doc=doc,
    )


def waiter_method(scope: Scope, waiter: Waiter, shape: str, client_method: str) -> Method:
    name = scope.names.waiters[waiter.name]
    filled = waiter.request.filled()
    kwargs = unpack(scope.ref(Name(TYPE_DEFS, scope.types.wait_name(shape, filled))))
    doc = (
        f"Wait until this {scope.title} {xform_name(waiter.name).replace('_', ' ')}: polls with the "
        f"{scope.service.name} waiter {client_method}{_filled_doc(filled, scope.title)}; WaiterConfig "
        "sets Delay and MaxAttempts. Raises botocore's WaiterError on failure or timeout."
    )
    return Method(
        name=name,
        params=[SELF, param("**kwargs", kwargs)],
        returns=NONE,
        doc=doc,
        needs=uses(kwargs),
    )


def filter_methods(scope: Scope, collection: Collection, cls: str) -> list[Method]:
    """filter() and, on a manager, its alias iterator(), with the operation's own parameters."""
    op = scope.service.operation(collection.request.operation)
    kwargs = scope.types.request_name(op.input, collection.filled()) if op.input else ""
    typed = unpack(Name(TYPE_DEFS, kwargs))
    params = [SELF, *([param("**kwargs", typed)] if kwargs else [])]
    out = []
    for name in ("filter", "iterator"):
        doc = (
            f"The collection with these {scope.service.name}.{op.method} parameters "
            "(requests are made only when it is iterated)."
        )
        out.append(
            Method(
                name=name,
                params=params,
                returns=Name(None, cls),
                doc=doc,
                needs=uses(typed) if kwargs else Needs(),
            )
        )
    return out


def resource_factory(service_name: str, cls: str) -> Method:
    doc = (
        f"boto3.resource({service_name!r}, ...) with the same arguments, from `session` when "
        f"given: boto3's service resource itself, typed {cls}."
    )
    session, args = shared("ResourceSessionLike"), shared("ResourceArgsTypeDef")
    return factory("resource", service_name, Name(None, cls), _resources("create_resource"), session, args, doc)


def _property(name: str, kind: PyExpr, doc: str) -> Method:
    return Method(name=name, params=[SELF], returns=kind, decorators=list(_PROPERTY), doc=doc, needs=uses(kind))


def _filled_doc(filled: Filled, title: str) -> str:
    text = f" with {', '.join(sorted(filled.drop))} from this {title}" if filled.drop else ""
    if filled.optional:
        text += f"; boto3 fills part of {', '.join(sorted(filled.optional))} from it unless given"
    return text


def _link(scope: Scope, operation: str) -> str:
    link = docs.api_reference(scope.service.uid, operation)
    return f"API reference: {link}" if link else ""
