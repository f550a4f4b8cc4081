"""The shortcuts taken for speed give exactly what the general code gives.

layout_direct writes the common layouts down instead of running the port of black's line
splitting; pytext wraps docstrings without textwrap; docs reads simple HTML without
HTMLParser.  Each is compared here with the path it stands in for, on inputs shaped like
the generator's (and the lengths around the line length where the layout changes).
"""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import docs, layout
from generator.layout import Br, function_def, pystr, statement
from generator.pytext import _fill, _words

_SETTINGS = settings(max_examples=300, deadline=None)
# names of any length up to a line: hypothesis tries the lengths around the limits
_names = st.builds(lambda n, c: "N" + c * n, st.integers(0, 85), st.sampled_from("abX_9"))
_strings = st.one_of(st.text("ab ,()[]'\"中", max_size=60), _names).map(pystr)
_atoms = st.one_of(
    _names,
    _strings,
    st.builds(lambda a, b: f"{a}.{b}", _names, _names),
    st.builds(lambda a, b: f"Sequence[{a}[{b}]]", _names, _names),
    st.builds(lambda a: f"self._raw.{a}(**kwargs)", _names),
    st.builds(lambda a, b: f"{a} | {b}", _names, _names),
    st.builds(lambda a, b: f"Dict[{a}, {b}]", _names, _names),
)
_brackets = st.sampled_from([("[", "]"), ("(", ")"), ("{", "}")])


def _general(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout, "bracket_lines", lambda *args: None)
    monkeypatch.setattr(layout, "def_lines", lambda *args: None)


@_SETTINGS
@given(
    st.sampled_from(["__all__ = ", "X = ", "Field: ", "return ", "if name in "]),
    st.sampled_from(["", "", "cast", "Literal", "NotRequired", "PageIterator"]),
    _brackets,
    st.lists(_atoms, min_size=1, max_size=6),
    st.sampled_from([0, 4, 8]),
)
def test_statement_shortcut_is_the_general_layout(
    prefix: str, head: str, brackets: tuple[str, str], items: list[str], indent: int
) -> None:
    expr = Br(head, tuple(items), *brackets)
    direct = statement(prefix, expr, indent)
    with pytest.MonkeyPatch.context() as mp:
        _general(mp)
        assert direct == statement(prefix, expr, indent)


@pytest.mark.parametrize("prefix", ["__all__ = ", "return ", "Field: "])
@pytest.mark.parametrize(("head", "brackets"), [("", "[]"), ("", "{}"), ("Literal", "[]"), ("cast", "()")])
def test_statement_shortcut_at_the_line_length(monkeypatch: pytest.MonkeyPatch, prefix: str, head: str, brackets: str) -> None:
    """Every length of one to three items around the line length, where the layout changes."""
    cases = []
    for length in range(1, 90):
        for count in (1, 2, 3):
            form = ["N{}", '"{}"', "x.{}", "f({})"][(length + count) % 4]
            items = tuple(form.format("a" * max(length // count - 2, 1)) for _ in range(count))
            cases += [(Br(head, items, *brackets), indent) for indent in (0, 8)]
    direct = [statement(prefix, expr, indent) for expr, indent in cases]
    _general(monkeypatch)
    assert direct == [statement(prefix, expr, indent) for expr, indent in cases]


def test_def_shortcut_at_the_line_length(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paginator signatures (two parameters, ``PageIterator[R, F]``) of every length."""
    cases = []
    for request in range(0, 80, 3):
        for result in range(5, 60, 2):
            params = ["self", f"**kwargs: Unpack[{'Q' * request}]"]
            cases.append((params, Br("PageIterator", ("R" * result, "F" * (result + 10)))))
    direct = [function_def("paginate", params, returns, 4) for params, returns in cases]
    _general(monkeypatch)
    assert direct == [function_def("paginate", params, returns, 4) for params, returns in cases]


_params = st.one_of(
    st.just("self"),
    st.builds(lambda a: f"**kwargs: Unpack[{a}]", _names),
    st.builds(lambda a: f'operation_name: Literal["{a}"]', _names),
    st.builds(lambda a: f"session: {a} | None = None", _names),
)
_returns = st.one_of(
    st.none(),
    _names,
    st.builds(lambda a, b: Br("PageIterator", (a, b)), _names, _names),
    st.builds(lambda a: Br("Literal", (pystr(a),)), _names),
)


@_SETTINGS
@given(
    st.sampled_from(["paginate", "get_paginator", "a_rather_long_operation_name_of_some_service"]),
    st.lists(_params, min_size=1, max_size=3),
    _returns,
    st.sampled_from([0, 4, 8]),
    st.booleans(),
)
def test_def_shortcut_is_the_general_layout(name: str, params: list[str], returns: Br | str | None, indent: int, stub: bool) -> None:
    direct = function_def(name, params, returns, indent, stub=stub)
    with pytest.MonkeyPatch.context() as mp:
        _general(mp)
        assert direct == function_def(name, params, returns, indent, stub=stub)


@settings(max_examples=500, deadline=None)
@given(st.text("ab-é\x85\u2028\xa0 \n\\", min_size=1, max_size=300), st.sampled_from([30, 71, 75, 79]), st.sampled_from(["", "  "]))
def test_fill_is_textwrap(text: str, width: int, hang: str) -> None:
    words = _words(text)
    if words:
        expected = textwrap.wrap(words, width, subsequent_indent=hang, break_long_words=False, break_on_hyphens=False)
        assert _fill(words, width, hang) == expected


def _with_html_parser(html: str) -> list[str]:
    parser = docs._Text()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.paragraphs


_html_pieces = st.sampled_from(
    ["<p>", "</p>", "<P>", "<li>", "</li>", '<a href="x">', "</a>", "<code>", "</code>", "<br/>", "&amp;", "&lt;",
     "&gt;", "&quot;", "&apos;", "&amp;lt;", "&nbsp;", "&", "<", ">", " ", "\n", "\xa0", "text", "<script>", "</script>",
     '<p class="title">', "< p>", "<note>", "</note>", "-"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_html_pieces, max_size=14).map("".join))
def test_simple_html_is_read_as_html_parser_reads_it(html: str) -> None:
    expected = _with_html_parser(html)
    assert docs.paragraphs(html) == expected
    docs._first_paragraph.cache_clear()
    assert docs.summary(html) == (expected[0] if expected else "")
