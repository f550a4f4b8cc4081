"""The .pyi stubs say exactly what their .py modules say, minus docstrings and bodies: same
names, classes, bases, attributes and signatures (overload implementations aside, which a
stub must not have), and the imports of the .py that the stub uses, no others (what only
method bodies call, cast or create_client, a stub does not import). The full type checks
run on the .py modules (make typecheck, typecheck-all) and on the stubs (make typecheck),
so this is what ties the two together."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATED = Path(__file__).resolve().parents[2] / "generated" / "aws_typed"
STUBS = sorted(GENERATED.rglob("*.pyi"))


def _is_docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _overloaded(body: list[ast.stmt]) -> set[int]:
    """Indexes of the implementations of overloaded functions in `body`."""
    out, overloads = set(), set()
    for node in body:  # overloads under `if TYPE_CHECKING:` (views/presign.py) count too
        if isinstance(node, ast.If):
            overloads |= {n.name for n in node.body if isinstance(n, ast.FunctionDef) and _is_overload(n)}
    for i, node in enumerate(body):
        if isinstance(node, ast.FunctionDef):
            if _is_overload(node):
                overloads.add(node.name)
            elif node.name in overloads:
                out.add(i)
    return out


def _is_overload(node: ast.FunctionDef) -> bool:
    return any(ast.unparse(d) == "overload" for d in node.decorator_list)


def _only_imports(node: ast.stmt) -> bool:
    """An import, or an `if` (TYPE_CHECKING, a version check) holding nothing else."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return True
    return isinstance(node, ast.If) and all(_only_imports(n) for n in [*node.body, *node.orelse])


def _imported(tree: ast.Module) -> set[tuple[str, str]]:
    """(module, name as bound) of every import of the module, at any depth."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            out |= {(f"{'.' * node.level}{node.module or ''}", a.asname or a.name) for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {("", a.asname or a.name) for a in node.names}
    return out


def _shape(body: list[ast.stmt], stub: bool, where: str) -> list[str]:
    """Every statement as text, docstrings, function bodies and imports left out."""
    skip = set() if stub else _overloaded(body)
    out = []
    for i, node in enumerate(body):
        if i in skip or (i == 0 and _is_docstring(node) and where) or _only_imports(node):
            continue
        if isinstance(node, ast.FunctionDef):
            if stub:
                assert [ast.unparse(s) for s in node.body] == ["..."], f"{where}{node.name}: a stub body"
            node = ast.FunctionDef(
                node.name,
                node.args,
                [ast.Expr(ast.Constant(...))],
                node.decorator_list,
                node.returns,
                node.type_comment,
            )
            out.append(ast.unparse(ast.fix_missing_locations(node)))
        elif isinstance(node, ast.ClassDef):
            assert not (stub and node.body and _is_docstring(node.body[0])), (
                f"{where}{node.name}: a docstring in a stub"
            )
            out.append(f"class {node.name}({', '.join(map(ast.unparse, node.bases))}):")
            out += ["    " + line for line in _shape(node.body, stub, f"{where}{node.name}.")]
        elif isinstance(node, (ast.If, ast.Try)):
            out.append(ast.unparse(node))  # TYPE_CHECKING imports, version checks: as they are
        else:
            out.append(ast.unparse(node))
    return out


def test_every_heavy_module_has_a_stub() -> None:
    stubbed = {p.with_suffix(".py") for p in STUBS}
    heavy = {
        p
        for p in GENERATED.rglob("*.py")
        if p.stem in {"client", "type_defs", "paginators", "waiters", "service_resource"}
    }
    assert heavy and heavy == stubbed


@pytest.mark.parametrize("stub", STUBS, ids=lambda p: str(p.relative_to(GENERATED)))
def test_stub_says_what_the_module_says(stub: Path) -> None:
    module = ast.parse(stub.with_suffix(".py").read_text())
    expected = _shape(module.body[1:] if _is_docstring(module.body[0]) else module.body, False, "")
    tree = ast.parse(stub.read_text())
    got = _shape(tree.body[1:] if _is_docstring(tree.body[0]) else tree.body, True, "")
    assert got == expected
    imported, available = _imported(tree), _imported(module)
    assert imported <= available, f"imports the .py does not have: {sorted(imported - available)}"
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names = {name for _, name in imported} - {"annotations"}  # from __future__
    assert names <= used, f"imported, not used: {sorted(names - used)}"
    missing = {name for _, name in available if name in used} - names
    assert not missing, f"used, imported by the .py, not by the stub: {sorted(missing)}"
