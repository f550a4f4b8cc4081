"""Rewriting boto3-stubs imports into the generated package's modules.

    from mypy_boto3_s3 import S3Client, ListObjectsV2Paginator
 -> from aws_typed.s3 import S3Client
    from aws_typed.s3.paginators import ListObjectsV2Paginator
    from mypy_boto3_s3.type_defs import ObjectTypeDef   -> from aws_typed.s3.type_defs import ObjectTypeDef
    from types_boto3_s3 import Client                    -> from aws_typed.s3.client import S3Client as Client
    from botocore.exceptions import ClientError          -> from aws_typed import ClientError
    from botocore.response import StreamingBody          -> from aws_typed import StreamingBody (annotations only)
    from boto3.dynamodb.conditions import Key            -> from aws_typed.dynamodb.conditions import Key

The statement is replaced where it stands (inside `if TYPE_CHECKING:` too).  Every name is
checked against the `__all__` of the generated module it would come from; names that are not
there stay in the original import, and are reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst
from libcst import MetadataDependent
from libcst.helpers import get_full_name_for_node
from libcst.metadata import ImportAssignment, ParentNodeProvider, ScopeProvider

from .library import Widening
from .package import LIBRARY_MODULES, STUB_MODULES, STUB_PREFIXES, Target
from .report import Findings

PINNED = (
    "{dotted}: {name} kept: it annotates `{value}`, which is not traced to a boto3 {service!r} object "
    "(the typed class there could disagree with the value)"
)
Statement = cst.SimpleStatementLine | cst.FlattenSentinel[cst.SimpleStatementLine]
# Library names whose typed view is a Protocol (botocore's class at run time): moved only where
# every use in the file annotates (StubImportRewriter._movable).
ANNOTATIONS_ONLY = frozenset({"botocore.response.StreamingBody"})


def stub_module(dotted: str) -> tuple[str, str | None] | None:
    """mypy_boto3_s3.client -> ("s3", "client"); mypy_boto3_s3 -> ("s3", None)."""
    for prefix in STUB_PREFIXES:
        if dotted.startswith(prefix):
            service, _, sub = dotted[len(prefix) :].partition(".")
            return service, sub or None
    return None


@dataclass
class StubImportRewriter:
    meta: MetadataDependent
    target: Target
    findings: Findings
    pinned: dict[str, str] = field(default_factory=dict)  # boto3-stubs names kept (pinned.py)

    def leave_line(self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine) -> Statement:
        body: list[cst.BaseSmallStatement] = []
        for before, small in zip(original.body, updated.body, strict=True):
            replaced = self._import_from(original, small, before) if isinstance(small, cst.ImportFrom) else None
            body.extend(replaced or [small])
        if len(body) == len(updated.body) and all(a is b for a, b in zip(body, updated.body)):
            return updated
        if len(updated.body) > 1:  # `import x; from mypy_boto3_s3 import ...`: stays one line
            return updated.with_changes(body=body)
        first = updated.with_changes(body=[body[0]])
        return cst.FlattenSentinel([first, *(cst.SimpleStatementLine(body=[small]) for small in body[1:])])

    def moves(self, qualified: str) -> bool:
        """Whether the boto3-stubs name `qualified` (mypy_boto3_s3.S3Client) moves to the package."""
        module, _, name = qualified.rpartition(".")
        found = stub_module(module)
        service = self.target.stub_service(found[0]) if found is not None else None
        if found is None or service is None or qualified in self.pinned or self.target.root is None:
            return False
        if found[1] is not None and found[1] not in STUB_MODULES or not self.target.generated(service):
            return False
        return self.target.locate(service, found[1], name) is not None

    def visit_import(self, node: cst.Import) -> None:
        for alias in node.names:
            found = stub_module(get_full_name_for_node(alias.name) or "")
            if found is not None:
                self._service(found[0])
                if not self.target.library_mode:  # --library: it names boto3-stubs' types of public signatures
                    self._leave(
                        node, "a module import of boto3-stubs is not rewritten (import the names from it instead)"
                    )

    def visit_import_from(self, node: cst.ImportFrom) -> None:
        """Imports of the generated package count as services found (a migrated file)."""
        dotted = get_full_name_for_node(node.module) if node.module is not None and not node.relative else None
        if dotted == self.target.package and not isinstance(node.names, cst.ImportStar):
            modules = [get_full_name_for_node(alias.name) or "" for alias in node.names]
        elif dotted is not None and dotted.startswith(self.target.package + "."):
            modules = [dotted[len(self.target.package) + 1 :].split(".")[0]]
        else:
            return
        for module in modules:
            service = self.target.service_of_module(module)
            if service is not None:
                self.findings.services.add(service)

    def _import_from(
        self, line: cst.CSTNode, node: cst.ImportFrom, original: cst.BaseSmallStatement
    ) -> list[cst.ImportFrom] | None:
        dotted = get_full_name_for_node(node.module) if node.module is not None and not node.relative else None
        if dotted in LIBRARY_MODULES:
            return self._library(line, node, dotted, original)
        found = stub_module(dotted or "")
        if found is None:
            return None
        service = self._usable(line, str(dotted), *found)
        if service is None:
            return None
        if isinstance(node.names, cst.ImportStar):
            return self._star(line, node, service, found[1])
        groups: dict[str, list[cst.ImportAlias]] = {}
        missing: list[str] = []
        for alias in node.names:
            name = get_full_name_for_node(alias.name) or ""
            value = self.pinned.get(f"{dotted}.{name}")
            if value is not None:
                groups.setdefault(str(dotted), []).append(alias)
                self._leave(line, PINNED.format(dotted=dotted, name=name, value=value, service=service))
                continue
            located = self.target.locate(service, found[1], name)
            if located is None:
                missing.append(name)
                groups.setdefault(str(dotted), []).append(alias)
                continue
            if located.name != name:
                alias = alias.with_changes(
                    name=cst.Name(located.name), asname=alias.asname or cst.AsName(name=cst.Name(name))
                )
            groups.setdefault(located.module, []).append(alias)
        if missing:
            where = self.target.module_path(service, STUB_MODULES.get(found[1] or "", ""))
            self._leave(line, f"{dotted}: {', '.join(missing)} not found in {where} (left in the import)")
        return [_statement(node, module, aliases, i == 0) for i, (module, aliases) in enumerate(groups.items())]

    def _library(
        self, line: cst.CSTNode, node: cst.ImportFrom, dotted: str, original: cst.BaseSmallStatement
    ) -> list[cst.ImportFrom] | None:
        """botocore.exceptions' ClientError, boto3.dynamodb.conditions' Key, Attr, ...: the
        names the package has move to it (the typed class is the type of boto3's object);
        botocore.response's StreamingBody only where it annotates (ANNOTATIONS_ONLY)."""
        located = self.target.library(dotted)
        if located is None or isinstance(node.names, cst.ImportStar):
            return None
        module, names = located
        moving = [
            alias
            for alias in node.names
            if (get_full_name_for_node(alias.name) or "") in names and self._movable(line, dotted, alias, original)
        ]
        if not moving:
            return None
        staying = [alias for alias in node.names if not any(alias is m for m in moving)]
        groups = [(module, moving), *([(dotted, staying)] if staying else [])]
        return [_statement(node, where, aliases, i == 0) for i, (where, aliases) in enumerate(groups)]

    def _movable(self, line: cst.CSTNode, dotted: str, alias: cst.ImportAlias, statement: cst.CSTNode) -> bool:
        """A name of ANNOTATIONS_ONLY moves when every use of it in the file is an annotation
        (its typed view is a Protocol: no isinstance, no construction) and, with --library,
        no public function returns it (callers' annotations hold botocore's class)."""
        name = get_full_name_for_node(alias.name) or ""
        if f"{dotted}.{name}" not in ANNOTATIONS_ONLY:
            return True
        bound = alias.evaluated_alias or name
        scope = self.meta.get_metadata(ScopeProvider, statement, None)
        uses = [
            access
            for assignment in (scope.assignments if scope is not None else ())
            if isinstance(assignment, ImportAssignment) and assignment.node is statement and assignment.name == bound
            for access in assignment.references
        ]
        if any(not (access.is_annotation or access.is_type_hint) for access in uses):
            why = "it is used outside annotations"
        elif self.target.library_mode and any(self._public_return(access.node) for access in uses):
            why = "a public function returns it (--library: callers annotate botocore's class)"
        else:
            return True
        self._leave(
            line, f"{dotted}: {name} kept: {why}; {self.target.package}.{name} types botocore's body for checkers only"
        )
        return False

    def _public_return(self, node: cst.CSTNode) -> bool:
        parent = self.meta.get_metadata(ParentNodeProvider, node, None)
        while parent is not None and not isinstance(parent, (cst.Annotation, cst.BaseStatement)):
            node, parent = parent, self.meta.get_metadata(ParentNodeProvider, parent, None)
        function = self.meta.get_metadata(ParentNodeProvider, parent, None) if parent is not None else None
        if not isinstance(function, cst.FunctionDef) or function.returns is not parent:
            return False
        return Widening(self.meta, lambda _: False).public(function)

    def _usable(self, line: cst.CSTNode, dotted: str, stub_service: str, sub: str | None) -> str | None:
        """The botocore service of a boto3-stubs module, when its names can be rewritten."""
        service = self.target.stub_service(stub_service)
        if service is not None:
            self._service(service)
        problem = self._problem(service, stub_service, sub)
        if problem is not None:
            self._leave(line, f"{dotted}: {problem}")
            return None
        return service

    def _problem(self, service: str | None, stub_service: str, sub: str | None) -> str | None:
        if service is None:
            return f"no botocore service {stub_service!r}"
        if not self.target.generated(service):
            return f"service {service!r} is not generated in {self.target.package} (add it to [tool.botoloom] services: --write-config)"
        if sub is not None and sub not in STUB_MODULES:
            return f"boto3-stubs module {sub!r} has no counterpart in {self.target.package}"
        if self.target.root is None:
            return f"cannot check its names: package {self.target.package} not found (generate it first, or pass --output DIR)"
        return None

    def _star(
        self, line: cst.CSTNode, node: cst.ImportFrom, service: str, sub: str | None
    ) -> list[cst.ImportFrom] | None:
        if sub is None:
            self._leave(line, "a * import of the top of boto3-stubs is not rewritten (import the names instead)")
            return None
        return [node.with_changes(module=_dotted(self.target.module_path(service, STUB_MODULES[sub])))]

    def _service(self, service: str) -> None:
        if service in self.target.known:
            self.findings.services.add(service)

    def _leave(self, node: cst.CSTNode, why: str) -> None:
        self.findings.leave(node, why)


def _statement(
    original: cst.ImportFrom, module: str, aliases: Sequence[cst.ImportAlias], first: bool
) -> cst.ImportFrom:
    """The first group keeps the original statement's formatting; the others get plain ones."""
    if first:
        last = original.names[-1] if isinstance(original.names, Sequence) else None
        comma = last.comma if last is not None else cst.MaybeSentinel.DEFAULT
        names = [*aliases[:-1], aliases[-1].with_changes(comma=comma)]
        return original.with_changes(module=_dotted(module), names=names)
    plain = [a.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))) for a in aliases[:-1]]
    return cst.ImportFrom(
        module=_dotted(module), names=[*plain, aliases[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
    )


def _dotted(module: str) -> cst.Attribute | cst.Name:
    expression = cst.parse_expression(module)
    assert isinstance(expression, (cst.Attribute, cst.Name))
    return expression
