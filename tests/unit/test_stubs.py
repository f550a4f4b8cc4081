"""The .pyi stubs are the typed classes (ARCHITECTURE.md, "one object, two views"); the .py
beside each is the run-time shim.

- type_defs.pyi says exactly what type_defs.py says, minus docstrings (the TypedDicts are
  run-time classes too): same names, classes, bases, attributes and signatures.
- client, paginators, waiters, service_resource: the stub and its module define the same
  public names (`__all__`, the classes and their bases), so imports and isinstance agree with
  what checkers read; the stub's classes declare nothing boto3's object lacks (no
  `__slots__`, no private attribute: issue #29's completion noise) and every method carries
  its docstring where the module gives one (editors show it from the stub).
- client.py, paginators.py and waiters.py hold no methods: run-time behaviour is boto3's.
- An overloaded client method (get_paginator, get_waiter, generate_presigned_url) is an
  attribute typed by a private Protocol of the stub whose `__call__` carries the overloads:
  pyright's completion after `client.` evaluates every decorated method (issue #28).
- Every stub imports what it uses, and nothing else."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATED = Path(__file__).resolve().parents[2] / "generated" / "aws_typed"
STUBS = sorted(GENERATED.rglob("*.pyi"))
SHIMS = ("client", "paginators", "waiters", "aio")


def _is_docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


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


def _shape(body: list[ast.stmt], where: str) -> list[str]:
    """Every statement of type_defs as text, docstrings and imports left out."""
    out = []
    for i, node in enumerate(body):
        if (i == 0 and _is_docstring(node) and where) or _only_imports(node):
            continue
        if isinstance(node, ast.ClassDef):
            out.append(f"class {node.name}({', '.join(map(ast.unparse, node.bases))}):")
            out += ["    " + line for line in _shape(node.body, f"{where}{node.name}.")]
        else:
            out.append(ast.unparse(node))
    return out


def _classes(tree: ast.Module) -> dict[str, ast.ClassDef]:
    return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


def _all(tree: ast.Module) -> list[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "__all__":
            return list(ast.literal_eval(node.value))
    return []


def test_every_heavy_module_has_a_stub() -> None:
    stubbed = {p.with_suffix(".py") for p in STUBS}
    heavy = {
        p
        for p in GENERATED.rglob("*.py")
        if p.stem in {"client", "type_defs", "resource_type_defs", "paginators", "waiters", "service_resource", "aio"}
    }
    assert heavy and heavy == stubbed


def _ids(p: Path) -> str:
    return str(p.relative_to(GENERATED))


@pytest.mark.parametrize("stub", [s for s in STUBS if s.stem == "type_defs"], ids=_ids)
def test_type_defs_stub_says_what_the_module_says(stub: Path) -> None:
    module = ast.parse(stub.with_suffix(".py").read_text())
    tree = ast.parse(stub.read_text())
    assert _shape(tree.body[1:], "") == _shape(module.body[1:], "")


@pytest.mark.parametrize("stub", [s for s in STUBS if s.stem != "type_defs"], ids=_ids)
def test_stub_declares_the_module_names_and_only_what_boto3_has(stub: Path) -> None:
    module = ast.parse(stub.with_suffix(".py").read_text())
    tree = ast.parse(stub.read_text())
    assert _all(tree) == _all(module)
    shim, declared = _classes(module), _classes(tree)
    calls = {name for name, cls in declared.items() if name.startswith("_") and _is_protocol(cls)}
    assert declared.keys() - calls == shim.keys()  # the call Protocols are the stub's alone
    for name, cls in declared.items():
        if name in calls:
            continue
        assert list(map(ast.unparse, cls.bases)) == list(map(ast.unparse, shim[name].bases)), name
        for node in cls.body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                target = ast.unparse(node.targets[0] if isinstance(node, ast.Assign) else node.target)
                assert not target.startswith("_"), f"{name}.{target}: boto3's object has no such attribute"
            elif isinstance(node, ast.FunctionDef):
                assert not (node.name.startswith("_") and not node.name.endswith("__")), f"{name}.{node.name}"
                body = [ast.unparse(s) for s in node.body]
                assert body == ["..."] or (len(body) == 1 and _is_docstring(node.body[0])), f"{name}.{node.name}"


def _is_protocol(cls: ast.ClassDef) -> bool:
    return [ast.unparse(b) for b in cls.bases] == ["Protocol"]


def _overloaded(node: ast.stmt) -> bool:
    return isinstance(node, ast.FunctionDef) and any(ast.unparse(d) == "overload" for d in node.decorator_list)


@pytest.mark.parametrize("stub", [s for s in STUBS if s.stem in ("client", "aio")], ids=_ids)
def test_overloaded_client_methods_are_call_protocols(stub: Path) -> None:
    """No overloaded def in a client class: each overloaded method is `name: Final[_Protocol]` with a
    docstring, the Protocol's __call__ holding the overloads (the no-match one first)."""
    tree = ast.parse(stub.read_text())
    classes = _classes(tree)
    client = next(c for name, c in classes.items() if name.endswith("Client"))
    assert not [n.name for n in client.body if _overloaded(n)], f"{_ids(stub)}: overloaded defs in {client.name}"
    body = client.body
    typed = {}
    for i, node in enumerate(body):
        annotation = ast.unparse(node.annotation) if isinstance(node, ast.AnnAssign) else ""
        if annotation.startswith("Final[") and annotation[6:-1] in classes:
            protocol = classes[annotation[6:-1]]
            assert _is_protocol(protocol), protocol.name
            assert i + 1 < len(body) and _is_docstring(body[i + 1]), f"{ast.unparse(node)}: no docstring"
            calls = [n for n in protocol.body if _overloaded(n)]
            assert {n.name for n in calls} == {"__call__"} and len(calls) > 2, protocol.name  # no-match + 2
            assert "NoMatchingOverload" in ast.unparse(calls[0]), protocol.name
            typed[ast.unparse(node.target)] = protocol.name
    if stub.parent.name == "s3":  # s3 overloads all three
        want = {"get_paginator": "_GetPaginator", "get_waiter": "_GetWaiter"}
        if stub.stem == "client":  # the aio client's generate_presigned_url is aiobotocore's (_aio)
            want["generate_presigned_url"] = "_GeneratePresignedUrl"
        assert typed == want


@pytest.mark.parametrize("stub", [s for s in STUBS if s.stem in SHIMS], ids=_ids)
def test_shim_holds_no_methods(stub: Path) -> None:
    """The run time is boto3's: the module's classes hold a docstring and data only."""
    module = ast.parse(stub.with_suffix(".py").read_text())
    for cls in _classes(module).values():
        assert not [n.name for n in cls.body if isinstance(n, ast.FunctionDef)], cls.name
    stub_docs = sum(
        1
        for cls in _classes(ast.parse(stub.read_text())).values()
        for n in cls.body
        if isinstance(n, ast.FunctionDef) and n.body and _is_docstring(n.body[0])
    )
    assert stub_docs, f"{_ids(stub)}: no method docstrings in the stub"


@pytest.mark.parametrize("stub", STUBS, ids=_ids)
def test_stub_imports_what_it_uses(stub: Path) -> None:
    tree = ast.parse(stub.read_text())
    imported = _imported(tree)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    # `X as X`: a re-export (type_defs of resource_type_defs' TypedDicts, issue #28), in __all__
    reexported = {
        a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names if a.asname == a.name
    }
    assert reexported <= set(_all(tree)), f"re-exported, not in __all__: {sorted(reexported - set(_all(tree)))}"
    names = {name for _, name in imported} - {"annotations"} - reexported  # annotations: from __future__
    assert names <= used, f"imported, not used: {sorted(names - used)}"
