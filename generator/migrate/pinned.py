"""Annotations that would disagree with their value: a boto3-stubs name that annotates a value
migrate cannot trace to a boto3 object of that service keeps its boto3-stubs import.

    def ssm(session=None) -> SSMClient:          # mypy_boto3_ssm's SSMClient: kept
        return (session or make()).client("ssm")  # untraced: left as it is, reported

A value is untraced when it holds a boto3-looking `.client(...)` / `.resource(...)` call whose
receiver is not traced to a boto3 Session, or a boto3 factory call whose service name is not a
literal. It is followed through `a or b`, `a if c else b` and parentheses to the name it is
assigned to (every annotation of that name in its scope: the assignment's, the parameter's), to
the `self.<attribute>` it is assigned to (the class body's `<attribute>: T`, any `self.<attribute>:
T` in the class) or to the `return` of a function (its return annotation).
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst
from libcst import MetadataDependent
from libcst.metadata import Assignment, ParentNodeProvider, QualifiedNameProvider, ScopeProvider

from .attributes import method_class
from .package import STUB_PREFIXES

_THROUGH = (cst.BooleanOperation, cst.IfExp)


class _Calls(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[cst.Call] = []

    def visit_Call(self, node: cst.Call) -> None:
        self.calls.append(node)


def pinned(module: cst.Module, meta: MetadataDependent, untraced: list[cst.Call]) -> dict[str, str]:
    """{qualified boto3-stubs name: the untraced value it annotates, as code}."""
    found: dict[str, str] = {}
    for call in untraced:
        shown = cst.Module(body=()).code_for_node(call)
        for annotation in _annotations(meta, call):
            for name in _stub_names(meta, annotation):
                found.setdefault(name, shown)
    return found


def calls(module: cst.Module) -> list[cst.Call]:
    collector = _Calls()
    module.visit(collector)
    return collector.calls


def _annotations(meta: MetadataDependent, call: cst.Call) -> Iterator[cst.BaseExpression]:
    node: cst.CSTNode = call
    parent = meta.get_metadata(ParentNodeProvider, node, None)
    while isinstance(parent, _THROUGH) and node is not getattr(parent, "test", None):
        node, parent = parent, meta.get_metadata(ParentNodeProvider, parent, None)
    if isinstance(parent, cst.AnnAssign):
        yield parent.annotation.annotation
        targets: list[cst.BaseExpression] = [parent.target]
    elif isinstance(parent, cst.Assign):
        targets = [t.target for t in parent.targets]
    elif isinstance(parent, cst.Return):
        function = _function(meta, parent)
        if function is not None and function.returns is not None:
            yield function.returns.annotation
        return
    else:
        return
    for target in targets:
        if isinstance(target, cst.Name):
            yield from _name_annotations(meta, target)
        elif isinstance(target, cst.Attribute):
            yield from _attribute_annotations(meta, target)


def _attribute_annotations(meta: MetadataDependent, target: cst.Attribute) -> Iterator[cst.BaseExpression]:
    """`self.<name> = value` in a method: the class body's `<name>: T` and every `self.<name>: T`
    in the class's methods."""
    owner = method_class(meta, target.value)
    if owner is None:
        return
    name = target.attr.value
    annotated = _AnnAssigns()
    owner.visit(annotated)
    for node in annotated.found:
        if isinstance(node.target, cst.Name) and node.target.value == name:
            line = meta.get_metadata(ParentNodeProvider, node, None)
            block = meta.get_metadata(ParentNodeProvider, line, None) if line is not None else None
            if block is owner.body:  # the class body's own `name: T`, not a method's local
                yield node.annotation.annotation
        elif isinstance(node.target, cst.Attribute) and node.target.attr.value == name:
            if method_class(meta, node.target.value) is owner:
                yield node.annotation.annotation


class _AnnAssigns(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[cst.AnnAssign] = []

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.found.append(node)


def _name_annotations(meta: MetadataDependent, name: cst.Name) -> Iterator[cst.BaseExpression]:
    scope = meta.get_metadata(ScopeProvider, name, None)
    for assignment in scope[name.value] if scope is not None else ():
        if not isinstance(assignment, Assignment):
            continue
        node = assignment.node
        if isinstance(node, cst.Param) and node.annotation is not None:
            yield node.annotation.annotation
        parent = meta.get_metadata(ParentNodeProvider, node, None)
        if isinstance(parent, cst.AnnAssign) and parent.target is node:
            yield parent.annotation.annotation


def _function(meta: MetadataDependent, node: cst.CSTNode) -> cst.FunctionDef | None:
    parent = meta.get_metadata(ParentNodeProvider, node, None)
    while parent is not None and not isinstance(parent, (cst.FunctionDef, cst.Lambda)):
        parent = meta.get_metadata(ParentNodeProvider, parent, None)
    return parent if isinstance(parent, cst.FunctionDef) else None


def _stub_names(meta: MetadataDependent, annotation: cst.BaseExpression) -> set[str]:
    names: set[str] = set()

    class Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            names.update(q.name for q in meta.get_metadata(QualifiedNameProvider, node, set()))

        def visit_Attribute(self, node: cst.Attribute) -> None:
            names.update(q.name for q in meta.get_metadata(QualifiedNameProvider, node, set()))

    annotation.visit(Names())
    return {name for name in names if name.startswith(STUB_PREFIXES)}
