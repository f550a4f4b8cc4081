"""AWS documentation (HTML fragments in the service definitions) to plain text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset({"p", "li", "ul", "ol", "note", "important", "br", "dl", "dt", "dd", "div", "h1", "h2", "h3", "h4", "pre", "table", "tr"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_MAX_SUMMARY = 600
_API_REFERENCE = "https://docs.aws.amazon.com/goto/WebAPI/{uid}/{operation}"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._current).replace("\n", " ")).strip()
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


def paragraphs(html: str) -> list[str]:
    """The text paragraphs of an HTML fragment (also accepts plain text)."""
    if not html:
        return []
    parser = _Text()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - malformed HTML: fall back to stripping tags
        return [p for p in (_SPACES.sub(" ", re.sub(r"<[^>]*>", " ", html)).strip(),) if p]
    parser._flush()
    return parser.paragraphs


def summary(html: str, limit: int = _MAX_SUMMARY) -> str:
    """The first paragraph, cut at a word boundary when it is very long."""
    paras = paragraphs(html)
    if not paras:
        return ""
    first = paras[0]
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
