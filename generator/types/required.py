"""What a [tool.botoloom.required] entry can name in one service, and what it names that the
service does not have.

An entry `"service.Owner" = ["Member", ...]` is read in three places, each asking the model
whether `Owner` is one of its own (typemap.py: an operation's output members, and a
structure's members wherever a response holds it; resources.py: a resource's attributes
and references, by model or Python name).  A key or member none of them knows used to be
left out silently; `problem()` says what is wrong with it, in one phrase, so that the
run stops (pipeline._one, as the service is rendered; app/config.py refuses an unknown
service before that).  A changed table renders every service again (it is part of the
cache key), so no entry of a generated service goes unchecked.
"""

from __future__ import annotations

import difflib

from ..model.service import Service
from ..naming.rules import resource_names


def listable(service: Service, owner: str) -> frozenset[str] | None:
    """Every member an entry for `owner` may list, or None when `owner` is no operation,
    resource or structure of `service` (a name can be more than one: iam's Policy is a
    resource and a structure, and may list the members of either)."""
    found = False
    members: set[str] = set()
    for op in service.operations:
        if op.name == owner:
            found = True
            members |= {m.name for m in service.shape(op.output).members} if op.output else set()
    shape = service.shapes.get(owner)
    if shape is not None and shape.kind == "structure":
        found = True
        members |= {m.name for m in shape.members}
    resources = service.resources.resources if service.resources is not None else ()
    for resource in resources:
        if resource.name == owner:
            found = True
            members |= _resource_members(service, owner)
    return frozenset(members) if found else None


def _resource_members(service: Service, owner: str) -> set[str]:
    """The attributes and references of resource `owner`, by model and by Python name."""
    assert service.resources is not None
    resource = service.resources.get(owner)
    shape = [m.name for m in service.shape(resource.shape).members] if resource.shape else []
    names = resource_names(service.name, resource, service.resources.definitions, shape)
    references = {r.name for r in resource.related if r.is_reference}
    members = {*names.attributes, *names.attributes.values()}
    return members | references | {python for model, python in names.related.items() if model in references}


def owners(service: Service) -> list[str]:
    """Every name an entry of `service` may have after the dot."""
    resources = service.resources.resources if service.resources is not None else ()
    structures = [name for name, shape in service.shapes.items() if shape.kind == "structure"]
    return sorted({*(op.name for op in service.operations), *structures, *(r.name for r in resources)})


def problem(service: Service, owner: str, members: tuple[str, ...]) -> str | None:
    """What is wrong with the entry `"<service>.<owner>" = [members]`, or None."""
    known = listable(service, owner)
    if known is None:
        what = "operation, resource or structure"
        return f"{service.name} has no {what} {owner!r}{_near(owner, owners(service))}"
    unknown = [m for m in members if m not in known]
    if not unknown:
        return None
    listed = ", ".join(repr(m) for m in unknown)
    return f"{service.name}.{owner} has no member {listed}{_near(unknown[0], sorted(known))}"


def _near(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def first_problem(service: Service, required: tuple[tuple[str, str, tuple[str, ...]], ...]) -> str | None:
    """The first entry of `required` (Options.required, sorted by key) for `service` that
    names something it does not have, as `"service.Owner": what is wrong`; else None."""
    for name, owner, members in required:
        found = problem(service, owner, members) if name == service.name else None
        if found:
            return f'"{name}.{owner}": {found}'
    return None
