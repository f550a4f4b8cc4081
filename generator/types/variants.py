"""Stage 4, typemap (variants): where a structure is used decides what its TypedDict holds.

A TypedDict is keyed by (shape, Variant).  The kinds, built by the TypeMap (types/typemap.py):
  request   top-level input of an operation (idempotency tokens optional)
  in        nested input (members ReadOnly: botocore only reads them, and so a value the
            service returned can be sent back, e.g. dynamodb LastEvaluatedKey)
  out       nested output
  any       nested, where input and output render the same
  response  top-level output (ResponseMetadata and the streaming payload required)
  paginate  request of a paginator (every member, PaginationConfig added)
  full      build_full_result() of a paginator (what paginate.py sets: types/full_result.py)
  fullpart  a dict under a dotted result path of a full result (types/full_result.py)
  wait      request of a waiter (WaiterConfig added)

The resource side (types/resources.py) adds two flavours of its own:
  resource  an in, out or response TypedDict of a shape that reaches a value boto3's
            resource layer converts (resource-side member types)
  trimmed   a resource method's request (kind request) or a resource waiter's kwargs
            (kind wait) without the members boto3 fills (`drop`) and with those it may
            fill (`optional`) optional; resource-side member types

Variants order as their fields do: kind, then the plain one before its resource-side or
trimmed ones, then `drop`, then `optional`.  The name table hands names out over sorted keys
of plain variants only (the client's TypedDicts), where this is the order of the kind names,
as it was of the strings "in", "out", ... this value replaced.  Trimmed variants with
`optional` members may sort otherwise than those strings did (ec2's DeleteTagsRequest:
"request~Resources~Tags" sorted after "request~Resources,Tags"); nothing is named in their
sorted order (the resource side's names go in collection order).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import AbstractSet

_LABELS = {  # kind -> how a docstring names it
    "request": "request",
    "in": "input",
    "any": "input and output",
    "out": "output",
    "response": "response",
    "paginate": "paginate() request",
    "full": "build_full_result() value",
    "fullpart": "part of a build_full_result() value",
    "wait": "wait() request",
}
KINDS = frozenset(_LABELS)
INPUT_SIDE = frozenset({"request", "in", "any", "paginate", "wait"})  # kinds of values sent
RESOURCE_KINDS = frozenset({"in", "out", "response"})
TRIMMED_KINDS = frozenset({"request", "wait"})


@dataclass(frozen=True, order=True)
class Variant:
    """The second half of a TypedDict's key (see the module docstring)."""

    kind: str
    resource: bool = False
    trimmed: bool = False
    drop: tuple[str, ...] = ()  # sorted member names (trimmed only)
    optional: tuple[str, ...] = ()  # sorted member names (trimmed only)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown variant kind {self.kind!r}")
        if self.resource and (self.trimmed or self.kind not in RESOURCE_KINDS):
            raise ValueError(f"no resource-side variant of kind {self.kind!r} (trimmed: {self.trimmed})")
        if self.trimmed and self.kind not in TRIMMED_KINDS:
            raise ValueError(f"no trimmed variant of kind {self.kind!r}")
        if (self.drop or self.optional) and not self.trimmed:
            raise ValueError("only a trimmed variant drops members or makes them optional")

    @classmethod
    def on_resource(cls, kind: str) -> Variant:
        """The resource-side variant of an in, out or response TypedDict."""
        return cls(kind, resource=True)

    @classmethod
    def trim(cls, kind: str, drop: AbstractSet[str], optional: AbstractSet[str]) -> Variant:
        """A resource method's request (kind request) or waiter's kwargs (kind wait)."""
        return cls(kind, trimmed=True, drop=tuple(sorted(drop)), optional=tuple(sorted(optional)))

    @property
    def plain(self) -> bool:
        """A TypeMap variant (neither resource-side nor trimmed)."""
        return not (self.resource or self.trimmed)

    @property
    def input_side(self) -> bool:
        """Whether its values are sent to botocore (else returned by it)."""
        return self.kind in INPUT_SIDE

    @property
    def label(self) -> str:
        """How a docstring names it: "input", "paginate() request", ..."""
        return _LABELS[self.kind]


_PLAIN = {kind: Variant(kind) for kind in _LABELS}
REQUEST = _PLAIN["request"]
IN = _PLAIN["in"]
OUT = _PLAIN["out"]
ANY = _PLAIN["any"]
RESPONSE = _PLAIN["response"]
PAGINATE = _PLAIN["paginate"]
FULL = _PLAIN["full"]
FULLPART = _PLAIN["fullpart"]
WAIT = _PLAIN["wait"]


def plain(kind: str) -> Variant:
    """The TypeMap variant of `kind` (one shared value per kind)."""
    if kind not in _PLAIN:
        raise ValueError(f"unknown variant kind {kind!r}")
    return _PLAIN[kind]
