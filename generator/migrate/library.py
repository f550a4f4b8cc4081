"""--library: a library's public signatures stay compatible with callers that pass boto3's own
objects, while its body moves to the package.

What "compatible" means under the one-object design (ARCHITECTURE.md): at run time every
signature is, since the typed class is the type of boto3's object. For the checker, a caller's
raw client is Any (boto3 untyped), boto3-stubs' class (boto3-stubs installed) or the package's
class (a migrated caller, botoloom's boto3 stubs). So, in the signature of a public function
(its name, and every class around it, not `_private`; at module level or in such a class):

    def put(body: bytes, client: S3Client | None = None) -> S3Client: ...
 -> def put(body: bytes, client: S3Client | mypy_boto3_s3.S3Client | None = None) -> mypy_boto3_s3.S3Client: ...

- a parameter annotated with a boto3-stubs name takes both (widened: every argument a
  caller could pass before is still accepted, and a typed client too);
- a return annotation keeps boto3-stubs' name (what every caller's annotation already holds);
- `import mypy_boto3_s3` goes under `if TYPE_CHECKING:` (nothing of boto3-stubs at run time;
  without boto3-stubs the checker counts those names as Any), and a module without
  `from __future__ import annotations` gets the changed annotation as a string.

Only names imported from boto3-stubs with `from ... import` that migrate moves are touched:
the names written `mypy_boto3_s3.S3Client` are not, so a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import libcst as cst
from libcst import MetadataDependent
from libcst.helpers import get_full_name_for_node
from libcst.metadata import ParentNodeProvider, QualifiedNameProvider

from . import imports
from .package import STUB_PREFIXES


class Widening:
    def __init__(self, meta: MetadataDependent, moves: Callable[[str], bool]) -> None:
        """`moves(qualified name)`: whether migrate moves that boto3-stubs name to the package."""
        self.meta = meta
        self.moves = moves
        self.future = False  # the module has `from __future__ import annotations`
        self.modules: set[str] = set()  # boto3-stubs modules the signatures now name

    def public(self, function: cst.FunctionDef) -> bool:
        """Not `_private`, at module level or in a public class at module level (or in one of those)."""
        node: cst.CSTNode = function
        while isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            name = node.name.value
            if name.startswith("_") and not (name.startswith("__") and name.endswith("__")):
                return False
            parent = self.meta.get_metadata(ParentNodeProvider, node, None)
            if isinstance(parent, cst.Module):
                return True
            owner = self.meta.get_metadata(ParentNodeProvider, parent, None) if parent is not None else None
            if not isinstance(owner, cst.ClassDef):
                return False
            node = owner
        return False

    def signature(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        if not self.public(original):
            return updated
        params = _params(updated.params)
        for before, after in zip(_params(original.params), list(params), strict=True):
            if before.annotation is not None and after.annotation is not None:
                new = self._annotation(before.annotation.annotation, after.annotation.annotation, widen=True)
                params[params.index(after)] = after.with_changes(
                    annotation=after.annotation.with_changes(annotation=new)
                )
        changed = updated.with_changes(params=_with_params(updated.params, params))
        if original.returns is not None and updated.returns is not None:
            new = self._annotation(original.returns.annotation, updated.returns.annotation, widen=False)
            changed = changed.with_changes(returns=updated.returns.with_changes(annotation=new))
        return changed

    def _annotation(self, original: cst.BaseExpression, updated: cst.BaseExpression, widen: bool) -> cst.BaseExpression:
        names = _StubNames(self.meta, self.moves)
        original.visit(names)
        if not names.found:
            return updated
        replaced = original.visit(_Replace(names.found, widen))
        assert isinstance(replaced, cst.BaseExpression)
        self.modules.update(module for module, _ in names.found.values())
        if self.future:
            return replaced
        code = cst.Module(body=()).code_for_node(replaced)
        return cst.SimpleString(f'"{code}"' if '"' not in code else repr(code))

    def add_imports(self, module: cst.Module, own: Collection[str]) -> cst.Module:
        """`import <boto3-stubs module>` for each name now in a signature, under the module's
        `if TYPE_CHECKING:` (made after the import block, with its import, when there is none)."""
        if not self.modules:
            return module
        new = [
            cst.SimpleStatementLine(body=[cst.Import(names=[cst.ImportAlias(name=_dotted(m))])])
            for m in sorted(self.modules)
        ]
        body = list(module.body)
        at = next((i for i, s in enumerate(body) if imports.is_type_checking(s)), None)
        if at is not None:
            block = body[at]
            assert isinstance(block, cst.If) and isinstance(block.body, cst.IndentedBlock)
            inner = imports.block_module(block.body)
            for line in new:
                if not _has(inner, line):
                    inner = imports.place(inner, line, own) or inner.with_changes(body=[line, *inner.body])
            body[at] = block.with_changes(body=block.body.with_changes(body=inner.body))
            return module.with_changes(body=body)
        start, keys = imports.block(body, own)
        statement = cst.If(
            test=cst.Name("TYPE_CHECKING"), body=cst.IndentedBlock(body=new), leading_lines=[cst.EmptyLine()]
        )
        body.insert(start + len(keys), statement)
        module = module.with_changes(body=body)
        typing = {"TYPE_CHECKING": "TYPE_CHECKING"}
        return (
            imports.merge(module, "typing", typing, own)
            or imports.place(module, imports.line("typing", typing), own)
            or module
        )


class _StubNames(cst.CSTVisitor):
    def __init__(self, meta: MetadataDependent, moves: Callable[[str], bool]) -> None:
        super().__init__()
        self.meta, self.moves = meta, moves
        self.found: dict[cst.Name, tuple[str, str]] = {}  # name -> (module, its name there)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        return False  # mypy_boto3_s3.S3Client: already boto3-stubs' by its module

    def visit_Name(self, node: cst.Name) -> None:
        for qualified in self.meta.get_metadata(QualifiedNameProvider, node, set()):
            if qualified.name.startswith(STUB_PREFIXES) and self.moves(qualified.name):
                module, _, name = qualified.name.rpartition(".")
                self.found[node] = (module, name)


class _Replace(cst.CSTTransformer):
    def __init__(self, found: dict[cst.Name, tuple[str, str]], widen: bool) -> None:
        super().__init__()
        self.found, self.widen = found, widen

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        if original_node not in self.found:
            return updated_node
        module, name = self.found[original_node]
        stub = cst.Attribute(value=_dotted(module), attr=cst.Name(name))
        if not self.widen:
            return stub
        return cst.BinaryOperation(left=updated_node, operator=cst.BitOr(), right=stub)


def has_future_annotations(module: cst.Module) -> bool:
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if (
                isinstance(small, cst.ImportFrom)
                and get_full_name_for_node(small.module or cst.Name("")) == "__future__"
            ):
                names = small.names
                if not isinstance(names, cst.ImportStar) and any(a.evaluated_name == "annotations" for a in names):
                    return True
    return False


def _params(params: cst.Parameters) -> list[cst.Param]:
    star = [params.star_arg] if isinstance(params.star_arg, cst.Param) else []
    kwargs = [params.star_kwarg] if params.star_kwarg is not None else []
    return [*params.posonly_params, *params.params, *star, *params.kwonly_params, *kwargs]


def _with_params(params: cst.Parameters, new: list[cst.Param]) -> cst.Parameters:
    counts = [
        len(params.posonly_params),
        len(params.params),
        int(isinstance(params.star_arg, cst.Param)),
        len(params.kwonly_params),
    ]
    at = 0
    parts = []
    for count in counts:
        parts.append(new[at : at + count])
        at += count
    changes: dict[str, object] = {"posonly_params": parts[0], "params": parts[1], "kwonly_params": parts[3]}
    if parts[2]:
        changes["star_arg"] = parts[2][0]
    if params.star_kwarg is not None:
        changes["star_kwarg"] = new[at]
    return params.with_changes(**changes)


def _has(module: cst.Module, line: cst.SimpleStatementLine) -> bool:
    return any(isinstance(s, cst.SimpleStatementLine) and s.deep_equals(line) for s in module.body)


def _dotted(module: str) -> cst.Attribute | cst.Name:
    expression = cst.parse_expression(module)
    assert isinstance(expression, (cst.Attribute, cst.Name))
    return expression
