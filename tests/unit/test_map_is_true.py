"""The map stays true: every module named by ARCHITECTURE.md and by the docstrings of the
generator's own code exists.

Three spellings are checked:
- a path below a directory of the repository or a stage (`render/files.py`, `templates/x.j2`,
  `tests/unit/test_architecture.py`): the file exists (in the checkout or under generator/);
- a file name alone (`table.py`): some file of the checkout is called so, or a generated module
  is (a row of render/kinds.py, the package's own files), or botocore has that module
  (`paginate.py`);
- a dotted name of a stage (`types.typemap.typed_dict_keys`, `text.pytext`, `pipeline.BATCH`):
  the module exists, and the name in it;
- a dotted name whose first part is a module-like snake_case word (`resources_types.ResourceShapes`):
  a module of the generator (or an installed one) is called so.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from generator.render.files import RUNTIME_FILES
from generator.render.kinds import SERVICE_KINDS

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "generator"
STAGES = ("app", "source", "model", "naming", "types", "views", "render", "output", "text", "runtime", "migrate")
TOP = ("generator", "templates", "tests", "bench", "tools", *STAGES)
PATH = re.compile(r"(?<![\w/<>.-])((?:[\w.-]+/)+[\w.-]+\.(?:py|pyi|j2))\b")
FILE = re.compile(r"(?<![\w/<>.{-])([A-Za-z_][\w-]*\.(?:py|pyi|j2))\b")
_PART = r"\.(?!(?:py|pyi|j2)\b)[A-Za-z_]\w*"
DOTTED = re.compile(r"(?<![\w.])(?:generator\.)?((?:%s)%s(?:%s)?)\b" % ("|".join((*STAGES, "pipeline")), _PART, _PART))
SNAKE = re.compile(r"(?<![\w.])([a-z]+_[a-z_]+)\.[A-Za-z_]")
GENERATED = (
    {k.path for k in SERVICE_KINDS}
    | {k.path + "i" for k in SERVICE_KINDS if k.stub}
    | {"__init__.py", "boto3.py", "conditions.py", *RUNTIME_FILES, "_aio.py"}
)
GENERATED |= {"service_resource.pyi"}
# The recipe's example module (ARCHITECTURE.md, "Adding a new kind"), made for real by
# tests/unit/test_module_kinds.py: named, never in the checkout.
EXAMPLE = {"events.py", "views/events.py", "templates/events.py.j2"}


@lru_cache(maxsize=1)
def file_names() -> frozenset[str]:
    """The names of the files git tracks (not bench/.work's old trees, not generated/)."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files"], capture_output=True, text=True, check=True).stdout
    return frozenset(Path(line).name for line in listed.splitlines() if not line.startswith("generated/"))


def texts() -> list[tuple[str, str]]:
    """(where, text): ARCHITECTURE.md, and every docstring of the generator's modules."""
    out = [("ARCHITECTURE.md", (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8"))]
    for path in sorted(GENERATOR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node, clean=False)
                if doc:
                    out.append((f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 1)}", doc))
    return out


def path_exists(ref: str) -> bool:
    if ref.split("/", 1)[0] not in TOP:
        return True  # a generated module's path (dynamodb/conditions.py)
    return any((base / ref).is_file() for base in (ROOT, GENERATOR, ROOT / "templates"))


def file_exists(name: str) -> bool:
    if name in GENERATED or name in file_names():
        return True
    return name.endswith(".py") and importlib.util.find_spec(f"botocore.{name[:-3]}") is not None


def dotted_exists(ref: str) -> bool:
    parts = ref.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module("generator." + ".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(found, attribute):
                return False
            found = getattr(found, attribute)
        return True
    return False


@lru_cache(maxsize=1)
def module_names() -> frozenset[str]:
    """The generator's modules, every file of the checkout and the generated modules, by stem."""
    return frozenset(name.split(".", 1)[0] for name in file_names() | GENERATED) | {"aws_typed"}  # the package


def snake_exists(name: str) -> bool:
    return name in module_names() or importlib.util.find_spec(name) is not None


def stale(text: str) -> list[str]:
    refs = [r for r in PATH.findall(text) if not path_exists(r) and r not in EXAMPLE]
    refs += [r for r in FILE.findall(text) if not file_exists(r) and r not in EXAMPLE]
    refs += [r for r in DOTTED.findall(text) if not dotted_exists(r)]
    return refs + [r for r in SNAKE.findall(text) if not snake_exists(r)]


@pytest.mark.parametrize(("where", "text"), texts(), ids=lambda v: v if ":" in v or v.endswith(".md") else "")
def test_every_module_named_exists(where: str, text: str) -> None:
    assert not stale(text), f"{where} names what does not exist"


def test_the_check_finds_what_no_longer_exists() -> None:
    assert stale("see resources_types.py, the rules of naming.py and render.py") == [
        "resources_types.py",
        "naming.py",
        "render.py",
        "resources_types",
    ]
    assert stale("resources_types.ResourceShapes, typed_dict_keys.x") == ["resources_types", "typed_dict_keys"]
    assert stale("views/nothing.py, types.typemap.nothing, text.gone") == [
        "views/nothing.py",
        "types.typemap.nothing",
        "text.gone",
    ]
    ok = "render/files.py, table.py, paginate.py, types.typemap.typed_dict_keys, <service>/events.py, full_result.py"
    assert stale(ok + ", typing_extensions.Unpack, pipeline.BATCH") == []
