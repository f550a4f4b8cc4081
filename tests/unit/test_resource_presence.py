"""Resource attributes and references by output mode (types/resources.py present()), on the
tiny service of test_resources: what the stub declares for `Thing`.

Thing's shape guarantees ThingId (the identifier) only; ParentId and Children may be absent,
and the reference `parent` is built from ParentId (None when it is absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.app.config import load
from generator.errors import UserError
from generator.options import Options
from generator.render.files import render_service

from .test_resources import tiny_service

CHILDREN = "def children_attribute(self) -> "
PARENT_ID = "def parent_id(self) -> "
PARENT = "def parent(self) -> "


def _declared(options: Options) -> dict[str, str]:
    """The return annotations the stub gives Thing's attribute and reference properties."""
    stub = render_service(tiny_service(), "test", options)["tiny/service_resource.pyi"]
    found = {}
    for head in (CHILDREN, PARENT_ID, PARENT):
        (line,) = [text.strip() for text in stub.splitlines() if text.strip().startswith(head)]
        found[head] = line.removeprefix(head).removesuffix(":")
    return found


def test_sound_mode_keeps_them_optional() -> None:
    assert _declared(Options()) == {
        CHILDREN: "Optional[List[str]]",
        PARENT_ID: "Optional[str]",
        PARENT: "Optional[Thing]",
    }


def test_present_mode_types_what_an_existing_resource_returns_as_present() -> None:
    assert _declared(Options(outputs="present")) == {CHILDREN: "List[str]", PARENT_ID: "str", PARENT: "Thing"}


@pytest.mark.parametrize(
    "listed",
    [("ParentId", "Parent"), ("parent_id", "parent")],  # the model's names, or the Python names
)
def test_per_member_overrides_in_sound_mode(listed: tuple[str, ...]) -> None:
    declared = _declared(Options(required=(("tiny", "Thing", listed),)))
    assert declared == {CHILDREN: "Optional[List[str]]", PARENT_ID: "str", PARENT: "Thing"}


def test_overrides_for_another_resource_or_service_change_nothing() -> None:
    other = (("tiny", "Other", ("ParentId",)), ("elsewhere", "Thing", ("ParentId",)), ("tiny", "GetThing", ("Parent",)))
    assert _declared(Options(required=other)) == _declared(Options())


def test_pyproject_resource_keys(tmp_path: Path) -> None:
    """[tool.botoloom.required] takes "service.Resource" keys beside "service.Operation"."""
    root = tmp_path
    (root / "pyproject.toml").write_text(
        '[tool.botoloom]\nservices = ["tiny"]\n\n'
        '[tool.botoloom.required]\n"tiny.Thing" = ["parent_id"]\n"sts.GetCallerIdentity" = ["Account"]\n'
    )
    config = load(root)
    assert config.required == (("sts", "GetCallerIdentity", ("Account",)), ("tiny", "Thing", ("parent_id",)))
    assert _declared(Options(required=config.required))[PARENT_ID] == "str"
    (root / "pyproject.toml").write_text('[tool.botoloom.required]\n"Thing" = ["parent_id"]\n')
    with pytest.raises(UserError, match=re.escape('"service.Operation" (or "service.Resource")')):
        load(root)
