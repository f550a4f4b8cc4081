"""A stub skeleton of one Python module read from its source (`ast`, never imported): its
public classes (bases, methods, attributes), functions and names, every parameter and
attribute `Any`.  Used for the botocore modules that `install --stubs` describes: the
module of the user's own botocore, so a name botocore has is found and a misspelt one
(an exception class, a Config keyword) is an error, with no types invented for it.

Returns: `__init__` -> None; a method whose body returns `self` -> Self; one that returns
no value -> None; any other -> Any.  Names in `replace` are re-exported from elsewhere (the
generated package's typed classes) instead of described.
"""

from __future__ import annotations

import ast
import builtins

DUNDERS = ("__init__", "__enter__", "__exit__", "__iter__", "__next__", "__call__", "__len__", "__getitem__")
HEAD = "from typing import Any\nfrom typing_extensions import Self\n"


def module(tree: ast.Module, replace: dict[str, str], reexport: dict[str, str]) -> str:
    """The .pyi text of `tree`: `replace` maps a name to the module it is re-exported from
    (`module[Args]`: a generic class, bound to those arguments);
    `reexport` maps a module this source imports from to the stub module that has its names
    (`from M import N` lines of the source become re-exports for those)."""
    local = {n.name for n in tree.body if isinstance(n, ast.ClassDef)} | set(replace)
    lines = [HEAD]
    lines += [_reexport(name, where) for name, where in sorted(replace.items())]
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module in reexport and node.level == 0:
            for alias in node.names:
                if alias.asname is None and alias.name not in replace:
                    lines.append(f"from {reexport[node.module]} import {alias.name} as {alias.name}")
                    local.add(alias.name)
    lines.append("")
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name not in replace and _public(node.name):
            lines.append(_class(node, local))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _public(node.name):
            lines.append(_function(node, "") + "\n")
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            lines += [f"{name}: {_kind(node.value)}" for name in _targets(node) if _public(name)]
    return "\n".join(lines).rstrip() + "\n"


def _reexport(name: str, where: str) -> str:
    """`from M import N as N` (`M:S`: the package's class S, named N here); for `M[Args]`, a
    generic class given its arguments, so that a bare `N` in an annotation stays complete
    under mypy --strict, as botocore's class is."""
    module, bracket, args = where.partition("[")
    module, colon, source = module.partition(":")
    if not bracket and not colon:
        return f"from {module} import {name} as {name}"
    if not bracket:  # a re-export under another name is an assignment (`import S as N` is not one)
        return f"from {module} import {source} as _{name}\n{name} = _{name}"
    source = source if colon else name
    return f"from {module} import {source} as _{name}\n{name} = _{name}[{args}"


def _public(name: str) -> bool:
    return not name.startswith("_")


def _targets(node: ast.Assign | ast.AnnAssign) -> list[str]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return [t.id for t in targets if isinstance(t, ast.Name)]


def _kind(value: ast.expr | None) -> str:
    if isinstance(value, ast.Constant) and type(value.value) in (str, int, bool):
        return type(value.value).__name__
    return "Any"


def _class(node: ast.ClassDef, local: set[str]) -> str:
    bases = [b.id for b in node.bases if isinstance(b, ast.Name) and (b.id in local or _builtin_type(b.id))]
    head = f"class {node.name}({', '.join(bases)}):" if bases else f"class {node.name}:"
    body: list[str] = []
    seen: set[str] = set()
    options = _options(node)
    for item in node.body:
        if isinstance(item, (ast.Assign, ast.AnnAssign)):
            for name in _targets(item):
                if _public(name) and name not in seen:
                    seen.add(name)
                    body.append(f"    {name}: {_kind(item.value)}")
    for name in options:
        if name not in seen:
            seen.add(name)
            body.append(f"    {name}: Any")
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and (_public(item.name) or item.name in DUNDERS):
            if item.name in seen or any(isinstance(d, ast.Attribute) for d in item.decorator_list):
                continue  # declared already (an option, a property's setter): the first one stands
            seen.add(item.name)
            if item.name == "__init__":
                fresh = [a for a in _self_attributes(item) if a not in seen]
                seen.update(fresh)
                body += [f"    {a}: Any" for a in fresh]
            body.append(_function(item, "    ", options if item.name == "__init__" else ()))
    return head + "\n" + ("\n".join(body) if body else "    ...") + "\n"


def _builtin_type(name: str) -> bool:
    return isinstance(getattr(builtins, name, None), type)


def _options(node: ast.ClassDef) -> list[str]:
    """The keyword names of a class whose `__init__(*args, **kwargs)` takes the keys of its
    `OPTION_DEFAULTS` (botocore's Config): a key other than these raises TypeError."""
    for item in node.body:
        if isinstance(item, ast.Assign) and "OPTION_DEFAULTS" in _targets(item):
            return [
                e.elts[0].value
                for e in ast.walk(item.value)
                if isinstance(e, ast.Tuple) and e.elts and isinstance(e.elts[0], ast.Constant)
                if isinstance(e.elts[0].value, str)
            ]
    return []


def _self_attributes(init: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    found = []
    for n in ast.walk(init):
        if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store) and isinstance(n.value, ast.Name):
            if n.value.id == "self" and _public(n.attr) and n.attr not in found:
                found.append(n.attr)
    return found


def _function(node: ast.FunctionDef | ast.AsyncFunctionDef, indent: str, options: list[str] | tuple[()] = ()) -> str:
    decorators = [d.id for d in node.decorator_list if isinstance(d, ast.Name)]
    method = bool(indent) and "staticmethod" not in decorators
    params = _parameters(node.args, method, options)
    returns = _returns(node)
    prefix = "".join(f"{indent}@{d}\n" for d in decorators if d in ("property", "classmethod", "staticmethod"))
    asynchronous = "async " if isinstance(node, ast.AsyncFunctionDef) else ""
    return f"{prefix}{indent}{asynchronous}def {node.name}({', '.join(params)}) -> {returns}: ..."


def _parameters(args: ast.arguments, method: bool, options: list[str] | tuple[()]) -> list[str]:
    positional = [*args.posonlyargs, *args.args]
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    out = []
    for index, (arg, default) in enumerate(zip(positional, defaults)):
        if index == 0 and method:
            out.append(arg.arg)
            continue
        out.append(f"{arg.arg}: Any" + (" = ..." if default is not None else ""))
        if args.posonlyargs and arg is args.posonlyargs[-1]:
            out.append("/")
    if args.vararg:
        out.append(f"*{args.vararg.arg}: Any")
    elif args.kwonlyargs or (options and args.kwarg):
        out.append("*")
    out += [f"{a.arg}: Any" + (" = ..." if d is not None else "") for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    if options and args.kwarg:
        out += [f"{name}: Any = ..." for name in options]
    elif args.kwarg:
        out.append(f"**{args.kwarg.arg}: Any")
    return out


def _returns(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    if node.name == "__init__":
        return "None"
    values = [
        n.value for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None and not _nested(node, n)
    ]
    if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in ast.walk(node)):
        return "Any"
    if not values:
        return "None"
    if all(isinstance(v, ast.Name) and v.id == "self" for v in values):
        return "Self"
    return "Any"


def _nested(outer: ast.AST, node: ast.AST) -> bool:
    """Whether `node` is inside a function nested in `outer` (its return is not outer's)."""
    for child in ast.walk(outer):
        if child is not outer and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if any(n is node for n in ast.walk(child)):
                return True
    return False
