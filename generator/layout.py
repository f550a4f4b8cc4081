"""Lay out generated statements exactly as black 26.10.1 (default mode) would.

A port of black's line splitting (``linegen.py``: right/left-hand split, delimiter
split, optional parentheses, trailers to omit, magic trailing commas) for what the
generator emits: names, string literals, attribute access, ``|`` unions, calls,
subscripts and list/tuple displays. Like ``black.format_str`` it formats twice: the
second pass sees the trailing commas added by the first as magic ones.

Input text (atoms, heads, prefixes) must already be spelled the way black spells
it: ``pystr()`` literals, one space after commas and colons and around ``=`` of a
default, none around ``=`` of a keyword argument. Not covered: comments, lambdas,
comprehensions, operators other than ``|``, implicit string concatenation,
multi-line strings, brackets in a statement prefix. Indents are multiples of 4.
East Asian widths come from the local ``unicodedata`` (black bundles its own table).
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Union

from .layout_direct import LINE_LENGTH, bracket_lines, def_lines
from .layout_direct import width as _width
from .pytext import docstring as docstring, pystr as pystr  # re-exported: part of the layout API

COMMA, BAR, DOT = 18, 9, 1


@dataclass(frozen=True)
class Br:
    """A bracketed expression: head + open + comma-separated items + close,
    e.g. Literal["a", "b"], Sequence[X], f(**kwargs); head "" is a list/tuple display."""

    head: str
    items: tuple["Expr", ...]
    open: str = "["
    close: str = "]"


Expr = Union[str, Br]


def flat(e: Expr) -> str:
    """The one-line rendering of ``e``."""
    if isinstance(e, str):
        return e
    return e.head + e.open + ", ".join([i if isinstance(i, str) else flat(i) for i in e.items]) + e.close


class _CannotSplit(Exception):
    pass


@dataclass(eq=False, slots=True)
class _Tok:
    """A token; brackets carry their family (br), context (ctx) and partner."""

    text: str
    sp: bool = False  # preceded by a space in the one-line rendering
    kind: str = ""  # "(" opening, ")" closing, "," "|" "." or "s" (string)
    br: str = ""  # "(", "[" or "{" for brackets (also for invisible parens)
    ctx: str = ""  # "call" (call/def/class), "sub", "atom" or "inv" (invisible)
    depth: int = 0
    pair: _Tok | None = None


_texts_changed = 0  # bumped by _set_text(): every cached _Line string is stale then


def _set_text(t: _Tok, text: str) -> None:
    global _texts_changed
    if t.text != text:
        t.text = text
        _texts_changed += 1


@dataclass(eq=False, slots=True)
class _Line:
    toks: list[_Tok]
    depth: int
    inside: bool = False  # black's inside_brackets
    full: bool = True  # all tokens seen by black's BracketTracker (not head/tail)
    split_rhs: bool = False
    _text: str = field(default="", init=False, repr=False)
    _seen: int = field(default=-1, init=False, repr=False)  # _texts_changed when _text was made

    def __str__(self) -> str:
        """The line as text, remade only when a token's text changed since (the layout
        asks for it many times; token lists never change once in a line)."""
        if self._seen != _texts_changed:
            text = "".join([" " + t.text if t.sp else t.text for t in self.toks])
            if self.toks and self.toks[0].sp:  # no space before the first token
                text = text[1:]
            self._text, self._seen = "    " * self.depth + text, _texts_changed
        return self._text

    def lens(self) -> list[int]:
        return [len(t.text) + (t.sp and i > 0) for i, t in enumerate(self.toks)]


_TOKEN = re.compile(
    r"""(\s*)([rRbBuUfF]{0,2}(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
    r"""|\w+|->|\*\*|\.\.\.|\S)"""
)
_CLOSE = {")": "(", "]": "[", "}": "{"}
_TRAILER_CTX = {"(": "call", "[": "sub", "{": "atom"}
_WORD_END = re.compile(r"\w$")


def _tokens(text: str, toks: list[_Tok], sp: bool = False) -> list[_Tok]:
    """Tokenize ``text`` onto ``toks`` (which gives the context), pairing brackets."""
    stack = [t for t in toks if t.kind == "(" and t.pair is None]
    prev = toks[-1] if toks else None
    for m in _TOKEN.finditer(text):
        space, s = m.group(1, 2)
        t = _Tok(s, bool(space) or sp, depth=len(stack))
        sp = False
        if s in _TRAILER_CTX:
            trailer = prev is not None and (
                prev.kind in (")", "s") or (_WORD_END.search(prev.text) is not None and not keyword.iskeyword(prev.text))
            )
            t.kind, t.br = "(", s
            t.ctx = _TRAILER_CTX[s] if trailer else "atom"
            stack.append(t)
        elif s in _CLOSE:
            t.pair = stack.pop()
            t.kind, t.br, t.ctx, t.depth, t.pair.pair = ")", _CLOSE[s], t.pair.ctx, len(stack), t
        else:
            t.kind = s if s in ",|." else "s" if s[-1] in "'\"" else ""
        toks.append(t)
        prev = t
    return toks


def _wrap(toks: list[_Tok], text: str, sp: bool) -> list[_Tok]:
    """Append ``text`` wrapped in black's invisible parentheses."""
    depth = len([t for t in toks if t.kind == "(" and t.pair is None])
    opening = _Tok("", sp, "(", "(", "inv", depth)
    toks = _tokens(text, toks + [opening])
    opening.pair = _Tok("", False, ")", "(", "inv", depth, opening)
    return toks + [opening.pair]


def _fits(line: _Line) -> bool:
    return _width(str(line)) <= LINE_LENGTH


def _delims(line: _Line) -> dict[_Tok, int]:
    """Delimiter priorities at depth 0, like black's BracketTracker.mark()."""
    out: dict[_Tok, int] = {}
    depth, prev = 0, None
    for t in line.toks if line.full else ():
        if t.kind == ")":
            if depth == 0:
                continue
            depth -= 1
        if depth == 0:
            if prev is not None and (t.kind == "|" or (t.kind == "." and prev.kind == ")")):
                out[prev] = BAR if t.kind == "|" else DOT
            elif t.kind == ",":
                out[t] = COMMA
        depth += t.kind == "("
        prev = t
    return out


def _one_seq(opening: _Tok | None, closing: _Tok, toks: list[_Tok], br: str = "(") -> bool:
    """black's is_one_sequence_between(); call/def/class commas count twice."""
    if opening is None or opening.br != br or closing.br != br or opening not in toks:
        return False
    inside = toks[toks.index(opening) + 1 : toks.index(closing)]
    commas = [t for t in inside if t.kind == "," and t.depth == opening.depth + 1]
    return len(commas) * (2 if opening.ctx == "call" and commas else 1) < 2


def _magic(line: _Line) -> bool:
    """Does the line hold a magic trailing comma (black's has_magic_trailing_comma)?"""
    toks = line.toks
    for i, t in enumerate(toks):
        if t.kind == ")" and i and toks[i - 1].kind == "," and t.pair in toks:
            if t.br == "{" or (t.br == "[" and not (t.ctx == "sub" and _one_seq(t.pair, t, toks, "["))):
                return True
            if t.br == "(" and not _one_seq(t.pair, t, toks):
                return True
    return False


def _build(toks: list[_Tok], orig: _Line, opening: _Tok, body: bool) -> _Line:
    """black's bracket_split_build_line()."""
    if not body:
        return _Line(toks, orig.depth, full=False)
    # black's _ensure_trailing_comma(): a lone def parameter (never a return annotation)
    if toks and orig.toks[0].text == "def" and opening.text == "(" and opening.ctx != "inv" and not _plain_comma(toks):
        toks = toks + [_Tok(",", depth=toks[0].depth, kind=",")]
    line = _Line(toks, orig.depth + 1, inside=True)
    delims = _delims(line)
    trailing = bool(toks) and toks[-1].kind == ","
    rest = [p for t, p in delims.items() if not (trailing and t is toks[-1])]
    line.split_rhs = bool(rest) and max(rest) == COMMA and (trailing or opening.ctx in ("atom", "inv"))
    return line


def _plain_comma(toks: list[_Tok]) -> bool:
    """Is there a comma that is not part of a parameter annotation?"""
    depth, in_annotation = 0, False
    for t in toks:
        depth -= t.kind == ")"
        if depth == 0 and t.text in (":", "="):
            in_annotation = t.text == ":"
        elif t.kind == "," and (depth == 0 or not in_annotation):
            return True
        depth += t.kind == "("
    return False


def _split_ok(body: _Line, tail: _Line) -> None:
    tail_len = len(str(tail).strip())
    if not body.toks and tail_len < 3:
        raise _CannotSplit


def _transform(line: _Line, force: bool) -> list[_Line]:
    """black's transform_line()."""
    line_str = str(line)
    if not line.split_rhs and not _magic(line) and _fits(line):
        return [line]
    if line.toks[0].text == "def" and not _funcdef_rhs(line):
        transforms: list[Callable[[_Line, bool], list[_Line]]] = [_lhs]
    else:
        transforms = [_delimiter_split, _rhs_omits] if line.inside else [_rhs_omits]
    for transform in transforms:
        try:
            return _run(line, transform, line_str, force)
        except _CannotSplit:
            continue
    return [line]


def _run(line: _Line, transform: Callable[[_Line, bool], list[_Line]], line_str: str, force: bool) -> list[_Line]:
    """black's run_transformer(), including the FORCE_OPTIONAL_PARENTHESES second opinion."""
    result: list[_Line] = []
    for sub in transform(line, force):
        if str(sub) == line_str:
            raise _CannotSplit
        result += _transform(sub, force)
    parens = [t for t in line.toks if t.ctx == "inv"] if line.full else []
    if force or transform is not _rhs_omits or not parens or any(t.text for t in parens) or _fits(result[0]):
        return result
    copies = {id(t): _Tok(t.text, t.sp, t.kind, t.br, t.ctx, t.depth) for t in line.toks}
    for t in line.toks:
        copies[id(t)].pair = copies.get(id(t.pair)) if t.pair else None
    clone = _Line([copies[id(t)] for t in line.toks], line.depth, line.inside, True, line.split_rhs)
    second = _run(clone, transform, line_str, True)
    return second if all(_fits(x) for x in second) else result


def _funcdef_rhs(line: _Line) -> bool:
    """black's should_split_funcdef_with_rhs()."""
    arrow = [i for i, t in enumerate(line.toks) if t.text == "->"]
    ret: list[_Tok] = []
    for t in line.toks[arrow[0] + 1 :] if arrow else ():
        if t.text == ":":
            break
        ret.append(t)
    first = next((t for t in ret if t.text), None)
    rl = _Line(ret, line.depth)
    return _magic(rl) or (first is not None and first.kind == "s" and _width(str(rl)) + 1 > LINE_LENGTH)


def _lhs(line: _Line, force: bool) -> list[_Line]:
    """black's left_hand_split() (def lines only): split at the first bracket pair."""
    for br in "([":
        head, body, tail, match = _lhs_parts(line, br)
        if match is not None and tail:
            lines = [_build(part, line, match, part is body) for part in (head, body, tail)]
            _split_ok(lines[1], lines[2])
            return [x for x in lines if x.toks]
    raise _CannotSplit


def _lhs_parts(line: _Line, br: str) -> tuple[list[_Tok], list[_Tok], list[_Tok], _Tok | None]:
    head: list[_Tok] = []
    body: list[_Tok] = []
    tail: list[_Tok] = []
    cur, match = head, None
    for t in line.toks:
        if cur is body and t.kind == ")" and match is not None and t.pair is match:
            _set_text(t, _visible(t))  # black's ensure_visible(), it sticks
            _set_text(match, _visible(match))
            cur = tail if body else head
        cur.append(t)
        if cur is head and t.kind == "(" and t.br == br:  # also an invisible paren
            match, cur = t, body
    return head, body, tail, match


def _visible(t: _Tok) -> str:
    return t.text or (t.br if t.kind == "(" else ")")


def _delimiter_split(line: _Line, force: bool) -> list[_Line]:
    """black's delimiter_split()."""
    delims = _delims(line)
    candidates = [p for t, p in delims.items() if t is not line.toks[-1]]
    if not candidates:
        raise _CannotSplit
    prio = max(candidates)
    if prio == DOT and list(delims.values()).count(DOT) == 1:
        raise _CannotSplit
    out: list[list[_Tok]] = [[]]
    for t in line.toks:
        out[-1].append(t)
        if delims.get(t) == prio:
            out.append([])
    if out[-1] and prio == COMMA and out[-1][-1].kind != ",":
        out[-1].append(_Tok(",", depth=out[-1][0].depth, kind=","))
    return [_Line(toks, line.depth, inside=line.inside) for toks in out if toks]


def _omits(line: _Line) -> Iterator[set[_Tok]]:
    """black's generate_trailers_to_omit()."""
    omit: set[_Tok] = set()
    if not _magic(line):
        yield set(omit)
    length, toks, lens = 4 * line.depth, line.toks, line.lens()
    opening: _Tok | None = None
    closing: _Tok | None = None
    inner: set[_Tok] = set()
    for i in range(len(toks) - 1, -1, -1):
        t, prev = toks[i], (toks[i - 1] if i else None)
        length += lens[i]
        if length > LINE_LENGTH:
            break
        comma = prev is not None and prev.kind == "," and not _one_seq(t.pair, t, toks)
        if opening is not None:
            if t is opening:
                opening = None
            elif t.kind == ")":
                if comma:
                    break
                inner.add(t)
        elif t.kind == ")":
            if prev is not None and prev.kind == "(":
                inner.add(t)
                continue
            if closing is not None:
                omit |= {closing} | inner
                inner.clear()
                yield set(omit)
            if comma:
                break
            if t.text:
                opening, closing = t.pair, t


def _rhs_omits(line: _Line, force: bool) -> list[_Line]:
    """black's right_hand_split_with_omits()."""
    starts, pos = {}, 4 * line.depth
    for t, n in zip(line.toks, line.lens()):
        starts[id(t)], pos = pos, pos + n
    first: list[_Line] | None = None
    for omit in _omits(line):
        if omit:
            target = next((t.pair for t in reversed(line.toks) if t.kind == ")" and t not in omit), None)
            if target is not None and target.text and starts.get(id(target), 0) > LINE_LENGTH:
                continue
        lines = _rhs(line, omit, force)
        if first is None and not omit:
            first = lines
        if _fits(lines[0]):
            return lines
    return first if first is not None else _rhs(line, set(), force)


def _first_rhs(line: _Line, omit: set[_Tok]) -> tuple[_Line, _Line, _Line, _Tok, _Tok]:
    """black's _first_right_hand_split(): split at the last bracket pair not omitted."""
    head: list[_Tok] = []
    body: list[_Tok] = []
    tail: list[_Tok] = []
    cur: list[_Tok] = tail
    opening: _Tok | None = None
    closing: _Tok | None = None
    for t in reversed(line.toks):
        if cur is body and t is opening:
            cur = head if body else tail
        cur.append(t)
        if cur is tail and t.kind == ")" and t not in omit:
            opening, closing, cur = t.pair, t, body
    if opening is None or closing is None or not head:
        raise _CannotSplit
    h, b, tl = (_build(x[::-1], line, opening, x is body) for x in (head, body, tail))
    _split_ok(b, tl)
    return h, b, tl, opening, closing


def _rhs(line: _Line, omit: set[_Tok], force: bool) -> list[_Line]:
    """black's right_hand_split() with _maybe_split_omitting_optional_parens()."""
    rhs = _first_rhs(line, omit)
    if not force and rhs[3].ctx == "inv" and not rhs[3].text and _can_omit(rhs[1]):
        try:  # split at the last real bracket instead (black always prefers that here)
            rhs = _first_rhs(line, omit | {rhs[4]})
        except _CannotSplit:
            if len(rhs[1].toks) < 2 and not _fits(rhs[1]):  # not can_be_split(body)
                raise
    head, body, tail, opening, closing = rhs
    _set_text(opening, _visible(opening))
    _set_text(closing, _visible(closing))
    return [x for x in (head, body, tail) if x.toks]


def _can_omit(body: _Line) -> bool:
    """black's can_omit_invisible_parens() (no comments, no multiline strings)."""
    delims = _delims(body)
    if not delims:
        return True
    prio = max(delims.values())
    if list(delims.values()).count(prio) > 1:
        return False
    if prio == DOT:
        return True
    toks, lens = body.toks, body.lens()
    if toks[0].kind == "(" and toks[1].kind != ")":
        length, remainder = 4 * body.depth, False
        for t, n in zip(toks, lens):
            remainder = remainder or (t.kind == ")" and t.pair is toks[0])
            if remainder:
                length += n
                if length > LINE_LENGTH:
                    break
                remainder = t.kind != "("
        else:
            return True
    last = toks[-1]
    if last.kind == ")" and (last.br != "[" or last.ctx != "sub"):
        if toks[-2].kind == "(":
            return False
        length, seen = 4 * body.depth, False
        for t, n in zip(toks, lens):
            length += n
            if t is last.pair:
                if seen or length <= LINE_LENGTH:
                    return True
            elif t.kind == "(":
                seen = True
    return False


def _layout(toks: list[_Tok], depth: int) -> str:
    """black.format_str(): format, then format the result once more."""
    line = _Line(toks, depth)
    first = _transform(line, False)
    if len(first) == 1 and str(first[0]) == str(line):
        return str(line)
    again = [t for x in first for t in x.toks]
    for t in again:
        if t.ctx == "inv":
            _set_text(t, "")
    return "\n".join(str(x) for x in _transform(_Line(again, depth), False))


_BRACKETS = re.compile(r"[()\[\]{}]")


def _check(prefix: str) -> str:
    if _BRACKETS.search(prefix):
        raise ValueError(f"prefix must not contain brackets: {prefix!r}")
    return prefix


def statement(prefix: str, expr: Expr, indent: int = 0) -> str:
    """'<indent><prefix><expr>' laid out like black; prefix is e.g. "X = ", "Name: ", "return "."""
    items = [i if isinstance(i, str) else flat(i) for i in expr.items] if isinstance(expr, Br) else []
    text = expr.head + expr.open + ", ".join(items) + expr.close if isinstance(expr, Br) else expr
    one_line = " " * indent + _check(prefix) + text
    if _width(one_line) <= LINE_LENGTH:  # black leaves a line that fits alone
        return one_line
    if isinstance(expr, Br):
        direct = bracket_lines(prefix, expr.head, expr.open, expr.close, items, indent)
        if direct is not None:
            return direct
    toks = _tokens(prefix, [])
    stripped = prefix.rstrip()
    tuple_display = isinstance(expr, Br) and not expr.head and expr.open == "("
    if (stripped.endswith(("=", ":")) or stripped == "return") and not tuple_display:
        toks = _wrap(toks, text, prefix.endswith(" "))
    else:
        toks = _tokens(text, toks, prefix.endswith(" "))
    return _layout(toks, indent // 4)


class Signature(str):
    """A laid-out 'def' line that can lay itself out again as a stub ('...' body): a .pyi
    needs the layout black gives `def f(...) -> R: ...`, which may split where the plain one
    fits."""

    def __new__(cls, text: str, parts: tuple[str, Sequence[Expr], Expr | None, int]) -> Signature:
        made = super().__new__(cls, text)
        made.parts = parts
        return made

    parts: tuple[str, Sequence[Expr], Expr | None, int]

    comment = ""

    @property
    def stub(self) -> str:
        name, params, returns, indent = self.parts
        return _after_first_line(_function_def(name, params, returns, indent, True), self.comment)

    def with_comment(self, comment: str) -> Signature:
        """This signature with `comment` (e.g. '  # type: ignore[override]') after its first line."""
        made = Signature(_after_first_line(self, comment), self.parts)
        made.comment = comment
        return made


def _after_first_line(text: str, comment: str) -> str:
    first, _, rest = text.partition("\n")
    return "\n".join(filter(None, (first + comment, rest)))


def function_def(
    name: str, params: Sequence[Expr], returns: Expr | None, indent: int = 0, *, stub: bool = False
) -> str:
    """'def name(p1, p2) -> R:' laid out like black; stub=True adds black's one-line ' ...' body
    (for @overload). Without stub, a Signature: its `.stub` is the stub layout."""
    text = _function_def(name, params, returns, indent, stub)
    return text if stub else Signature(text, (name, params, returns, indent))


def _function_def(name: str, params: Sequence[Expr], returns: Expr | None, indent: int, stub: bool) -> str:
    tail = (f" -> {flat(returns)}" if returns is not None else "") + (": ..." if stub else ":")
    one_line = " " * indent + f"def {name}(" + ", ".join(flat(p) for p in params) + ")" + tail
    if _width(one_line) <= LINE_LENGTH:
        return one_line
    sub = (returns.head, [flat(i) for i in returns.items]) if isinstance(returns, Br) and returns.open == "[" else None
    direct = def_lines(name, [flat(p) for p in params], None if returns is None else flat(returns), indent, stub, sub)
    if direct is not None:
        return direct
    toks = _tokens(f"def {name}(", [])
    for i, param in enumerate(params):
        toks = _param(_tokens(",", toks) if i else toks, flat(param), bool(i))
    toks = _tokens(")", toks)
    if returns is not None:
        toks = _wrap(_tokens("->", toks, True), flat(returns), True)
    return _layout(_tokens(": ..." if stub else ":", toks), indent // 4)


def _param(toks: list[_Tok], text: str, sp: bool) -> list[_Tok]:
    """Tokenize a parameter; like black's visit_tname(), wrap a `|` annotation in invisible parens."""
    ms, depth, colon, end = list(_TOKEN.finditer(text)), 0, -1, None
    for i, m in enumerate(ms):
        depth += (m.group(2) in "([{") - (m.group(2) in ")]}")
        if depth == 0 and m.group(2) == ":" and colon < 0:
            colon = i
        elif depth == 0 and m.group(2) == "=" and colon >= 0:
            end = i
            break
    annotation = ms[colon + 1 : end]
    bars = [m for m, d in zip(annotation, _depths(annotation)) if d == 0 and m.group(2) == "|"]
    if colon < 0 or not bars:
        return _tokens(text, toks, sp)
    toks = _wrap(_tokens(text[: ms[colon].end()], toks, sp), text[annotation[0].start(2) : annotation[-1].end()], True)
    return _tokens(text[ms[end].start() :], toks) if end is not None else toks


def _depths(ms: list[re.Match[str]]) -> list[int]:
    depth, out = 0, []
    for m in ms:
        depth -= m.group(2) in ")]}"
        out.append(depth)
        depth += m.group(2) in "([{"
    return out


def class_def(name: str, bases: Sequence[Expr], indent: int = 0) -> str:
    """'class Name(Base, total=False):' laid out like black."""
    args = "(" + ", ".join(flat(b) for b in bases) + ")" if bases else ""
    one_line = " " * indent + f"class {name}{args}:"
    return one_line if _width(one_line) <= LINE_LENGTH else _layout(_tokens(one_line.lstrip(), []), indent // 4)


def import_from(module: str, names: Sequence[str], indent: int = 0) -> str:
    """'from m import a, b', or black's exploded form with a trailing comma."""
    pad = " " * indent
    line = f"{pad}from {module} import {', '.join(names)}"
    if _width(line) <= LINE_LENGTH:
        return line
    return f"{pad}from {module} import (\n" + "".join(f"{pad}    {n},\n" for n in names) + f"{pad})"
