"""Python source text for string values, spelled the way black leaves it: docstrings and
string literals (re-exported by ``layout``, which documents the spelling rules).

Both run for every documented shape, member and operation, so each has a fast path for
the common case (plain printable text) that gives exactly what the general path gives.
"""

from __future__ import annotations

import re
from functools import cache

_WS = re.compile(r"[ \t\n\r\f\v]+")
_NOT_ONE_SPACE = re.compile(r"[ \t\n\r\f\v]{2,}|[\t\n\r\f\v]")  # _WS, but a lone " " is left alone
_PARAGRAPH = re.compile(r"\n[ \t\f\v]*\n")
_LIST_ITEM = re.compile(r"\n(?=- )")


def _escape(c: str) -> str:
    if c == "\\":
        return "\\\\"
    if c.isprintable() or c == " ":
        return c
    n = ord(c)
    if 0xD800 <= n <= 0xDFFF:  # a lone surrogate: no class may have it in its __doc__
        return f"\\\\u{n:04x}"  # (type() encodes it as UTF-8), so its escape stays text
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def _words(item: str) -> str:
    """The words of ``item`` (split at ASCII whitespace), escaped, joined by single spaces."""
    plain = _NOT_ONE_SPACE.sub(" ", item).strip(" ")
    if plain.isprintable() and "\\" not in plain:  # nothing to escape (a space is printable)
        return plain
    return " ".join("".join(map(_escape, w)) for w in _WS.split(item) if w)


def _fill(text: str, width: int, hang: str) -> list[str]:
    """textwrap.wrap(text, width, subsequent_indent=hang, break_long_words=False,
    break_on_hyphens=False) for ``text`` made of words joined by single spaces (and no
    other whitespace textwrap knows): greedy, a word longer than the width on a line alone."""
    if len(text) <= width:
        return [text]
    first = _line(width).match(text)
    assert first is not None  # the pattern matches any such text
    rest = _line(width - len(hang)).findall(text, first.end())
    return [first.group(1), *(hang + line for line in rest)]


@cache
def _line(width: int) -> re.Pattern[str]:
    """The longest run of whole words that fits ``width`` (else one long word), and the space after."""
    return re.compile(r"(.{1,%d}|[^ ]+)(?: |\Z)" % width, re.DOTALL)


def docstring(text: str, indent: int) -> str:
    """A triple-quoted docstring black leaves untouched, whose value is ``text``
    with ASCII whitespace normalised: paragraphs (split at blank lines) are
    re-wrapped to ~79 columns, except that a line starting with "- " starts a list
    item (hanging indent); every other character is kept (escaped if needed)."""
    pad = " " * indent
    paragraphs = []
    width = max(79 - indent, 30)
    for para in _PARAGRAPH.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = []
        for item in _LIST_ITEM.split(para):  # "- " at a line start keeps its own line
            joined = _words(item)
            if joined:
                lines += _fill(joined, width, "  " if joined.startswith("- ") else "")
        if lines:
            paragraphs.append("\n".join(lines).replace('"""', '""\\"'))
    if not paragraphs:
        return f'{pad}""""""'
    body = "\n\n".join(paragraphs)
    if body.endswith('""\\"'):  # an escaped quote last: ruff would drop the pad black adds after it
        body = body[:-4] + '"\\""'
    body = " " + body if body.startswith('"') else body  # black pads a quote next to the delimiters
    if "\n" not in body:  # black turns a docstring with one line of text into a one-liner anyway
        return f'{pad}"""{body}{" " * body.endswith(chr(34))}"""'
    lines = [(pad + x if x else "") for x in body.split("\n")]
    return f'{pad}"""' + "\n".join(lines)[indent:] + f'\n{pad}"""'


def _sub_twice(regex: re.Pattern[str], replacement: str, original: str) -> str:
    return regex.sub(replacement, regex.sub(replacement, original))


def pystr(value: str) -> str:
    """A string literal for ``value``, quoted the way black normalises it."""
    if value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'  # what the general path gives: repr() escapes nothing, black prefers "
    s = repr(value)
    orig, new = s[0], "'" if s[0] == '"' else '"'
    body = s[1:-1]
    unescaped_new = re.compile(rf"(([^\\]|^)(\\\\)*){new}")
    escaped_new = re.compile(rf"([^\\]|^)\\((?:\\\\)*){new}")
    escaped_orig = re.compile(rf"([^\\]|^)\\((?:\\\\)*){orig}")
    new_body = _sub_twice(escaped_new, rf"\1\2{new}", body)
    if body != new_body:
        body, s = new_body, f"{orig}{new_body}{orig}"
    new_body = _sub_twice(escaped_orig, rf"\1\2{orig}", new_body)
    new_body = _sub_twice(unescaped_new, rf"\1\\{new}", new_body)
    if new_body.count("\\") > body.count("\\") or (new_body.count("\\") == body.count("\\") and orig == '"'):
        return s
    return f"{new}{new_body}{new}"
