"""A pre-pass over one module: what the call rewriter needs to know before it rewrites.

- the value assigned to each plain name target (`session = boto3.Session(...)`), keyed by
  the target node (the node libcst's scope provider records for the assignment);
- the imports that bind boto3 names (for removing those that end up unused);
- module-level imports of the generated package's service modules, to reuse them;
- every store to an attribute (`self.session = ...`), by attribute name: the value of a plain
  assignment, None for any other store (unpacking, `for`, `with ... as`, `+=`, setattr);
- every name bound or read anywhere, so that an added import shadows nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import Scope

BOTO3_MODULES = ("boto3", "boto3.session")


@dataclass(frozen=True)
class ImportedName:
    """An import binding: `module` (and `obj` for a from-import), bound as `asname`."""

    module: str
    obj: str | None
    asname: str | None
    statement: cst.Import | cst.ImportFrom


@dataclass
class Bindings:
    values: dict[cst.CSTNode, cst.BaseExpression] = field(default_factory=dict)
    boto3_imports: dict[str, list[ImportedName]] = field(default_factory=dict)
    service_modules: dict[str, str] = field(default_factory=dict)  # module -> bound name
    taken: set[str] = field(default_factory=set)
    # attribute name -> [(the store's target, its value: None when not a plain assignment)]
    attributes: dict[str, list[tuple[cst.CSTNode, cst.BaseExpression | None]]] = field(default_factory=dict)


class _Collector(cst.CSTVisitor):
    def __init__(self, bindings: Bindings) -> None:
        super().__init__()
        self.bindings = bindings

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                self.bindings.values[target.target] = node.value
            self._store(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if isinstance(node.target, cst.Name) and node.value is not None:
            self.bindings.values[node.target] = node.value
        if node.value is not None:
            self._store(node.target, node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._store(node.target, None)

    def visit_For(self, node: cst.For) -> None:
        self._store(node.target, None)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._store(node.target, None)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._store(node.asname.name, None)

    def visit_Call(self, node: cst.Call) -> None:
        """setattr(obj, "name", value): a store the collector cannot follow."""
        if isinstance(node.func, cst.Name) and node.func.value == "setattr" and len(node.args) >= 2:
            name = node.args[1].value
            if isinstance(name, cst.SimpleString) and isinstance(name.evaluated_value, str):
                self.bindings.attributes.setdefault(name.evaluated_value, []).append((node, None))

    def _store(self, target: cst.BaseExpression, value: cst.BaseExpression | None) -> None:
        """`target = value` for attribute targets; inside a tuple or list target, value None."""
        if isinstance(target, cst.Attribute):
            self.bindings.attributes.setdefault(target.attr.value, []).append((target, value))
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._store(element.value, None)
        elif isinstance(target, cst.StarredElement):
            self._store(target.value, None)

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            dotted = get_full_name_for_node(alias.name) or ""
            if dotted in BOTO3_MODULES:
                asname = _asname(alias)
                bound = asname or dotted.split(".")[0]
                self.bindings.boto3_imports.setdefault(bound, []).append(ImportedName(dotted, None, asname, node))

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        dotted = get_full_name_for_node(node.module) if node.module is not None else None
        if node.relative or dotted not in BOTO3_MODULES or isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = get_full_name_for_node(alias.name) or ""
            asname = _asname(alias)
            self.bindings.boto3_imports.setdefault(asname or name, []).append(
                ImportedName(str(dotted), name, asname, node)
            )


def _asname(alias: cst.ImportAlias) -> str | None:
    if alias.asname is None or not isinstance(alias.asname.name, cst.Name):
        return None
    return alias.asname.name.value


def collect(module: cst.Module, scopes: Iterable[Scope | None], package: str) -> Bindings:
    bindings = Bindings()
    module.visit(_Collector(bindings))
    bindings.service_modules = _package_imports(module.body, package)
    for scope in {s for s in scopes if s is not None}:
        bindings.taken.update(assignment.name for assignment in scope.assignments)
        bindings.taken.update(access.node.value for access in scope.accesses if isinstance(access.node, cst.Name))
    return bindings


def _package_imports(body: Iterable[cst.CSTNode], package: str) -> dict[str, str]:
    """{service module: bound name} of `from <package> import s3 [as x]` at module level."""
    found: dict[str, str] = {}
    for line in body:
        if not isinstance(line, cst.SimpleStatementLine):
            continue
        for small in line.body:
            if not isinstance(small, cst.ImportFrom) or small.relative or small.module is None:
                continue
            if get_full_name_for_node(small.module) != package or isinstance(small.names, cst.ImportStar):
                continue
            for alias in small.names:
                name = get_full_name_for_node(alias.name) or ""
                found.setdefault(name, _asname(alias) or name)
    return found


def free_name(wanted: str, taken: Collection[str]) -> str:
    """`wanted` if nothing in the file binds or reads it, else typed_<wanted>[_N]."""
    if wanted not in taken:
        return wanted
    base = f"typed_{wanted}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def hoist_comments(module: cst.Module, unused: set[str]) -> cst.Module:
    """Blank lines and comments above a module-level import that will go (every name it binds
    is in `unused`) move to the statement after it: RemoveImportsVisitor drops them with it."""
    body = list(module.body)
    carried: list[cst.EmptyLine] = []
    for index, statement in enumerate(body):
        if carried:
            body[index] = statement = statement.with_changes(leading_lines=_join(carried, statement.leading_lines))
            carried = []
        if isinstance(statement, cst.SimpleStatementLine) and binds_only(statement, unused) and index + 1 < len(body):
            carried = list(statement.leading_lines)
            body[index] = statement.with_changes(leading_lines=[])
    return module.with_changes(body=body)


def _join(above: Sequence[cst.EmptyLine], own: Sequence[cst.EmptyLine]) -> list[cst.EmptyLine]:
    """`above` then `own`, the blank lines where they meet not stacked: as many as the larger
    of the two runs (a removed import's section break and the next one's make one)."""
    end = len(above)
    while end and above[end - 1].comment is None:
        end -= 1
    start = next((i for i, line in enumerate(own) if line.comment is not None), len(own))
    blank = above[end:] if len(above) - end >= start else own[:start]
    return [*above[:end], *blank, *own[start:]]


def binds_only(line: cst.SimpleStatementLine, names: set[str]) -> bool:
    bound: list[str] = []
    for small in line.body:
        if isinstance(small, cst.Import):
            bound.extend(_asname(a) or (get_full_name_for_node(a.name) or "").split(".")[0] for a in small.names)
        elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
            bound.extend(_asname(a) or get_full_name_for_node(a.name) or "" for a in small.names)
        else:
            return False
    return bool(bound) and set(bound) <= names
