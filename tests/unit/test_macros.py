"""templates/_macros.j2 writes the `def` and `class` lines of the service modules from the
views' data (blocks.Method, blocks.ClassHead), with the filters of render/files.py for what
the formatter cannot know: what the formatter (ruff) makes of them must be what black makes
of the same code (black stays the judge, as in test_layout.py)."""

from __future__ import annotations

from typing import Any

import pytest

from generator.types.pyexpr import NONE, Name, Or, sub, typing_name, unpack
from generator.views.blocks import SELF, ClassHead, Method, Param

from .test_layout import _MACROS, FUTURE, _black, _module, _ruff


def _class(code: str, stub: bool = False) -> str:
    return _module(code, 4) if not stub else f"class C:\n{code}\n"


def _get_item(**fields: Any) -> Method:
    return Method(
        name="get_item",
        params=[SELF, Param("**kwargs", unpack(Name(".type_defs", "GetItemInputResourceTypeDef")))],
        returns=Name(".type_defs", "GetItemOutputResourceTypeDef"),
        **fields,
    )


def test_method_comment_stays_on_the_def_line() -> None:
    """A `# type: ignore[override]` (mypy reports an override on the def line) goes after the
    opening parenthesis, where the formatter keeps it when it splits the signature."""
    m = _get_item(comment="  # type: ignore[override]", doc="Get it.", body=["return cast(X, 1)"])
    expected = (
        "    def get_item(  # type: ignore[override]\n"
        "        self, **kwargs: Unpack[GetItemInputResourceTypeDef]\n"
        "    ) -> GetItemOutputResourceTypeDef:\n"
        '        """Get it."""\n'
        "        return cast(X, 1)"
    )
    src = _module(expected, 4)
    assert _ruff(_module(str(_MACROS.method(m, False)).rstrip("\n"), 4)) == src == _black(src)
    stub = _class(expected.split('        """Get it."""')[0] + '        """Get it."""', stub=True)
    assert _ruff(_class(str(_MACROS.method(m, True)).rstrip("\n"), stub=True), pyi=True) == stub
    assert _black(stub, pyi=True) == stub
    bare = _get_item(comment="  # type: ignore[override]")  # no docstring: `...` on the def line
    stub = _class(expected.split(":\n")[0] + ": ...", stub=True)
    assert _ruff(_class(str(_MACROS.method(bare, True)).rstrip("\n"), stub=True), pyi=True) == stub


def test_method_indent_and_body_from_the_template() -> None:
    """The body's statements are indented under the def; a blank one stays empty; the stub has
    the docstring and no body (`...` without a docstring); a method that is not in the stub is
    not rendered there."""
    m = _get_item(decorators=["overload"], doc="Doc.", body=["from . import x", "", "return x"])
    assert str(_MACROS.method(m, False, 8)) == (
        "        @overload\n"
        "        def get_item(self, **kwargs: Unpack[GetItemInputResourceTypeDef]) -> GetItemOutputResourceTypeDef:\n"
        '            """Doc."""\n'
        "            from . import x\n\n"
        "            return x\n"
    )
    assert str(_MACROS.method(m, True, 0)).endswith('-> GetItemOutputResourceTypeDef:\n    """Doc."""\n')
    assert str(_MACROS.method(_get_item(), True, 0)).endswith("-> GetItemOutputResourceTypeDef: ...\n")
    assert str(_MACROS.method(_get_item(stub=False), True)) == ""
    assert str(_MACROS.method(_get_item(ellipsis=True), False)).endswith(": ...\n")


@pytest.mark.parametrize("indent", [0, 4, 8])
def test_long_union_parameter_gets_parentheses_at_its_column(indent: int) -> None:
    """`X | None` that does not fit on its line alone is parenthesised, as black does; whether
    it fits depends on the column the macro writes the def at."""
    long = Name(None, "CreateCertificateAuthorityAuditReportRequestTypeDef")  # 50 columns
    m = Method("f", [SELF, Param("expected_params", Or((long, NONE)), "None")], NONE, body=["pass"])
    code = str(_MACROS.method(m, False, indent)).rstrip("\n")
    alone = indent + 4 + len(f"expected_params: {long.name} | None = None,")  # 86 at column 0
    assert ("expected_params: (" in code) == (alone > 88)
    formatted = _ruff(_module(code, indent))
    assert _black(formatted) == formatted


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (ClassHead("Empty", ()), "class Empty:"),
        (
            ClassHead("PutBucketIntelligentTieringConfigurationRequestRequestTypeDef", ("TypedDict", "total=False")),
            "class PutBucketIntelligentTieringConfigurationRequestRequestTypeDef(\n    TypedDict, total=False\n):",
        ),
        (
            ClassHead("ListObjectsV2OutputTypeDef", (sub(typing_name("Mapping"), Name(None, "str")).render(),)),
            "class ListObjectsV2OutputTypeDef(Mapping[str]):",
        ),
    ],
)
def test_class_head(head: ClassHead, expected: str) -> None:
    code = str(_MACROS.class_head(head, False)) + "    pass"
    src = FUTURE + "\n\n" + expected + "\n    pass\n"
    assert _ruff(FUTURE + "\n\n" + code + "\n") == src == _black(src)


def test_class_head_docstring_in_the_stub_too() -> None:
    """Editors read the stub's docstrings (the .py beside it is a run-time shim)."""
    head = ClassHead("C", ("Base",), "The class.")
    assert str(_MACROS.class_head(head, False, 4)) == '    class C(Base):\n        """The class."""\n\n'
    assert str(_MACROS.class_head(head, True, 4)) == '    class C(Base):\n        """The class."""\n\n'
