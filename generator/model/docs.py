"""AWS documentation (HTML fragments in the service definitions) to plain text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from html.parser import HTMLParser

_BLOCK = frozenset(
    {
        "p",
        "li",
        "ul",
        "ol",
        "note",
        "important",
        "br",
        "dl",
        "dt",
        "dd",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "pre",
        "table",
        "tr",
    }
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]{2,}|[\t\r\f\v\u00a0]")  # a lone space stays as it is
_MAX_SUMMARY = 600
_API_REFERENCE = "https://docs.aws.amazon.com/goto/WebAPI/{uid}/{operation}"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []

    def _flush(self) -> None:
        text = _clean(self._current)
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._flush()
            if tag == "li":
                self._current.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)


def _clean(parts: list[str]) -> str:
    """The text of one paragraph: its pieces joined, whitespace runs made one space."""
    return _SPACES.sub(" ", "".join(parts).replace("\n", " ")).strip()


def _is_simple(html: str) -> bool:
    """Whether _simple_paragraphs reads ``html`` as HTMLParser would."""
    return _SIMPLE.fullmatch(html) is not None and not _RAW_TEXT.search(html)


def paragraphs(html: str) -> list[str]:
    """The text paragraphs of an HTML fragment (also accepts plain text)."""
    if not html:
        return []
    if _is_simple(html):
        return list(_simple_paragraphs(html))
    return _parsed_paragraphs(html)


def _parsed_paragraphs(html: str) -> list[str]:
    """paragraphs() through HTMLParser, for what _is_simple does not take."""
    parser = _Text()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - malformed HTML: fall back to stripping tags
        return [p for p in (_SPACES.sub(" ", re.sub(r"<[^>]*>", " ", html)).strip(),) if p]
    parser._flush()
    return parser.paragraphs


@lru_cache(maxsize=4096)
def _first_paragraph(html: str) -> str:
    """paragraphs(html)[0] or "", cached: documentation repeats a lot (the input and output
    variants of a shape, a member in many operations); simple HTML is read up to it only."""
    if _is_simple(html):
        return next(_simple_paragraphs(html), "")
    return next(iter(_parsed_paragraphs(html)), "")


# Text, the five common character references, start tags with double-quoted attributes
# and end tags: what most documentation is made of, and what HTMLParser parses alike in
# every Python version (elements whose content it does not parse as markup excepted).
_PIECE = re.compile(
    r"""([^<&]+)|&(amp|lt|gt|quot|apos);"""
    r"""|<([a-zA-Z][a-zA-Z0-9]*)(?: [a-zA-Z][-a-zA-Z0-9]*="[^"<>&]*")*>|</([a-zA-Z][a-zA-Z0-9]*)>"""
)
_SIMPLE = re.compile(  # _PIECE repeated; possessive (linear time), without groups (which re needs)
    r"""(?:[^<&]++|&(?:amp|lt|gt|quot|apos);"""
    r"""|<[a-zA-Z][a-zA-Z0-9]*+(?: [a-zA-Z][-a-zA-Z0-9]*+="[^"<>&]*+")*+>|</[a-zA-Z][a-zA-Z0-9]*+>)*+"""
)
_RAW_TEXT = re.compile(r"<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)[ >]", re.I)
_REFERENCE = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _simple_paragraphs(html: str) -> Iterator[str]:
    """What _Text makes of ``html``, one paragraph at a time, when ``html`` is made of
    _PIECE only (_SIMPLE, no _RAW_TEXT): no HTMLParser, which is slow."""
    current: list[str] = []
    for m in _PIECE.finditer(html):
        text, reference, start, close = m.groups()
        if text or reference:
            current.append(text or _REFERENCE[reference])
            continue
        tag = (start or close).lower()
        if tag in _BLOCK:  # as _Text._flush()
            text = _clean(current)
            if text:
                yield text
            current = ["- "] if start and tag == "li" else []
    text = _clean(current)
    if text:
        yield text


def summary(html: str, limit: int = _MAX_SUMMARY) -> str:
    """The first paragraph, cut at a word boundary when it is very long."""
    first = _first_paragraph(html) if html else ""
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0] + " ..."
    return first


def api_reference(uid: str, operation: str) -> str:
    """Link to the operation's page in the AWS API reference ("" without a uid)."""
    return _API_REFERENCE.format(uid=uid, operation=operation) if uid else ""


def method_doc(html: str, params: list[tuple[str, bool, str]], link: str) -> str:
    """A method docstring: summary, one line per parameter, and the reference link.

    params: (name, required, html documentation)
    """
    parts = [summary(html) or "No documentation in the service definition."]
    if params:
        lines = ["Parameters:"]
        for name, required, doc in params:
            flag = "required" if required else "optional"
            text = summary(doc, 200)
            lines.append(f"- {name} ({flag}){': ' + text if text else ''}")
        parts.append("\n".join(lines))
    if link:
        parts.append(f"API reference: {link}")
    return "\n\n".join(parts)
