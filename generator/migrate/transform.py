"""The codemod: one libcst transformer over a module (boto3 calls, boto3-stubs imports and the
boto3 / botocore surfaces the package types; positions from the same parse), then libcst's
RemoveImportsVisitor when boto3 imports go, and the package's imports placed (imports.py):
in the function that imports boto3 lazily, else where ruff's isort puts them.

A file that mentions neither boto3, botocore.exceptions, botocore.response, `.client`, `.resource` nor the
package is only checked for syntax: libcst's metadata passes cost a good part of a second
for a few hundred lines.

Every byte outside the rewritten spans is kept: the footer (trailing blank and comment lines,
where libcst drops a final CR and some blank lines) is cut off before parsing and put back
after, and a file libcst would not give back byte for byte unchanged is refused (NotKept).
"""

from __future__ import annotations

import ast
import re
from functools import partial
from typing import Any, cast

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.metadata import (
    FunctionScope,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from . import bindings, imports, pinned
from .calls import CallRewriter
from .library import Widening, has_future_annotations
from .package import Target
from .report import Findings
from .stubs import Statement, StubImportRewriter

_NEWLINE = re.compile(rb"\r\n|\r|\n")
_BLANK = b" \t\x0c\r\n"
_FORM_FEED = re.compile(rb"(?m)^[ \t\x0c]*\x0c[ \t\x0c]*[^\s#]")  # libcst drops such a form feed


class NotKept(ValueError):
    """libcst would not give the file back byte for byte: it is left as it is."""


class Migration(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (ParentNodeProvider, QualifiedNameProvider, ScopeProvider)

    def __init__(self, context: CodemodContext, target: Target, findings: Findings) -> None:
        super().__init__()
        self.context = context
        self.target = target
        self.findings = findings
        self.stubs = StubImportRewriter(self, target, findings)
        self.calls: CallRewriter | None = None
        self.open_calls: list[cst.Call] = []  # the calls being visited, innermost last
        self.widening = Widening(self, self.stubs.moves)

    def visit_Module(self, node: cst.Module) -> None:
        found = bindings.collect(node, self.metadata[ScopeProvider].values(), self.target.package)  # type: ignore[arg-type]
        self.calls = CallRewriter(self, self.context, self.target, found, self.findings)
        untraced = [call for call in pinned.calls(node) if self.calls.untraced(call)]
        self.stubs.pinned = pinned.pinned(node, self, untraced)
        self.widening.future = has_future_annotations(node)
        for imported in (i for names in found.boto3_imports.values() for i in names):
            scope = self.get_metadata(ScopeProvider, imported.statement, None)
            if isinstance(scope, FunctionScope) and isinstance(scope.node, cst.FunctionDef):
                self.calls.lazy.setdefault(scope.node, imported.statement)
        self.lazy_lines: dict[cst.CSTNode, cst.SimpleStatementLine] = {}  # boto3 import -> its line, as left

    def leave_FunctionDef(self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef) -> cst.FunctionDef:
        """The imports of the function's rewritten calls go where it imports boto3: in place of
        that import (its comments kept) when nothing else uses it, else right after it."""
        assert self.calls is not None
        if self.target.library_mode:
            updated_node = self.widening.signature(original_node, updated_node)
        names = self.calls.local_needed.pop(original_node, None)
        statement = self.calls.lazy.get(original_node)
        line = self.lazy_lines.get(statement) if statement is not None else None
        if not names or statement is None or line is None:
            self.calls.module_needed.update(names or {})
            return updated_node
        new = imports.line(self.target.package, names)
        if len(line.body) == 1 and self.calls.only_rewritten(statement):
            replaced: Any = updated_node.deep_replace(line, cast(Any, line.with_changes(body=new.body)))
            return cast(cst.FunctionDef, replaced)
        flattened: Any = updated_node.deep_replace(line, cast(Any, cst.FlattenSentinel([line, new])))
        return cast(cst.FunctionDef, flattened)

    def visit_Call(self, node: cst.Call) -> None:
        self.open_calls.append(node)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        assert self.calls is not None
        self.open_calls.pop()
        outer = self.open_calls[-1] if self.open_calls else None
        if outer is not None and not any(arg.value is original_node for arg in outer.args):
            outer = None
        return self.calls.leave_call(original_node, updated_node, outer)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        assert self.calls is not None
        self.calls.report_helper_calls()
        unused = self.calls.unused_boto3_imports()
        if self.calls.module_needed and not imports.merge(
            updated_node, self.target.package, {}, self.target.first_party
        ):
            new = imports.line(self.target.package, self.calls.module_needed)
            going = partial(bindings.binds_only, names=unused)
            taken = imports.take_place(updated_node, new, self.target.first_party, going)
            if taken is not None:
                updated_node = taken
                self.calls.module_needed = {}
        return bindings.hoist_comments(updated_node, unused)

    def visit_Import(self, node: cst.Import) -> None:
        self.stubs.visit_import(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self.stubs.visit_import_from(node)

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> Statement:
        left = self.stubs.leave_line(original_node, updated_node)
        if isinstance(left, cst.SimpleStatementLine):
            for small in original_node.body:
                if any(small is statement for statement in self.calls.lazy.values()):  # type: ignore[union-attr]
                    self.lazy_lines[small] = left
        return left


def rewrite(source: bytes, target: Target, filename: str = "") -> tuple[bytes, Findings]:
    """The migrated source and what was found; raises libcst.ParserSyntaxError or SyntaxError."""
    findings = Findings()
    if not any(
        word in source
        for word in (
            b"boto3",
            b"botocore.exceptions",
            b"botocore.response",
            b".client",
            b".resource",
            target.package.encode(),
        )
    ):
        compile(source, filename or "<file>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
        return source, findings
    module, tail = _parse(source)
    was_sorted = imports.is_sorted(module, target.first_party)
    checking_sorted = imports.checking_sorted(module, target.first_party)
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    context = CodemodContext(filename=filename or None)
    migration = Migration(context, target, findings)
    tree = wrapper.visit(migration)
    assert migration.calls is not None
    changed = bool(context.scratch.get(RemoveImportsVisitor.CONTEXT_KEY))
    if changed:
        tree = RemoveImportsVisitor(context).transform_module(tree)
    if migration.widening.modules:
        tree, changed = migration.widening.add_imports(tree, target.first_party), True
    if migration.calls.module_needed:
        tree, changed = _add_imports(tree, migration.calls.module_needed, target, context), True
    if changed:
        tree = imports.tidy(tree, target.first_party)
    if was_sorted:  # keep it so: rewritten imports (boto3-stubs', botocore's) to their place, combined
        tree = imports.sort_block(imports.combine(tree, target.package, target.first_party), target.first_party)
    if checking_sorted:
        tree = imports.sort_checking(tree, target.first_party, target.package)
    if findings.pending:
        findings.place(wrapper.resolve(PositionProvider))
    return tree.bytes + tail, findings


def _add_imports(tree: cst.Module, names: dict[str, str], target: Target, context: CodemodContext) -> cst.Module:
    """`from <package> import ...` where ruff would put it; libcst's AddImportsVisitor's
    place in a module with no import block."""
    placed = imports.merge(tree, target.package, names, target.first_party) or imports.place(
        tree, imports.line(target.package, names), target.first_party
    )
    if placed is not None:
        return placed
    for module, alias in names.items():
        AddImportsVisitor.add_needed_import(context, target.package, module, None if alias == module else alias)
    return AddImportsVisitor(context).transform_module(tree)


def _parse(source: bytes) -> tuple[cst.Module, bytes]:
    """The module of `source` without its footer (trailing blank and comment lines, where
    libcst drops bytes), and that footer; else without its trailing blank space only.
    Raises libcst.ParserSyntaxError, or NotKept if libcst would not give the rest back."""
    error: Exception | None = None
    for body in dict.fromkeys(_bodies(source)):
        try:
            module = cst.parse_module(body)
        except cst.ParserSyntaxError as exc:
            error = error or exc
            continue
        if not _NEWLINE.search(body):  # libcst would take "\n"; the file's own comes after
            first = _NEWLINE.search(source)
            module = module.with_changes(default_newline=first.group().decode() if first else "\n")
        if module.bytes == body:
            return module, source[len(body) :]
        hint = " (a form feed before code on its line)" if _FORM_FEED.search(body) else ""
        error = NotKept(f"libcst would not give it back byte for byte{hint}; left as it is")
    assert error is not None
    raise error


def _bodies(source: bytes) -> list[bytes]:
    """`source` without its footer, and without its trailing blank space; a final backslash
    keeps the line ending after it."""
    lines = source.splitlines(keepends=True)
    while lines and (not lines[-1].strip(_BLANK) or lines[-1].lstrip(b" \t\x0c").startswith(b"#")):
        lines.pop()
    bodies = []
    for body in (b"".join(lines).rstrip(_BLANK), source.rstrip(_BLANK)):
        if body.endswith(b"\\"):
            end = _NEWLINE.match(source, len(body))
            body = source[: end.end()] if end else body
        bodies.append(body)
    return bodies
