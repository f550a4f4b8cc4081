"""Stage 5, render: jinja2 templates turn prepared views into source text, in memory."""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module, resources
from pathlib import Path
from typing import Any

import jinja2

from ..model.resources import SERVICE_MODULES
from ..model.service import Service
from ..naming.table import name_table
from ..options import DEFAULT, Options
from ..text import layout
from ..text.layout import docstring, pystr
from ..types.imports import ImportSet
from ..views import entry as entrypoints
from ..views.blocks import Param, dunder_all, header, import_blocks
from ..views.entry import Entry
from ..views.presign import builtins_import, presigned_methods
from ..views.resources import ResourceView
from ..views.service import CLIENT_RUNTIME_ORDER, ServiceView
from ..views.stubber import StubberView
from .format import format_files

RUNTIME_FILES = (
    "_runtime.py",
    "_types.py",
    "_resources.py",
    "_injected.py",
    "_conditions.py",
    "_entry.py",
    "_stubber.py",
)


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


def _both(files: dict[str, str], rel: str, template: str, pyi: dict[str, Any] | None = None, **context: Any) -> None:
    """`rel` (.py) and its stub (.pyi) from one template and one context (`pyi`: what
    differs in the stub, its imports): the stub has no docstrings and `...` bodies, so type
    checkers read less; editors still show the docstrings, from the .py beside it."""
    files[rel] = _render(template, stub=False, **context)
    files[rel + "i"] = _render(template, stub=True, **{**context, **(pyi or {})})


def render_service(service: Service, versions: str, options: Options = DEFAULT) -> dict[str, str]:
    """All files of one service package, keyed by path relative to the package root."""
    return render_service_entry(service, versions, options)[0]


def render_service_entry(
    service: Service, versions: str, options: Options = DEFAULT, *, formatted: bool = True
) -> tuple[dict[str, str], Entry]:
    """render_service(), and what the service offers the package's entry module; with
    formatted=False the files as rendered, for format.format_many() over several services."""
    names = name_table(service)  # every module-level name, before any view (naming/table.py)
    view = ServiceView(service, versions, options, names)
    resources = ResourceView(view) if service.resources is not None else None
    mod = view.names.module
    files = {
        f"{mod}/__init__.py": _service_init(view, resources),
        f"{mod}/exceptions.py": _exceptions(view),
        f"{mod}/literals.py": _literals(view),
    }
    _both(files, f"{mod}/client.py", "client.py.j2", **_client(view))
    _both(files, f"{mod}/type_defs.py", "type_defs.py.j2", **_type_defs(view))
    if service.paginators:
        paginators = _wrappers(
            view, "paginators", "Paginator", "PAGINATORS", view.paginator_methods(), view.paginator_classes
        )
        _both(files, f"{mod}/paginators.py", "wrappers.py.j2", **paginators)
    if service.waiters:
        waiters = _wrappers(view, "waiters", "Waiter", "WAITERS", view.waiter_methods(), view.waiter_classes)
        _both(files, f"{mod}/waiters.py", "wrappers.py.j2", **waiters)
    if service.operations:  # the typed botocore Stubber (generator/views/stubber.py)
        files[f"{mod}/stubber.py"] = _render("stubber.py.j2", **StubberView(view).context())
    if resources is not None:
        _both(files, f"{mod}/service_resource.py", "service_resource.py.j2", **resources.context())
    for module, (runtime, title) in SERVICE_MODULES.get(service.name, {}).items():
        files[f"{mod}/{module}.py"] = _reexport(view, runtime, title)
    if options.aio:  # typed aiobotocore clients (views/aio.py)
        from ..views.aio import render_aio

        files.update(render_aio(view, _render))
    entry = Entry(service.name, mod, view.names.client, resources.service_class if resources is not None else None)
    return (format_files(files) if formatted else files), entry


def _reexport(view: ServiceView, runtime: str, title: str) -> str:
    """A service module that re-exports a hand-typed runtime module (dynamodb.conditions)."""
    names = sorted(import_module(f"generator.runtime.{runtime}").__all__)
    return _render(
        "reexport.py.j2",
        header=header(f"{title} of {view.title}.", view.versions),
        imports=_import_all(f"..{runtime}", names).runtime(),
        all=dunder_all(names),
    )


def _client(view: ServiceView) -> dict[str, Any]:
    """client.py: the run-time shim (the class names, the factory); client.pyi: the class
    as type checkers and editors read it (every method, with its docstring)."""
    methods = view.client_methods() + presigned_methods(view)
    factory = view.factory()
    builtins = builtins_import(view.service)  # what the presign overloads spell builtins as
    shim = view.client_imports([], factory, False).add(".._runtime", "callable_module", runtime=True)
    stub = view.client_imports(methods, factory, True)
    if builtins:
        stub.add_module("builtins", alias=builtins)
    return dict(
        header=header(f"Typed client for {view.title}.", view.versions),
        **import_blocks(shim, CLIENT_RUNTIME_ORDER, grouped=False),
        pyi=import_blocks(stub, CLIENT_RUNTIME_ORDER, grouped=False),
        all=dunder_all([view.names.client, "client"]),
        client=view.client_class(),
        service_literal=pystr(view.service.name),
        methods=methods,
        factory=factory,
        module_call="callable_module(__name__)",
    )


def _type_defs(view: ServiceView) -> dict[str, Any]:
    blocks = view.typed_dict_blocks()
    return dict(
        header=header(f"Request and response types of {view.title}.", view.versions),
        imports=view.type_defs_imports(blocks),
        all=view.type_defs_all(),
        blocks=blocks,
    )


def _literals(view: ServiceView) -> str:
    return _render(
        "literals.py.j2",
        header=header(f"Enums and names of {view.title}, as Literal aliases.", view.versions),
        all=view.literal_all(),
        aliases=view.literal_aliases(),
    )


def _exceptions(view: ServiceView) -> str:
    classes = view.exception_classes()
    alias = view.names.exception_type  # spells type[...] in the exceptions class body
    attributes = [(attr, head.name) for attr, head in classes if attr]
    imports = ImportSet().add(".._runtime", "BaseClientExceptions", runtime=True)
    if classes:  # the error classes derive from it (under TYPE_CHECKING)
        imports.add(".._types", "ClientError")
    if alias != "type" and attributes:
        imports.add("typing", "Type", alias=alias)
    return _render(
        "exceptions.py.j2",
        header=header(f"Modeled errors of {view.title}.", view.versions),
        all=dunder_all([view.names.exceptions]),
        classes=classes,
        exceptions_class=view.names.exceptions,
        doc=view.exceptions_doc(),
        attributes=attributes,
        alias=alias,
        **import_blocks(imports),
    )


def _wrappers(
    view: ServiceView, kind: str, base: str, table: str, classes: list[Any], names: dict[str, str]
) -> dict[str, Any]:
    """paginators.py or waiters.py (the run-time classes: names and what each one is of),
    and their stub (each class's method, with its docstring)."""
    methods = [m for _, m in classes]
    keys = view.paginator_keys() if base == "Paginator" else view.waiter_keys()
    return dict(
        header=header(f"Typed {kind} of {view.title}.", view.versions),
        **import_blocks(view.wrapper_imports([], base)),
        pyi=import_blocks(view.wrapper_imports(methods, base, stub=True)),
        all=dunder_all([table] + list(names.values())),
        classes=[(head, m, key) for (head, m), key in zip(classes, keys)],
        table=view.table(table, base, names),
    )


def _service_init(view: ServiceView, resources: ResourceView | None) -> str:
    imports = _import_all(".client", [view.names.client])
    imports.add(".client", "client")  # for checkers the factory; at run time the module, callable
    imports.add(".exceptions", view.names.exceptions, runtime=True)
    public = [view.names.client, view.names.exceptions, "client"]
    lazy: list[str] = []
    if resources is not None:  # the service resource and its factory, imported on first use
        lazy = resources.package_exports()
        for name in lazy:
            imports.add(".service_resource", name)
        public += [resources.service_class, "resource"]
    checking = (
        f"\n\nif TYPE_CHECKING:\n{imports.checking()}\n"
        "else:  # the submodule, not its factory: calling the module calls client() (_runtime.CallableModule)\n"
        "    from . import client"
    )
    return _render(
        "service_init.py.j2",
        header=header(f"Typed boto3 layer for {view.title}.", view.versions),
        imports=imports.runtime() + checking,
        all=dunder_all(sorted(public)),
        lazy=[pystr(n) for n in lazy],
    )


def _import_all(module: str, names: list[str]) -> ImportSet:
    """`from module import names` at run time."""
    imports = ImportSet()
    for name in names:
        imports.add(module, name, runtime=True)
    return imports


def render_package(package: str, entries: list[Entry], versions: str, aio: bool = False) -> dict[str, str]:
    """The package's own files: __init__, the entry module, the copied runtime (with _aio for
    --aio), py.typed."""
    names = ", ".join(sorted(e.service for e in entries)) or "none"
    title = (
        f"Typed wrappers around boto3 ({package}).\n\nServices: {names}.\n\n"
        f"`from {package} import {entrypoints.MODULE}` is the drop-in for `import boto3`: "
        "typed client(), resource() and Session for these services."
    )
    files = {
        "__init__.py": _render(
            "package_init.py.j2", header=header(title, versions), all=dunder_all(["ClientError", "StreamingBody"])
        ),
        "py.typed": "",
    }
    if entries:
        files[f"{entrypoints.MODULE}.py"] = _render(
            "entry.py.j2",
            header=header(
                f"Drop-in typed entry points of {package}: boto3's client(), resource() and Session.", versions
            ),
            **entrypoints.context(entries),
        )
    files = format_files(files)  # the runtime modules below are copied as they are
    runtime = resources.files("generator.runtime")
    for name in RUNTIME_FILES + ("_aio.py",) * aio:
        files[name] = runtime.joinpath(name).read_text(encoding="utf-8")
    return files
