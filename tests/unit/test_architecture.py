"""The generator's own shape (ARCHITECTURE.md): imports go one way, no module grows past
~400 lines, and no module reaches into another's private names.

Read from the source with ast, so a violation names the file and line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
# The hand-written runtime is copied into every generated package: it is not a pipeline stage.
RUNTIME = GENERATOR / "runtime"
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    """Dotted name (`generator.views.service.service`) -> file, for every generator module."""
    out = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        if RUNTIME in path.parents:
            continue
        parts = list(path.relative_to(GENERATOR.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _package_of(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _resolve(name: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module an ImportFrom names."""
    if not node.level:
        return node.module or ""
    base = _package_of(name, path).split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _eager(tree: ast.Module) -> list[ast.stmt]:
    """Top-level statements run at import time (not under `if TYPE_CHECKING:`)."""
    out: list[ast.stmt] = []
    for stmt in tree.body:
        if isinstance(stmt, ast.If) and "TYPE_CHECKING" in ast.unparse(stmt.test):
            out.extend(stmt.orelse)
        else:
            out.append(stmt)
    return out


def _imports(name: str, path: Path, eager_only: bool) -> dict[str, int]:
    """Generator modules this one imports -> the line of the first such import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = _eager(tree) if eager_only else tree.body
    found: dict[str, int] = {}
    for stmt in nodes:
        for node in ast.walk(stmt):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                module = _resolve(name, path, node)
                # `from . import x` imports the module `package.x` when there is one
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in MODULES else module for a in node.names]
            for target in targets:
                if target in MODULES and target != name:
                    found.setdefault(target, node.lineno)
    return found


def _graph(eager_only: bool) -> dict[str, dict[str, int]]:
    return {name: _imports(name, path, eager_only) for name, path in MODULES.items()}


def _cycle(graph: dict[str, dict[str, int]]) -> list[str] | None:
    """One import cycle (as a path of module names), or None."""
    state: dict[str, int] = {}  # 1: on the stack, 2: done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _is_package_init(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def test_no_import_cycle() -> None:
    """No cycle among generator modules, counting imports under TYPE_CHECKING too (a
    package's __init__ that only re-exports its own modules is not an edge back)."""
    graph = {
        name: {t: line for t, line in deps.items() if not (_is_package_init(t) and name.startswith(t + "."))}
        for name, deps in _graph(eager_only=False).items()
    }
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_cycle_finder_finds_cycles() -> None:
    assert _cycle({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b": 1}, "b": {}, "c": {"a": 1}}) is None


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_size(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{MODULES[name]}: {lines} lines (split it along a real seam: ~{MAX_LINES} at most)"


# Names with a leading underscore that are public API where they come from.
PUBLIC_UNDERSCORED = frozenset({"os._exit"})


def _own_names(tree: ast.Module) -> set[str]:
    """Names this module defines itself (functions, classes, attributes it assigns)."""
    own: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                for sub in ast.walk(target):
                    if isinstance(sub, ast.Name):
                        own.add(sub.id)
                    elif isinstance(sub, ast.Attribute):
                        own.add(sub.attr)
    return own


def _private_reaches(path: Path) -> list[str]:
    """`x._name` where _name is not this module's own, and `from m import _name` of
    anything but a module (the runtime's modules are called _runtime, _types, ...)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = _own_names(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr) and node.attr not in own:
            if ast.unparse(node) not in PUBLIC_UNDERSCORED:
                out.append(f"{path}:{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_file(path, node)
            out += [
                f"{path}:{node.lineno}: from {node.module} import {a.name}"
                for a in node.names
                if _private(a.name) and not (base is not None and (base / f"{a.name}.py").is_file())
            ]
    return out


def _resolve_file(path: Path, node: ast.ImportFrom) -> Path | None:
    """The directory of the package a relative ImportFrom names (None when absolute)."""
    if not node.level:
        return None
    base = path.parent
    for _ in range(node.level - 1):
        base = base.parent
    return base.joinpath(*node.module.split(".")) if node.module else base


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_no_private_cross_module_access() -> None:
    found = [hit for path in MODULES.values() for hit in _private_reaches(path)]
    assert not found, "private names used outside their module:\n" + "\n".join(found)


def test_private_finder(tmp_path: Path) -> None:
    path = tmp_path / "probe.py"
    path.write_text(
        "import os, x\nx._y\nself._z\nfrom m import _w\nfrom .runtime import _types\nx.__class__\n"
        "os._exit(1)\nclass A:\n    def _own(self): ...\nA()._own()\n",
        encoding="utf-8",
    )
    (tmp_path / "runtime").mkdir()
    (tmp_path / "runtime" / "_types.py").write_text("", encoding="utf-8")
    hits = [h.split(": ", 1)[1] for h in _private_reaches(path)]
    assert sorted(hits) == sorted(["x._y", "self._z", "from m import _w"])


# The stages in pipeline order (ARCHITECTURE.md), then what drives them: a module imports
# only from its own stage, from earlier ones, or from the base layers, which everything may
# use. Data goes one way: a stage reads what earlier stages made and never asks a later one.
STAGES = ("source", "model", "naming", "types", "views", "render", "output", "pipeline", "app")
BASE = frozenset({"generator", "errors", "fsat", "memo", "options", "seams", "progress", "text", "runtime"})
# `botoloom migrate` is a command of its own beside the generator (app/cli.py dispatches to
# it): it may use any stage.
OWN_COMMANDS = frozenset({"migrate", "__main__"})
# Known edges against the order, each with its reason (ARCHITECTURE.md, "Where the order bends").
AGAINST_THE_ORDER = {
    # the name table asks which TypedDicts exist: pure functions of the model kept beside
    # the TypeMap that builds them (TypedDictKeys, ResourceShapes, Variant); the table's
    # steps (naming/steps.py) and service_resource.py's names (naming/resource_names.py) too
    ("generator.naming.table", "generator.types.typemap"),
    ("generator.naming.table", "generator.types.resources"),
    ("generator.naming.table", "generator.types.variants"),
    ("generator.naming.steps", "generator.types.typemap"),
    ("generator.naming.steps", "generator.types.resources"),
    ("generator.naming.steps", "generator.types.variants"),
    ("generator.naming.resource_names", "generator.types.typemap"),
    ("generator.naming.resource_names", "generator.types.resources"),
}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "generator"


def test_stages_import_only_earlier_stages() -> None:
    wrong = []
    for name, deps in _graph(eager_only=False).items():
        here = _stage(name)
        if here in OWN_COMMANDS or here in BASE:
            continue
        for target, line in deps.items():
            there = _stage(target)
            if there in BASE or there == here or (name, target) in AGAINST_THE_ORDER:
                continue
            if here == "app" and there in OWN_COMMANDS:
                continue
            if there not in STAGES or STAGES.index(there) > STAGES.index(here):
                wrong.append(f"{MODULES[name]}:{line}: {name} imports {target} (stage {there} comes after {here})")
    assert not wrong, "imports against the pipeline order:\n" + "\n".join(wrong)


def test_every_stage_exists() -> None:
    for stage in STAGES:
        assert any(_stage(m) == stage for m in MODULES), stage
    assert all(_stage(m) in {*STAGES, *BASE, *OWN_COMMANDS} for m in MODULES), sorted({_stage(m) for m in MODULES})
