"""The variants of a shape's TypedDict: where a structure is used decides what its
TypedDict holds (generator/typemap.py, generator/resources_types.py).

Kinds (TypeMap):
  request   top-level input of an operation (idempotency tokens optional)
  in        nested input (members ReadOnly)
  out       nested output
  any       nested, where input and output render the same
  response  top-level output (ResponseMetadata and the streaming payload required)
  paginate  request of a paginator (tokens and limit removed, PaginationConfig added)
  full      build_full_result() of a paginator
  fullpart  a dict under a dotted result path of a full result
  wait      request of a waiter (WaiterConfig added)

Resource side (ResourceTypes): `resource` (an in, out or response TypedDict whose members
reach a value boto3's resource layer converts), or `trimmed` (a resource method's request
or wait kwargs without the members boto3 fills, `drop`, and with `optional` ones optional).
"""

from __future__ import annotations

from dataclasses import dataclass

_LABELS = {
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


@dataclass(frozen=True, order=True)
class Variant:
    kind: str
    resource: bool = False
    trimmed: bool = False
    drop: tuple[str, ...] = ()  # sorted member names
    optional: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in _LABELS:
            raise ValueError(f"unknown variant kind {self.kind!r}")

    @property
    def plain(self) -> bool:
        """A TypeMap variant (neither resource-side nor trimmed)."""
        return not (self.resource or self.trimmed)

    @property
    def label(self) -> str:
        """How a docstring names it: "input", "paginate() request", ..."""
        return _LABELS[self.kind]


REQUEST = Variant("request")
IN = Variant("in")
OUT = Variant("out")
ANY = Variant("any")
RESPONSE = Variant("response")
PAGINATE = Variant("paginate")
FULL = Variant("full")
FULLPART = Variant("fullpart")
WAIT = Variant("wait")


def plain(kind: str) -> Variant:
    return Variant(kind)
