"""build_full_result() of a paginator, typed as botocore's PageIterator builds it.

botocore (paginate.py) starts from an empty dict and sets only:
- each result key (a JMESPath path such as `Contents` or `DistributionList.Items`) that some
  page had, lists joined and numbers summed: absent when no page had it (NotRequired, unless
  the model requires every member on the path: then every page has it);
- each non_aggregate_keys path, copied from the first page, `None` when that page had none:
  always there, maybe None (`X | None`);
- NextToken, when MaxItems cut the pages short (NotRequired).
Nothing else of a page (IsTruncated, MaxKeys, ...) is in it.  A dotted path makes its first
member a dict holding only what the paths under it select: a `fullpart` TypedDict of that
member's shape, with only those members.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from ..model.service import Member, Service
from .pyexpr import STR, PyExpr, optional
from .specs import Field
from .variants import FULLPART, Variant


class Types(Protocol):
    """What fields() asks of the service's TypeMap: the TypedDict of a (shape, variant) and
    the type of a shape used as a nested output."""

    def typed_dict(self, key: tuple[str, Variant]) -> PyExpr: ...

    def expr(self, shape_name: str, mode: str) -> PyExpr: ...


@dataclass
class _Node:
    """What the paths of the paginators reaching one shape select in it."""

    paginators: int = 0  # how many paginators' paths reach this shape
    always: dict[str, int] = field(default_factory=dict)  # member -> paginators that always set it
    leaf: dict[str, set[str]] = field(default_factory=dict)  # member -> "result"/"always" where a path ends
    nested: set[str] = field(default_factory=set)  # members a path goes through (a dict of the rest)


class FullResults:
    """The selected members of every output shape of a paginator, and of the shapes under
    dotted paths (`fullpart`), merged over the paginators that share a shape: a member is
    required only where every one of them always sets it."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.nodes: dict[str, _Node] = {}
        self.tops: set[str] = set()
        ops = {op.method: op for op in service.operations}
        for pag in service.paginators:
            output = ops[pag.method].output
            if output:
                self.tops.add(output)
                self._add(output, pag.result_keys, pag.non_aggregate_keys)

    def _add(self, output: str, results: tuple[str, ...], non_aggregate: tuple[str, ...]) -> None:
        flags: dict[str, dict[str, bool]] = {output: {}}  # this paginator: shape -> member -> always set
        for kind, paths in (("result", results), ("always", non_aggregate)):
            for path in paths:
                steps = self._steps(output, path.split("."))
                # a non-aggregate path is always set (None at worst); a result path is when
                # the model requires every member on the way (every page has it)
                always = kind == "always" or all(m.required for _, m in steps)
                for i, (shape_name, member) in enumerate(steps):
                    node = self.nodes.setdefault(shape_name, _Node())
                    mine = flags.setdefault(shape_name, {})
                    mine[member.name] = mine.get(member.name, False) or always
                    if i == len(steps) - 1:
                        node.leaf.setdefault(member.name, set()).add(kind)
                    else:
                        node.nested.add(member.name)
        for name, members in flags.items():
            node = self.nodes.setdefault(name, _Node())
            node.paginators += 1
            for key, always in members.items():
                node.always[key] = node.always.get(key, 0) + int(always)

    def _steps(self, shape_name: str, parts: list[str]) -> list[tuple[str, Member]]:
        """(shape, member) along a dotted path; [] when it leads into nothing (botocore
        never sets such a path) or through something that is not a structure."""
        steps = []
        for part in parts:
            shape = self.service.shape(shape_name)
            member = next((m for m in shape.members if m.name == part), None)
            if shape.kind != "structure" or member is None:
                return []
            steps.append((shape_name, member))
            shape_name = member.shape
        return steps

    def nested_shapes(self) -> list[str]:
        """The shapes below dotted paths (each gets a `fullpart` TypedDict), unless the
        member is also a non-aggregate key (then it is the first page's whole value)."""
        return sorted(
            {
                m.shape
                for name, node in self.nodes.items()
                for m in self.service.shape(name).members
                if m.name in node.nested and "always" not in node.leaf.get(m.name, ())
            }
        )

    def fields(self, types: Types, shape_name: str, top: bool) -> list[Field]:
        """The members botocore's build_full_result sets in a value of `shape_name`."""
        node = self.nodes.get(shape_name, _Node())
        out = []
        for member in self.service.shape(shape_name).members:
            if member.name in node.nested and "always" not in node.leaf.get(member.name, ()):
                expr: PyExpr = types.typed_dict((member.shape, FULLPART))
            elif member.name in node.leaf:  # a non-aggregate key: the first page's whole value
                expr = types.expr(member.shape, "out")
                expr = optional(expr) if "always" in node.leaf[member.name] else expr
            else:
                continue
            required = node.always.get(member.name, 0) == node.paginators
            out.append(Field(member.name, expr, required, member.documentation))
        if top and not any(f.key == "NextToken" for f in out):
            out.append(Field("NextToken", STR, False))
        return out
