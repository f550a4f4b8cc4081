"""Imports follow from the names the generated code uses, never from its text: a docstring
or a TypedDict key spelt like a type (Optional, Any, Union, Mapping, EventStream) adds no import."""

from __future__ import annotations

import ast
import builtins
from pathlib import Path
from typing import Any

from generator.render.files import render_service

from ..tiny import service

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "generated" / "aws_typed"
S = {"type": "string"}
WORDS = "Optional Any Union Mapping Dict List Sequence EventStream StreamingBody datetime Literal"

SHAPES: dict[str, Any] = {
    "Str": {"type": "string", "documentation": f"<p>{WORDS}</p>"},
    "Inner": {
        "type": "structure",
        "documentation": f"<p>Optional configuration. Any value. {WORDS}</p>",
        "members": {"Union": {"shape": "Str"}, "Mapping": {"shape": "Str"}, "EventStream": {"shape": "Str"}},
    },
    "In": {
        "type": "structure",
        "documentation": f"<p>{WORDS}</p>",
        "members": {"Optional": {"shape": "Inner", "documentation": f"<p>{WORDS}</p>"}, "Any": {"shape": "Str"}},
    },
    "Out": {"type": "structure", "members": {"Inner": {"shape": "Inner"}, "Name": {"shape": "Str"}}},
}
OPS = {"Do": {"input": {"shape": "In"}, "output": {"shape": "Out"}, "documentation": f"<p>{WORDS}</p>"}}


def imported(text: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom):
            names |= {a.asname or a.name for a in node.names}
    return names


def referenced(text: str) -> set[str]:
    """Names the code loads: in code, in annotations and in string forward references (an
    annotation's, cast()'s first argument, a subscript's); not keys, attributes or docstrings."""
    tree = ast.parse(text)
    typed: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign):
            typed.append(node.annotation)
        elif isinstance(node, ast.arg) and node.annotation is not None:
            typed.append(node.annotation)
        elif isinstance(node, ast.FunctionDef) and node.returns is not None:
            typed.append(node.returns)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "cast":
            typed.append(node.args[0])
        elif isinstance(node, ast.Subscript) and not (isinstance(node.value, ast.Name) and node.value.id == "Literal"):
            typed.append(node.slice)
        elif isinstance(node, ast.Dict):  # the functional TypedDict form's values
            typed.extend(node.values)
    found = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    literal = [
        n.slice
        for n in ast.walk(tree)
        if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == "Literal"
    ]
    values = {id(c) for part in literal for c in ast.walk(part)}  # Literal["x"]: a value, not a reference
    for node in ast.walk(tree):  # what __all__ lists is used: re-exported
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            found |= set(ast.literal_eval(node.value))
    for part in typed:
        for node in ast.walk(part):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in values:
                try:
                    found |= {n.id for n in ast.walk(ast.parse(node.value, mode="eval")) if isinstance(n, ast.Name)}
                except SyntaxError:
                    pass
    return found


def unused(text: str) -> set[str]:
    return imported(text) - {"annotations"} - referenced(text)


def test_words_in_docstrings_and_keys_add_no_import() -> None:
    files = render_service(service(SHAPES, OPS), "botoloom test from botocore test")
    assert "Optional configuration" in files["tiny/type_defs.py"]  # the docstrings are there
    for rel in ("tiny/type_defs.py", "tiny/client.py", "tiny/stubber.py", "tiny/exceptions.py"):
        assert unused(files[rel]) == set(), rel
    type_defs = imported(files["tiny/type_defs.py"])
    assert not type_defs & {
        "Optional",
        "Any",
        "Union",
        "Mapping",
        "EventStream",
        "StreamingBody",
        "datetime",
        "Literal",
    }


def test_every_import_is_defined_and_used() -> None:
    """Whatever the module imports it uses, and whatever it uses is imported or its own."""
    files = render_service(service(SHAPES, OPS), "botoloom test from botocore test")
    for rel, text in files.items():
        if not rel.endswith(".py"):
            continue
        tree = ast.parse(text)
        own = {n.name for n in ast.walk(tree) if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
        own |= {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
        missing = referenced(text) - imported(text) - own - set(dir(builtins)) - {"sys", "builtins"}
        params = {
            a.arg for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) for a in [*n.args.args, *n.args.kwonlyargs]
        }
        params |= {n.args.kwarg.arg for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.args.kwarg}
        assert missing - params - {"name", "paginators", "waiters", "service_resource"} == set(), rel


def test_exceptions_without_modeled_errors_import_nothing_for_them() -> None:
    files = render_service(service(SHAPES, OPS), "botoloom test from botocore test")
    text = files["tiny/exceptions.py"]
    assert "ClientError" not in text and "TYPE_CHECKING" not in text
    compile(text, "exceptions.py", "exec")


def test_golden_has_none_of_the_wrong_imports() -> None:
    """Imports main used to recover from text: an unused ClientError (ec2 has no modeled
    error), Union in glue (a key is called Union), EventStream in lambda's stubber (a key)."""
    ec2 = (GOLDEN / "ec2" / "exceptions.py").read_text()
    assert "ClientError" not in ec2 and "TYPE_CHECKING" not in ec2
    glue = (GOLDEN / "glue" / "type_defs.py").read_text()
    assert "Union" not in imported(glue) or "Union[" in glue  # imported where a type uses it (lists of str)
    assert "EventStream" not in imported((GOLDEN / "lambda_" / "stubber.py").read_text())
    for service_dir in ("s3", "dynamodb", "lambda_", "ec2", "glue"):
        for path in (GOLDEN / service_dir).glob("*.py"):
            assert unused(path.read_text()) == set(), path


def test_what_only_bodies_call_is_imported_by_the_py_not_by_the_stub() -> None:
    from generator.types.imports import ImportSet
    from generator.types.pyexpr import calls, typing_name, uses

    needs = uses(typing_name("Mapping")) | calls(typing_name("cast"))
    module, stub = ImportSet().need(needs), ImportSet().need(needs, stub=True)
    assert "from typing import TYPE_CHECKING, cast" in module.runtime()
    assert "cast" not in stub.runtime() + stub.checking()
    assert "Mapping" in module.checking() and "Mapping" in stub.checking()
