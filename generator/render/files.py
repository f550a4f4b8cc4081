"""Stage 5, render: jinja2 templates turn prepared views into source text, in memory."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from ..model.service import Service
from ..naming.steps import SERVICE_STEPS, Step
from ..naming.table import name_table
from ..options import DEFAULT, Options
from ..text import layout
from ..text.layout import docstring
from ..views.blocks import Export, Param
from ..views.root import RUNTIME_FILES as RUNTIME_FILES
from ..views.root import Entry, PackageContext
from ..views.service import ServiceContext
from .format import format_files
from .kinds import AS_IS, PACKAGE_KINDS, SERVICE_KINDS, C, ModuleKind


def template_dir() -> Path:
    """templates/ beside the package in a checkout, generator/templates in a wheel."""
    package = Path(__file__).resolve().parents[1]  # generator/
    for candidate in (package / "templates", package.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("botoloom templates not found (broken installation)")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["params"] = _params
    env.filters["docstring"] = docstring
    env.filters["lines"] = _lines
    return env


def _render(template: str, **context: Any) -> str:
    text = environment().get_template(template).render(**context)
    return text.rstrip("\n") + "\n"


def _lines(lines: list[str], indent: int) -> str:
    """Statements one per line at column `indent` ("" a blank line): jinja's join and indent
    filters do the same, slower (a TypedDict's fields, every method's body)."""
    pad = " " * indent
    return "\n".join([pad + line if line else "" for line in lines])


def _params(params: list[Param], indent: int) -> str:
    """A signature's parameters, each at column `indent` when the formatter splits them (an
    annotation with a top-level `|` is parenthesised when it does not fit: layout.param)."""
    return ", ".join([layout.param(p.text, indent) for p in params])


def render_kind(
    files: dict[str, str], kind: ModuleKind[C], ctx: C, exports: Sequence[tuple[str, Export]], prefix: str = ""
) -> None:
    """The module(s) of one row of a table (render/kinds.py) into `files`, at `prefix` + the
    row's path: the .py and, for a stub kind, its .pyi from the same template and context
    (`pyi`: what differs in the stub, its imports): the stub has no docstrings and `...`
    bodies, so type checkers read less; editors still show the docstrings, from the .py
    beside it.  An AS_IS row is its context's `text`."""
    made: list[tuple[str, dict[str, Any]]]
    if kind.parts is not None:
        made = [(kind.path.format(part=part), kind.context(ctx, part)) for part in kind.parts(ctx)]
    else:
        made = [(kind.path, kind.context(ctx, exports) if kind.gathers else kind.context(ctx))]
    for path, context in made:
        rel = prefix + path
        if kind.template == AS_IS:
            files[rel] = context["text"]
            continue
        files[rel] = _render(kind.template, stub=False, **context)
        if kind.stub:
            files[rel + "i"] = _render(kind.template, stub=True, **{**context, **context.get("pyi", {})})


def render_table(kinds: Sequence[ModuleKind[C]], ctx: C, prefix: str = "") -> tuple[dict[str, str], set[str]]:
    """Every row of `kinds` that applies to `ctx`, in the table's order: the files, and which
    of them are AS_IS (not for the formatter)."""
    applying = [kind for kind in kinds if kind.applies(ctx)]
    exports = [(kind.module, export) for kind in applying for export in kind.exports(ctx)]
    files: dict[str, str] = {}
    as_is: set[str] = set()
    for kind in applying:
        before = len(files)
        render_kind(files, kind, ctx, exports, prefix)
        if kind.template == AS_IS:
            as_is.update(list(files)[before:])
    return files, as_is


def _formatted(files: dict[str, str], as_is: set[str]) -> dict[str, str]:
    """`files` through the formatter (format.format_files), but those `as_is`; order kept."""
    done = format_files({path: text for path, text in files.items() if path not in as_is})
    return {path: done.get(path, text) for path, text in files.items()}


def render_service(service: Service, versions: str, options: Options = DEFAULT) -> dict[str, str]:
    """All files of one service package, keyed by path relative to the package root."""
    return render_service_entry(service, versions, options)[0]


def render_service_entry(
    service: Service,
    versions: str,
    options: Options = DEFAULT,
    *,
    formatted: bool = True,
    kinds: Sequence[ModuleKind[ServiceContext]] = SERVICE_KINDS,
    steps: Sequence[Step] = SERVICE_STEPS,
) -> tuple[dict[str, str], Entry]:
    """render_service(), and what the service offers the package's entry module; with
    formatted=False the files as rendered, for format.format_many() over several services
    (the service table has no AS_IS row).  `kinds`: the table of module kinds walked
    (render/kinds.py); `steps`: the naming order (naming/steps.py)."""
    names = name_table(service, steps)  # every module-level name, before any view (naming/table.py)
    ctx = ServiceContext(service, versions, options, names)
    try:
        files, as_is = render_table(kinds, ctx, f"{names.module}/")
    finally:
        ctx.release()
    entry = Entry(service.name, names.module, names.client, names.service_resource or None)
    return (_formatted(files, as_is) if formatted else files), entry


def render_package(
    package: str,
    entries: Sequence[Entry],
    versions: str,
    aio: bool = False,
    *,
    kinds: Sequence[ModuleKind[PackageContext]] = PACKAGE_KINDS,
) -> dict[str, str]:
    """The package's own files, the rows of render.kinds.PACKAGE_KINDS: __init__, py.typed,
    the entry module, the copied runtime (with _aio for --aio)."""
    files, as_is = render_table(kinds, PackageContext(package, entries, versions, Options(aio=aio)))
    return _formatted(files, as_is)
