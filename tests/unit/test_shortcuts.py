"""The shortcuts taken for speed give exactly what the general code gives: pytext wraps
docstrings without textwrap; docs reads simple HTML without HTMLParser.  Each is compared
here with the path it stands in for, on inputs shaped like the generator's.
"""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import docs
from generator.text.pytext import _fill, _words


@settings(max_examples=500, deadline=None)
@given(
    st.text("ab-é\x85\u2028\xa0 \n\\", min_size=1, max_size=300),
    st.sampled_from([30, 71, 75, 79]),
    st.sampled_from(["", "  "]),
)
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
