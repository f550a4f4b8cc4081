"""Statements of generated code, written flat: each on one line, with its own indent.

The emitters here (``statement``, ``import_from``) say what a statement is (every ``def``
and ``class`` line is written by the templates: templates/_macros.j2); where a line too
long for 88 columns is split is decided once, for every rendered file, by the formatting
pass (``format.py``: ruff in black's style). So the text they return is one line, and the
tests compare what the formatter makes of it with what black makes of it.

What the formatter cannot know is written here:

- a parameter annotation with a top-level ``|`` gets its own parentheses when the
  parameter does not fit on a line by itself (black adds those, ruff does not);
- a comment that must stay on the first line of a signature (``# type: ignore[...]``
  reported on the ``def`` line) goes after its opening parenthesis (written so by the
  ``method`` macro of templates/_macros.j2).

Item texts must be spelled the way black spells them (one space after commas and colons
and around ``=`` of a default, none around ``=`` of a keyword argument, ``pystr()``
literals): the formatter leaves a line that fits alone as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Union

from .pytext import docstring as docstring  # re-exported: part of the layout API
from .pytext import pystr as pystr

LINE_LENGTH = 88  # the formatter's (format.py)


@dataclass(frozen=True)
class Br:
    """A bracketed expression: head + open + comma-separated items + close,
    e.g. Literal["a", "b"], Sequence[X], f(**kwargs); head "" is a list/tuple display."""

    head: str
    items: tuple[Expr, ...]
    open: str = "["
    close: str = "]"


Expr = Union[str, Br]


def flat(e: Expr) -> str:
    """The one-line rendering of ``e``."""
    if isinstance(e, str):
        return e
    return e.head + e.open + ", ".join([i if isinstance(i, str) else flat(i) for i in e.items]) + e.close


def width(s: str) -> int:
    """Columns ``s`` takes, East Asian wide characters counting two (like black and ruff)."""
    if s.isascii():
        return len(s)
    wide = ("W", "F")
    return sum(
        1 + (unicodedata.east_asian_width(c) in wide and unicodedata.category(c) not in ("Cn", "Mn", "Mc", "Sk"))
        for c in s
    )


def statement(prefix: str, expr: Expr, indent: int = 0) -> str:
    """'<indent><prefix><expr>'; prefix is e.g. "X = ", "Name: ", "return "."""
    return " " * indent + prefix + flat(expr)


def param(text: str, indent: int) -> str:
    """``text``, its ``|`` annotation parenthesised when the parameter alone does not fit
    on its line (as black parenthesises it: ``name: (\\n A | B\\n) = default``)."""
    if width(" " * indent + text + ",") <= LINE_LENGTH:
        return text
    parts = _top_level(text)
    if parts is None:
        return text
    name, annotation, default = parts
    return f"{name}: ({annotation}){default}"


_ATOM = re.compile(r"""[^"'()\[\]{}:=|]+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|.""", re.DOTALL)


def _top_level(text: str) -> tuple[str, str, str] | None:
    """(name, annotation, " = default" or "") of a parameter whose annotation has a ``|``
    outside brackets; None for any other parameter."""
    depth, colon, equals, bar = 0, -1, -1, False
    for m in _ATOM.finditer(text):
        s = m.group()
        depth += (s in "([{") - (s in ")]}")
        if depth or s not in ":=|":
            continue
        if s == ":" and colon < 0:
            colon = m.start()
        elif s == "=" and colon >= 0:
            equals = m.start()
            break
        elif s == "|" and colon >= 0:
            bar = True
    if colon < 0 or not bar:
        return None
    end = equals if equals >= 0 else len(text)
    return text[:colon], text[colon + 1 : end].strip(), (" " + text[end:] if equals >= 0 else "")


def import_from(module: str, names: Sequence[str], indent: int = 0) -> str:
    """'from m import a, b'."""
    return " " * indent + f"from {module} import {', '.join(names)}"
