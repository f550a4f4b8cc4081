"""How much of a service's type_defs.pyi its resources need (issue #28), and a prototype of the
split that would let a checker read only that part.

    .venv/bin/python bench/resource_closure.py PACKAGE_DIR SERVICE... [--split]

For each service: the TypedDicts and aliases service_resource.pyi imports from type_defs, and
everything they refer to (the closure), in definitions and bytes.  --split rewrites the copy in
PACKAGE_DIR (never generated/): the closure moves to resource_type_defs.pyi, type_defs.pyi
re-exports it (one class per name, as `from x import A as A`), service_resource.pyi imports
from the small module.  A measurement aid for output from before the generator split type_defs itself (issue #28,
ResourceView.type_defs_split: the same closure, defined once in resource_type_defs.py); on
split output it reports the two modules' sizes instead.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def _definitions(tree: ast.Module) -> tuple[dict[str, ast.stmt], list[ast.stmt]]:
    defs: dict[str, ast.stmt] = {}
    order: list[ast.stmt] = []
    for node in tree.body:
        names: list[str] = []
        if isinstance(node, ast.ClassDef):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        if names and names[0] != "__all__":
            defs.update(dict.fromkeys(names, node))
            order.append(node)
    return defs, order


def closure(service_dir: Path) -> tuple[set[str], dict[str, ast.stmt], list[ast.stmt], str]:
    text = (service_dir / "type_defs.pyi").read_text()
    defs, order = _definitions(ast.parse(text))
    roots = {
        alias.name
        for node in ast.walk(ast.parse((service_dir / "service_resource.pyi").read_text()))
        if isinstance(node, ast.ImportFrom) and node.module == "type_defs"
        for alias in node.names
    }
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen or name not in defs:
            continue
        seen.add(name)
        for sub in ast.walk(defs[name]):
            if isinstance(sub, ast.Name) and sub.id in defs:
                todo.append(sub.id)
            elif isinstance(sub, ast.Constant) and isinstance(sub.value, str) and sub.value in defs:
                todo.append(sub.value)
    return seen, defs, order, text


def split(service_dir: Path, seen: set[str], defs: dict[str, ast.stmt], order: list[ast.stmt], text: str) -> None:
    lines = text.splitlines(keepends=True)

    def source(node: ast.stmt) -> str:
        decorators = getattr(node, "decorator_list", None)
        start = (decorators[0].lineno if decorators else node.lineno) - 1
        return "".join(lines[start : node.end_lineno])

    head = "".join(lines[: order[0].lineno - 1])
    moved = [node for node in order if any(defs.get(name) is node for name in seen)]
    kept = [node for node in order if node not in moved]
    small_head = ast.unparse([n for n in ast.parse(head).body if not _is_all(n)]) + "\n\n"  # type: ignore[arg-type]
    (service_dir / "resource_type_defs.pyi").write_text(small_head + "\n".join(source(n) for n in moved) + "\n")
    reexport = "from .resource_type_defs import (\n" + "".join(f"    {n} as {n},\n" for n in sorted(seen)) + ")\n\n"
    (service_dir / "type_defs.pyi").write_text(head + reexport + "\n".join(source(n) for n in kept) + "\n")
    resource = service_dir / "service_resource.pyi"
    resource.write_text(resource.read_text().replace("from .type_defs import", "from .resource_type_defs import"))


def _is_all(node: ast.stmt) -> bool:
    return isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    package, services = Path(args[0]), args[1:]
    for service in services:
        small = package / service / "resource_type_defs.pyi"
        if small.is_file():  # split by the generator
            full = len((package / service / "type_defs.pyi").read_bytes())
            print(f"{service}: split, resource_type_defs.pyi {small.stat().st_size} bytes, type_defs.pyi {full}")
            continue
        seen, defs, order, text = closure(package / service)
        size = sum(len(ast.get_source_segment(text, defs[n]) or "") for n in seen)
        print(
            f"{service}: closure {len(seen)} of {len(set(map(id, defs.values())))} definitions,"
            f" {size} of {len(text)} bytes ({size / len(text):.0%})"
        )
        if "--split" in sys.argv:
            split(package / service, seen, defs, order, text)


if __name__ == "__main__":
    main()
