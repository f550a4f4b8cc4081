"""The common layouts of ``layout``, written down directly instead of found by its port
of black's line splitting (which gives the same text, only far slower).

Most statements the generator emits that do not fit on one line are split by black at
their own brackets and nothing else: ``return cast(`` / items / ``)``, ``X = Literal[`` /
items / ``]``, ``__all__ = [`` / one item per line / ``]``, ``def f(`` / parameters /
``) -> R:``. The functions here recognise exactly those shapes (anything else: None, and
the caller runs the general algorithm) and only when every line of the result fits: then
black's choice depends on nothing but the kind of bracket, the item count and, for a def
whose return annotation is split, whether black's second pass could join its first lines.
Item texts must be spelled the way black spells them (see ``layout``);
tests/unit/test_layout_direct.py compares every shortcut with the general algorithm."""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Sequence

LINE_LENGTH = 88
_PREFIX = re.compile(r"\w+ = |\w+: |return ")
_STRING = re.compile(r"""(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")
_ODD_SPACE = re.compile(r"\s\s|[^\S ]|^\s|\s$")  # spacing that tokenizing would not keep
_QUOTE_OR_BAR = re.compile(r"[\"'|]")
_MAGIC_COMMA = re.compile(r",\s*[)\]}]")


def width(s: str) -> int:
    """Columns ``s`` takes, East Asian wide characters counting two (like black)."""
    if s.isascii():
        return len(s)
    wide = ("W", "F")
    return sum(
        1 + (unicodedata.east_asian_width(c) in wide and unicodedata.category(c) not in ("Cn", "Mn", "Mc", "Sk"))
        for c in s
    )


def _name(text: str) -> bool:
    return text.isidentifier() and not keyword.iskeyword(text)


def _plain(item: str) -> bool:
    """No comma (so no magic trailing comma), no ``|`` (no invisible parentheses, no
    delimiter) and spaced as the tokens print it back; or a single string literal."""
    if _STRING.fullmatch(item):
        return True
    return bool(item) and not ("," in item or "|" in item or _ODD_SPACE.search(item))


def _param(param: str) -> bool:
    """_plain() for a parameter (not a string; a ``|`` annotation is fine: black wraps it in
    invisible parentheses, which only matter when the parameter does not fit on its line)."""
    return bool(param) and not ("," in param or _ODD_SPACE.search(param))


def bracket_lines(prefix: str, head: str, opening: str, closing: str, items: Sequence[str], indent: int) -> str | None:
    """``<prefix><head><opening>items<closing>`` (too long for one line) split at its
    brackets: the items on one line when they fit there, except that a list or dict
    display of several items always gets one item per line with a trailing comma (black's
    should_split_line), as do items that do not fit on one line together.

    prefix: ``NAME = ``, ``NAME: `` or ``return ``; head: "" (a display) or a name."""
    if not _PREFIX.fullmatch(prefix) or not items or not all(map(_plain, items)):
        return None
    if (head and (opening == "{" or not _name(head))) or (not head and opening == "("):
        return None  # a tuple display takes another path in layout.statement()
    pad = " " * indent
    first = f"{pad}{prefix}{head}{opening}"
    if width(first) > LINE_LENGTH:
        return None
    body = f"{pad}    " + ", ".join(items)
    if (head or len(items) == 1) and width(body) <= LINE_LENGTH:
        return f"{first}\n{body}\n{pad}{closing}"
    if len(items) < 2 or not all(_STRING.fullmatch(i) or width(f"{pad}    {i},") <= LINE_LENGTH for i in items):
        return None  # a long item that black would split further
    return f"{first}\n" + "".join(f"{pad}    {i},\n" for i in items) + f"{pad}{closing}"


def def_lines(
    name: str, params: Sequence[str], returns: str | None, indent: int, stub: bool, subscript: tuple[str, Sequence[str]] | None = None
) -> str | None:
    """A def (too long for one line) with two or more parameters: black's left-hand split,
    ``def name(`` / parameters / ``) -> R:``. The parameters go on one line when they fit
    there, else one per line with a trailing comma; a return annotation ``Name[items]``
    (``subscript``: its name and items) that does not fit is split at its brackets too."""
    if len(params) < 2 or not _name(name) or not all(map(_param, params)):
        return None
    if returns is not None and (_QUOTE_OR_BAR.search(returns) or _MAGIC_COMMA.search(returns) or _ODD_SPACE.search(returns)):
        return None  # black splits a def with a string or magic return annotation at its right-hand side
    pad, end = " " * indent, ": ..." if stub else ":"
    head = f"{pad}def {name}("
    body = [f"{pad}    " + ", ".join(params)]
    if width(body[0]) > LINE_LENGTH:
        body = [f"{pad}    {p}," for p in params]
    if width(head) > LINE_LENGTH or any(width(x) > LINE_LENGTH for x in body):
        return None
    tail = f"{pad})" + (f" -> {returns}" if returns is not None else "") + end
    if width(tail) <= LINE_LENGTH:
        return "\n".join([head, *body, tail])
    if subscript is None or not _name(subscript[0]) or not all(map(_plain, subscript[1])):
        return None
    inner = _returns_inner(f"{head}{', '.join(params)}{',' * (len(body) > 1)}", subscript, pad)
    return None if inner is None else "\n".join([head, *body, *inner, f"{pad}]{end}"])


def _returns_inner(joined: str, subscript: tuple[str, Sequence[str]], pad: str) -> list[str] | None:
    """``) -> Name[`` and the items: on one line when they fit, else one per line with a
    trailing comma, but only when ``joined) -> Name[`` (``joined``: the def up to its
    parameters as black's second pass sees them) does not fit: it would go on one line."""
    name, items = subscript
    lines = [f"{pad}) -> {name}[", f"{pad}    " + ", ".join(items)]
    if width(lines[1]) > LINE_LENGTH:
        if len(items) < 2 or width(f"{joined}) -> {name}[") <= LINE_LENGTH:
            return None
        lines[1:] = [f"{pad}    {i}," for i in items]
    return lines if all(width(x) <= LINE_LENGTH for x in lines) else None
