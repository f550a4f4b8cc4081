"""The table of generated module kinds (generator/render/kinds.py), and the walk-through of
ARCHITECTURE.md, "Adding a new kind of generated module", done for real: a `<service>/events.py`
(a Literal of the event names of each event stream) made from exactly the pieces the recipe
names (a naming step, a view's context(), a template, a row of the table) and rendered by the
same walk as every other module."""

from __future__ import annotations

import ast
import importlib
import shutil
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from generator.naming.rules import type_base
from generator.naming.steps import SERVICE_STEPS, Draft
from generator.naming.suffixes import EVENT, LITERAL, join, suffixed
from generator.options import DEFAULT, Options
from generator.render import files
from generator.render.kinds import AS_IS, PACKAGE_KINDS, SERVICE_KINDS, ModuleKind
from generator.text.layout import statement
from generator.types.imports import ImportSet
from generator.types.pyexpr import Literal
from generator.views.blocks import dunder_all, header
from generator.views.root import RUNTIME_FILES, Entry
from generator.views.service import ServiceContext

from ..tiny import service

SHAPES: dict[str, Any] = {
    "Blob": {"type": "blob"},
    "Chunk": {"type": "structure", "members": {"Bytes": {"shape": "Blob"}}, "event": True},
    "Done": {"type": "structure", "members": {}, "event": True},
    "ResponseEvent": {
        "type": "structure",
        "members": {"Chunk": {"shape": "Chunk"}, "Done": {"shape": "Done"}},
        "eventstream": True,
    },
    "StreamOut": {"type": "structure", "members": {"Stream": {"shape": "ResponseEvent"}}, "payload": "Stream"},
    "Unused": {"type": "structure", "members": {"Done": {"shape": "Done"}}, "eventstream": True},
}
OPERATIONS = {"Stream": {"output": {"shape": "StreamOut"}}}


# ---- the table ------------------------------------------------------------------------------
@pytest.mark.parametrize("table", [SERVICE_KINDS, PACKAGE_KINDS], ids=["service", "package"])
def test_every_row_has_its_template_and_a_unique_path(table: tuple[ModuleKind[Any], ...]) -> None:
    paths = [kind.path for kind in table]
    assert len(paths) == len(set(paths))
    for kind in table:
        assert kind.template == AS_IS or (files.template_dir() / kind.template).is_file(), kind.template
    # a service's files are formatted in batches by the pipeline: none may be left as it is
    assert all(kind.template != AS_IS for kind in SERVICE_KINDS)


def test_the_package_root_is_its_table() -> None:
    entries = [Entry("tiny", "tiny", "TinytinyClient", None)]
    made = files.render_package("pkg", entries, "test")
    assert list(made) == ["__init__.py", "py.typed", "boto3.py", *RUNTIME_FILES]
    assert made["py.typed"] == ""
    runtime = resources.files("generator.runtime")
    assert all(made[name] == runtime.joinpath(name).read_text(encoding="utf-8") for name in RUNTIME_FILES)
    assert set(files.render_package("pkg", entries, "test", aio=True)) - set(made) == {"_aio.py"}
    assert "boto3.py" not in files.render_package("pkg", [], "test")  # `when`: no service, no entry module
    # the walk is the table's: a row added is rendered (and formatted) with the others
    extra = ModuleKind("extra.py", "package_init.py.j2", lambda pkg: dict(header="x  =  1", all=""))
    more = files.render_package("pkg", entries, "test", kinds=(*PACKAGE_KINDS, extra))
    assert more["extra.py"].startswith("x = 1\n") and {p: t for p, t in more.items() if p != "extra.py"} == made


def test_aio_twins_name_a_sync_row_and_reuse_templates_where_the_shape_is_the_same() -> None:
    by_path = {kind.path: kind for kind in SERVICE_KINDS}
    twins = {kind.path: kind.twin for kind in SERVICE_KINDS if kind.twin}
    assert twins == {"aio_type_defs.py": "type_defs.py", "aio.py": "client.py"}
    assert all(sync in by_path and not by_path[sync].twin for sync in twins.values())
    assert by_path["aio_type_defs.py"].template == by_path["type_defs.py"].template


def test_twins_only_with_aio() -> None:
    svc = service(SHAPES, OPERATIONS)
    without = files.render_service_entry(svc, "test", DEFAULT, formatted=False)[0]
    with_aio = files.render_service_entry(svc, "test", Options(aio=True), formatted=False)[0]
    assert set(with_aio) - set(without) == {"tiny/aio.py", "tiny/aio.pyi", "tiny/aio_type_defs.py"}
    assert {p: t for p, t in with_aio.items() if p in without} == without


def test_the_init_re_exports_what_the_rows_export() -> None:
    svc = service(SHAPES, OPERATIONS)
    init = files.render_service_entry(svc, "test", DEFAULT, formatted=False)[0]["tiny/__init__.py"]
    assert '__all__ = ["TinytinyClient", "TinytinyExceptions", "client"]' in init
    assert "from .exceptions import TinytinyExceptions" in init


# ---- the walk-through: <service>/events.py --------------------------------------------------
# 2. Names: a step, appended to the order (it loses every clash to the steps before it).
def event_names(d: Draft) -> Mapping[str, Any]:
    """11. `<Stream>Event` per event stream shape (the suffix never doubled), in model order."""
    streams = [s.name for s in d.service.shapes.values() if s.kind == "eventstream"]
    return {"events": {name: d.registry.take(join(type_base(name), EVENT)) for name in streams}}


# 4. View: the template's variables, from the shared context only.
def events_context(ctx: ServiceContext) -> dict[str, Any]:
    events = ctx.names.more["events"]
    streams = ctx.qualifying(events, "out")  # which shapes qualify: those the client's types reach
    aliases = [
        statement(f"{events[s]} = ", Literal(tuple(m.name for m in ctx.service.shape(s).members)).layout())
        for s in streams
    ]
    return dict(
        header=header(f"Event names of {ctx.title}.", ctx.versions),
        runtime_imports=ImportSet().add("typing", "Literal", runtime=True).runtime(),
        all=dunder_all(events[s] for s in streams),
        aliases=aliases,
    )


# 5. Template: the module's shape, no logic.
EVENTS_TEMPLATE = """{{ header }}

{{ runtime_imports }}

{{ all }}
{% for alias in aliases %}

{{ alias }}
{% endfor %}
"""

# 6. Render: a row of the table.
EVENTS = ModuleKind("events.py", "events.py.j2", events_context, when=lambda ctx: bool(ctx.names.more["events"]))


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """templates/ with templates/events.py.j2 added (a copy: the checkout stays as it is)."""
    copy = tmp_path / "templates"
    shutil.copytree(files.template_dir(), copy)
    (copy / "events.py.j2").write_text(EVENTS_TEMPLATE, encoding="utf-8")
    monkeypatch.setattr(files, "template_dir", lambda: copy)
    files.environment.cache_clear()
    yield copy
    files.environment.cache_clear()


def test_a_new_module_kind_through_the_table(templates: Path) -> None:
    svc = service(SHAPES, OPERATIONS)
    rendered, _ = files.render_service_entry(
        svc, "test", DEFAULT, kinds=(*SERVICE_KINDS, EVENTS), steps=(*SERVICE_STEPS, event_names)
    )
    events = rendered["tiny/events.py"]
    assert '__all__ = ["ResponseEvent"]' in events  # Unused: not in the model, no operation reaches it
    assert 'ResponseEvent = Literal["Chunk", "Done"]' in events  # not ResponseEventEvent
    assert events.startswith("# mypy: ") and "from typing import Literal" in events
    compile(events, "events.py", "exec")
    # every other module is what it was without the new kind
    before, _ = files.render_service_entry(svc, "test", DEFAULT)
    assert {p: t for p, t in rendered.items() if p != "tiny/events.py"} == before


def test_a_step_appended_takes_what_is_left() -> None:
    from generator.naming.table import name_table

    svc = service(SHAPES, OPERATIONS)
    assert name_table(svc, (*SERVICE_STEPS, event_names)).more["events"] == {"ResponseEvent": "ResponseEvent"}
    assert name_table(svc).more == {}  # the default order knows no events

    def earlier(d: Draft) -> Mapping[str, Any]:
        return {"earlier": d.registry.take("ResponseEvent")}

    names = name_table(svc, (*SERVICE_STEPS, earlier, event_names))  # who comes first wins the clash
    assert names.more == {"earlier": "ResponseEvent", "events": {"ResponseEvent": "ResponseEvent2"}}


def test_suffixes_are_not_doubled_unless_grandfathered() -> None:
    assert suffixed("InvokeWithResponseStreamResponseEvent", EVENT) == "InvokeWithResponseStreamResponseEvent"
    assert suffixed("Chunk", EVENT) == "ChunkEvent"
    assert suffixed("AcceleratorType", LITERAL) == "AcceleratorTypeType"  # published: kept as it was


# ---- views depend on the shared contexts, not on each other -----------------------------------
SHARED = {"generator.views.service", "generator.views.root"}  # the per-service and package contexts
TWINS = {"generator.views.aio": {"generator.views.client", "generator.views.wrappers"}}  # an aio twin's sync views


def view_imports(module: str) -> set[str]:
    """The generator.views modules `module` imports (`from .x import`, `from . import x`)."""
    tree = ast.parse(Path(importlib.import_module(module).__file__ or "").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= (
                {f"generator.views.{node.module}"} if node.module else {f"generator.views.{a.name}" for a in node.names}
            )
    return found


def test_a_view_imports_no_other_view() -> None:
    views = {kind.context.__module__ for kind in (*SERVICE_KINDS, *PACKAGE_KINDS)} - SHARED
    assert {"generator.views.client", "generator.views.stubber", "generator.views.entry"} <= views
    for view in sorted(views):
        assert view_imports(view) & views <= TWINS.get(view, set()), view
