"""The codemod: one libcst transformer over a module (boto3 calls and boto3-stubs imports,
positions from the same parse), then libcst's AddImportsVisitor and RemoveImportsVisitor."""

from __future__ import annotations

import libcst as cst
from libcst.codemod import CodemodContext, ContextAwareTransformer
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.metadata import PositionProvider, QualifiedNameProvider, ScopeProvider

from . import bindings
from .calls import CallRewriter
from .package import Target
from .report import Findings
from .stubs import Statement, StubImportRewriter


class Migration(ContextAwareTransformer):
    METADATA_DEPENDENCIES = (PositionProvider, QualifiedNameProvider, ScopeProvider)

    def __init__(self, context: CodemodContext, target: Target, findings: Findings) -> None:
        super().__init__(context)
        self.target = target
        self.findings = findings
        self.stubs = StubImportRewriter(self, target, findings)
        self.calls: CallRewriter | None = None

    def visit_Module(self, node: cst.Module) -> None:
        found = bindings.collect(node, self.metadata[ScopeProvider].values(), self.target.package)  # type: ignore[arg-type]
        self.calls = CallRewriter(self, self.context, self.target, found, self.findings)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        assert self.calls is not None
        return self.calls.leave_call(original_node, updated_node)

    def visit_Import(self, node: cst.Import) -> None:
        self.stubs.visit_import(node)

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine) -> Statement:
        return self.stubs.leave_line(original_node, updated_node)


def rewrite(source: bytes, target: Target, filename: str = "") -> tuple[bytes, Findings]:
    """The migrated source and what was found; raises libcst.ParserSyntaxError."""
    module = cst.parse_module(source)
    context = CodemodContext(filename=filename or None)
    findings = Findings()
    tree = Migration(context, target, findings).transform_module(module)
    tree = AddImportsVisitor(context).transform_module(tree)
    tree = RemoveImportsVisitor(context).transform_module(tree)
    findings.notes.sort()
    return tree.bytes, findings
