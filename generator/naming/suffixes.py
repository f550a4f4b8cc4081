"""The suffix families of generated names, in one place, and the rule against doubling one.

Every module-level name the table (naming/table.py) hands out is a base (a shape, operation,
waiter or service prefix: rules.type_base) followed by one of these suffixes, sometimes two
(`<Shape><Variant>TypeDef`).  A new step takes its suffix from here and joins it with
`suffixed()`, which never doubles it: a base that already ends with the suffix keeps it once
(an event shape `InvokeWithResponseStreamResponseEvent` with the family `Event` stays
`InvokeWithResponseStreamResponseEvent`, not `...EventEvent`).

The families of GRANDFATHERED joined their suffix by plain concatenation before this rule
(`AcceleratorType` + `Type` = `AcceleratorTypeType`, as boto3-stubs spells it too;
`WorkSpacesThinClient` + `Client`): their names are part of the package's public API, so
they keep doubling.  Every join of a family goes through `join()` (tests/unit/test_naming.py
checks that the naming modules concatenate none by hand).
"""

from __future__ import annotations

TYPE_DEF = "TypeDef"  # every TypedDict
LITERAL = "Type"  # the Literal alias of an enum shape
CLIENT = "Client"
EXCEPTIONS = "Exceptions"
PAGINATOR = "Paginator"
WAITER = "Waiter"
CLASS = "Class"  # the fallback of a paginator or waiter class
SERVICE_RESOURCE = "ServiceResource"
RESOURCE = "Resource"  # a resource class's fallback; a resource-side TypedDict
RESOURCE_CLIENT = "ResourceClient"
COLLECTION = "Collection"
MANAGER = "Manager"  # a collection's manager: <Collection>Manager
STUBBER = "Stubber"
ERROR_CODE = "ErrorCode"
STUB = "Stub"  # the Stubber's response TypedDicts: <Output>StubTypeDef
MEMBER = "Member"  # the fallback of a union member's TypedDict
ERROR = "Error"  # the fallback of an exception class
EVENT = "Event"  # an event of an event stream (the walk-through of ARCHITECTURE.md)

# The part of a TypedDict's name that tells its variant's kind (types/typemap.py, types/resources.py).
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
# A client variant that only the resource side needs (no client method reaches it).
RESOURCE_ONLY_SUFFIX = {"out": "Output", "in": "Input"}


# The titled variant kinds (types/variants.py), the second candidate of a TypedDict name.
KIND_SUFFIXES = frozenset(
    k.title() for k in ("request", "in", "out", "any", "response", "paginate", "full", "fullpart", "wait")
)


def kind_suffix(kind: str) -> str:
    """The second candidate of a TypedDict whose first is taken: its variant kind, titled
    (`<Shape>OutTypeDef`, `<Shape>OutputResponseTypeDef`)."""
    return kind.title()


# Suffixes joined by concatenation before the rule, kept so that no published name changes.
GRANDFATHERED = frozenset(
    {TYPE_DEF, LITERAL, CLIENT, EXCEPTIONS, PAGINATOR, WAITER, CLASS, SERVICE_RESOURCE, RESOURCE, RESOURCE_CLIENT}
    | {COLLECTION, MANAGER, STUBBER, ERROR_CODE, STUB, MEMBER, ERROR}
    | set(VARIANT_SUFFIX.values())
    | set(RESOURCE_SUFFIX.values())
    | set(RESOURCE_ONLY_SUFFIX.values())
    | KIND_SUFFIXES
)


def doubles(base: str, suffix: str) -> bool:
    """Would `base + suffix` say the suffix twice (`...EventEvent`)?"""
    return bool(suffix) and base.endswith(suffix)


def suffixed(base: str, suffix: str) -> str:
    """`base` with `suffix`, never doubled for a family outside GRANDFATHERED."""
    if suffix not in GRANDFATHERED and doubles(base, suffix):
        return base
    return base + suffix


def join(base: str, *suffixes: str) -> str:
    """`base` with each of `suffixes` in turn, by suffixed()."""
    for suffix in suffixes:
        base = suffixed(base, suffix)
    return base
