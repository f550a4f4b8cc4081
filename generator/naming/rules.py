"""Stage 3, naming: the rules every Python name in the output follows.

Method names come from `botocore.xform_name`, class prefixes from the service model's
serviceAbbreviation/serviceFullName (botocore 1.43's `get_service_module_name` rule, kept
here so that names do not change with the installed botocore); everything then passes
through the escaping here.  Which module-level name each thing of a service gets (and how
clashes resolve) is decided once, by the name table (naming/table.py), from these rules;
views, typemap and templates look names up there and never build them.
"""

from __future__ import annotations

import keyword
import re
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from types import SimpleNamespace
from typing import Any

from boto3.resources.model import ResourceModel
from botocore import xform_name

from ..errors import DefinitionError
from ..model.resources import Resource
from ..model.service import Service
from ..runtime import _types as _shared_types
from .suffixes import CLASS, join

# Services whose botocore class name is shared with another service: the later one
# gets its own name here. tests/unit/test_naming.py checks that every class prefix over
# all of botocore's services is unique, so a new clash fails loudly.
CLASS_PREFIX_OVERRIDES = {"sms-voice": "SMSVoice"}

# Names the generated modules import or define themselves; a generated name never takes one.
RESERVED = frozenset(
    {
        "annotations",
        "TYPE_CHECKING",
        "Any",
        "Dict",
        "IO",
        "List",
        "Literal",
        "Mapping",
        "NotRequired",
        "Optional",
        "Sequence",
        "Tuple",
        "TypedDict",
        "Union",
        "Unpack",
        "cast",
        "overload",
        "Protocol",
        "Final",
        "sys",
        "datetime",
        "ClientError",
        "BaseClient",
        "BaseClientExceptions",
        "Paginator",
        "PageIterator",
        "Waiter",
        "StreamingBody",
        "EventStream",
        "create_client",
        # everything the package's _types exports (a shape named Document or Timestamp
        # must not take DocumentTypeDef or TimestampTypeDef from it)
        *_shared_types.__all__,
    }
)

_NON_IDENT = re.compile(r"[^0-9A-Za-z_]")
_NON_WORD = re.compile(r"\W+")  # botocore's own pattern (str: Unicode word characters stay)


def module_name(service_name: str) -> str:
    """Python module name for a botocore service name: lambda -> lambda_, a-b -> a_b."""
    return escape_identifier(_NON_IDENT.sub("_", service_name))


def escape_identifier(name: str) -> str:
    """A valid, non-keyword, unmangled identifier for `name` (keywords get a trailing _).

    Builtins are not escaped: boto3's own names (a `copy` method, a `TimeoutError`
    exception) must stay what they are, and shadowing inside a module is harmless.
    """
    name = _NON_IDENT.sub("_", name) or "_"
    if name[0].isdigit():
        name = "_" + name
    if keyword.iskeyword(name):
        name += "_"
    if name.startswith("__"):
        name = "x" + name
    return name


def class_prefix(service: Service) -> str:
    """S3, EC2, DynamoDB, Lambda...: the class name botocore 1.43 gives the service's client.

    Computed here, not by botocore's `get_service_module_name`: botocore 1.44 derives it
    from serviceId instead (and gives `Sqs` for a model without one), which would rename
    every class on a botocore upgrade.  The rule is botocore 1.43's: serviceAbbreviation,
    else serviceFullName, without "Amazon"/"AWS" and non-word characters.
    """
    if service.name in CLASS_PREFIX_OVERRIDES:
        return CLASS_PREFIX_OVERRIDES[service.name]
    name = service.abbreviation or service.full_name  # full_name falls back to the service name
    prefix = _NON_WORD.sub("", name.replace("Amazon", "").replace("AWS", ""))
    return type_base(prefix or service.name.title().replace("-", ""))


def type_base(shape_name: str) -> str:
    """A shape name made safe as the start of a class or alias name.

    Leading underscores would be name-mangled inside class bodies, so they go; the
    first letter is upper-cased; anything that is not an identifier character goes.
    """
    name = _NON_IDENT.sub("", shape_name.lstrip("_"))
    if not name:
        name = "Shape"
    if name[0].isdigit():
        name = "Shape" + name
    return name[0].upper() + name[1:]


# What service_resource.py imports from the package's runtime (_resources, _injected)
# beside RESERVED: a resource or collection class never takes one of these names.


@lru_cache(maxsize=1)
def importable() -> frozenset[str]:
    """Every name a service_resource module could import: typing's, datetime, and the
    public names of the runtime modules it imports from (their `__all__`, as render/files.py
    reads them for the re-export modules), so that a name added to the runtime is reserved
    without a list to keep."""
    names = set(typing.__all__) | {"datetime"}
    for module in ("_types", "_resources", "_injected"):
        names.update(import_module(f"generator.runtime.{module}").__all__)
    return frozenset(names)


# Members every typed resource class has (runtime/_resources.py BaseResource), those the
# hand-written runtime bases define (they count as class members for aliasing), and those
# of every collection and collection-manager class.
BASE_MEMBERS = frozenset({"meta", "get_available_subresources"})
RUNTIME_BASE_METHODS = frozenset(
    {"load", "upload_file", "download_file", "upload_fileobj", "download_fileobj", "copy", "batch_writer"}
)
COLLECTION_MEMBERS = frozenset({"filter", "iterator", "all", "limit", "page_size", "pages"})


def derived_class_names(definition_name: str, suffix: str) -> tuple[str, str]:
    """Candidate class names for a paginator or waiter called `definition_name` in its
    definition file (ListObjectsV2 -> ListObjectsV2Paginator, else ...PaginatorClass)."""
    base = join(type_base(definition_name), suffix)
    return base, join(base, CLASS)


# The decorators a typed class body uses (client.pyi: @property exceptions, @overload
# get_paginator): a method of that name would replace the decorator for every checker
# (pyright reads a stub's class body in any order), so an operation called so is not declared.
CLASS_BODY_NAMES = frozenset({"overload", "property"})


def declarable(method: str) -> bool:
    """Can the stub declare boto3's method `method` (an operation's botocore name) under
    that very name?  Not a keyword (boto3's client has it, reachable only with getattr),
    not a non-identifier, not one of CLASS_BODY_NAMES.  The typed class is the type of
    boto3's own object, so an operation that cannot be declared is left out of the stub,
    never declared under another name the object does not have (README, Limitations)."""
    return is_plain_key(method) and method not in CLASS_BODY_NAMES


def is_plain_key(key: str) -> bool:
    """Can `key` be a TypedDict member in class syntax? (else the functional form is used)"""
    return key.isidentifier() and not keyword.iskeyword(key) and not key.startswith("__")


@dataclass(frozen=True)
class ResourceNames:
    """The Python names boto3 gives one resource's members, keyed by their definition names.

    boto3's own `ResourceModel.load_rename_map` decides them: snake_case for everything but
    sub-resources, and `<name>_<category>` for the lower-precedence one of two clashing
    names (ec2 Instance: the reference `network_interfaces` keeps its name, the attribute
    becomes `network_interfaces_attribute`).
    """

    identifiers: dict[str, str]
    actions: dict[str, str]
    batch_actions: dict[str, str]
    related: dict[str, str]  # sub-resources and references
    collections: dict[str, str]
    waiters: dict[str, str]
    attributes: dict[str, str]  # python name -> shape member, as boto3 lists them
    aliases: dict[str, str]  # attribute python name -> identifier python name (memberName)


def resource_names(
    service: str, resource: Resource, definitions: Mapping[str, Any], members: Iterable[str]
) -> ResourceNames:
    """Names of `resource`'s members; `members` are its shape's member names, in order."""
    model = ResourceModel(
        service if resource.is_service else resource.name, dict(resource.definition), dict(definitions)
    )
    shape = SimpleNamespace(members=dict.fromkeys(members)) if resource.shape else None
    model.load_rename_map(shape)
    identifiers = [i.name for i in model.identifiers]
    defined = list(resource.definition.get("actions", {}))  # boto3 injects the others by name
    subresources = [r.name for r in resource.related if not r.is_reference]
    references = [r.name for r in resource.related if r.is_reference]
    names = ResourceNames(
        identifiers=dict(zip([i.name for i in resource.identifiers], identifiers, strict=True)),
        actions={a.name: xform_name(a.name) for a in resource.actions}
        | dict(zip(defined, [a.name for a in model.actions], strict=True)),
        batch_actions=dict(
            zip(
                [a.name for a in resource.batch_actions], [xform_name(a.name) for a in model.batch_actions], strict=True
            )
        ),
        related=dict(zip(subresources, [a.name for a in model.subresources], strict=True))
        | dict(zip(references, [a.name for a in model.references], strict=True)),
        collections=dict(zip([c.name for c in resource.collections], [c.name for c in model.collections], strict=True)),
        waiters=dict(zip([w.name for w in resource.waiters], [w.name for w in model.waiters], strict=True)),
        attributes={name: member for name, (member, _) in model.get_attributes(shape).items()} if shape else {},
        aliases={i.member_name: i.name for i in model.identifiers if i.member_name},
    )
    _check_resource_names(service, resource.name, names)
    return names


def _check_resource_names(service: str, resource: str, names: ResourceNames) -> None:
    """boto3 sets these names as attributes of its resource classes; the stubs declare them
    as methods and properties, so each must be a plain identifier, and none may replace a
    member of boto3's own base class (`get_available_subresources`; a batch action `filter`
    would replace the collection's) that the stub declares with its own signature."""
    for kind in ("identifiers", "actions", "batch_actions", "related", "collections", "waiters", "attributes"):
        for definition, python in getattr(names, kind).items():
            name = python if kind != "attributes" else definition
            base = COLLECTION_MEMBERS if kind == "batch_actions" else BASE_MEMBERS
            if not is_plain_key(name) or name in base:
                raise DefinitionError(
                    "resources-1",
                    f"{resource}.{kind}.{definition}",
                    f"becomes the attribute {name!r}, "
                    + (
                        "which boto3's own class has"
                        if name in base
                        else "which cannot be a Python method or property name"
                    ),
                )


def resource_members(resource: Resource, names: ResourceNames) -> frozenset[str]:
    """Every name defined in the typed class body of `resource` (what its annotations could hit)."""
    found = set(BASE_MEMBERS)
    for table in (names.identifiers, names.actions, names.related, names.collections, names.waiters):
        found.update(table.values())
    found.update(names.attributes)
    if resource.load:
        found.update({"load", "reload"})
    if resource.runtime_base:
        found.update(RUNTIME_BASE_METHODS)
    return frozenset(found)


def collection_members(item: ResourceNames) -> frozenset[str]:
    """Every name defined in the body of a collection (or manager) class of `item` resources."""
    return COLLECTION_MEMBERS | frozenset(item.batch_actions.values())
