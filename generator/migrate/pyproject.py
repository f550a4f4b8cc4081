"""`botoloom migrate --write-config`: add the services found to [tool.botoloom] services.

The file is read with tomllib and edited as text, so that everything else in it stays
byte-identical: the `services` array is extended where it stands, a missing key goes under
the table's header, a missing table at the end.  The result is parsed again and must hold
exactly what was there plus the new services, or nothing is written.  It is read and
replaced as the sources are (safeio): never through a link, never over an edit made meanwhile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tomllib

from ..errors import UserError
from . import safeio
from .files import Source

_HEADER = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*botoloom[ \t]*\][ \t]*(#[^\r\n]*)?\r?$", re.MULTILINE)
_ANY_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)
_SERVICES = re.compile(r"^[ \t]*services[ \t]*=[ \t]*", re.MULTILINE)


def add_services(path: Path, services: Iterable[str]) -> list[str]:
    """Add `services` to [tool.botoloom] services of `path`; returns the names added."""
    source = Source.named(path)
    try:
        read = safeio.read(source)
        text = read.data.decode("utf-8")
        data = tomllib.loads(text)
    except safeio.Link:
        raise UserError(f"{path}: a link; botoloom never writes through a link: {_by_hand(sorted(services))}") from None
    except (safeio.Refused, OSError) as exc:
        raise UserError(f"{path}: cannot read it: {exc.strerror or exc if isinstance(exc, OSError) else exc}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"{path}: cannot read it: {exc}") from None
    except RecursionError:
        raise UserError(f"{path}: cannot read it: nested too deeply") from None
    table = data.get("tool", {}).get("botoloom", {})
    if not isinstance(table, dict):
        raise UserError(f"{path}: [tool.botoloom] must be a table")
    existing = table.get("services", [])
    if existing == "all":
        return []
    if not (isinstance(existing, list) and all(isinstance(s, str) for s in existing)):
        raise UserError(f'{path}: [tool.botoloom] services must be a list of names or "all"')
    new = sorted(set(services) - set(existing))
    if not new:
        return []
    merged = sorted([*existing, *new]) if existing == sorted(existing) else [*existing, *new]
    edited = _edit(text, "tool" in data and "botoloom" in data["tool"], "services" in table, merged, new)
    _verify(path, data, edited, merged, [*existing, *new])
    try:
        safeio.replace(source, read, edited.encode("utf-8"))
    except (safeio.Refused, OSError) as exc:
        why = exc.strerror or exc if isinstance(exc, OSError) else exc
        raise UserError(f"{path}: cannot write it: {why}; {_by_hand(merged)}") from None
    return new


def _by_hand(services: Iterable[str]) -> str:
    return "add services = [" + ", ".join(f'"{name}"' for name in services) + "] to [tool.botoloom] by hand"


def _edit(text: str, has_table: bool, has_key: bool, merged: list[str], new: list[str]) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    if not has_table:
        separator = "" if not text or text.endswith(("\n", "\r\n")) else newline
        blank = newline if text.strip() else ""
        return f"{text}{separator}{blank}[tool.botoloom]{newline}services = {_array(merged)}{newline}"
    header = _HEADER.search(text)
    if header is None:
        return text  # a dotted or inline table: _verify says so
    if not has_key:
        line = f"services = {_array(merged)}{newline}"
        eol = text.find("\n", header.end())
        return text + newline + line if eol < 0 else text[: eol + 1] + line + text[eol + 1 :]
    section_end = _ANY_HEADER.search(text, header.end())
    key = _SERVICES.search(text, header.end(), section_end.start() if section_end else len(text))
    if key is None or not text.startswith("[", key.end()):
        return text
    end, last = _array_end(text, key.end())
    if "\n" not in text[key.end() : end]:
        return text[: key.end()] + _array(merged) + text[end + 1 :]
    return _extend_multiline(text, key.end(), end, last, new, newline)


def _extend_multiline(text: str, start: int, end: int, last: int, new: list[str], newline: str) -> str:
    """New items as lines of their own before the closing bracket, indented as the first."""
    first_item = re.search(r"\n([ \t]*)\S", text[start:end])
    indent = first_item.group(1) if first_item else "    "
    comma = "" if text[last] in ",[" else ","
    closing_line = text.rfind("\n", start, end) + 1
    lines = "".join(f'{indent}"{name}",{newline}' for name in new)
    if text[closing_line:end].strip():  # `"s3"]`: the bracket shares the last item's line
        return text[: last + 1] + comma + newline + lines.rstrip("\r\n") + text[last + 1 : end] + newline + text[end:]
    return text[: last + 1] + comma + text[last + 1 : closing_line] + lines + text[closing_line:]


def _array_end(text: str, start: int) -> tuple[int, int]:
    """(index of the `]` closing the array opening at `start`, index of its last
    significant character before that, -1 when none): strings and comments skipped."""
    depth, i, last = 0, start, -1
    while i < len(text):
        char = text[i]
        if char == "#":
            newline = text.find("\n", i)
            i = len(text) if newline < 0 else newline
            continue
        if char in "\"'":
            last = i = _string_end(text, i)
            i += 1
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i, last
        if not char.isspace():
            last = i
        i += 1
    return len(text), last


def _string_end(text: str, i: int) -> int:
    quote = text[i]
    triple = text.startswith(quote * 3, i)
    closing = quote * 3 if triple else quote
    j = i + len(closing)
    while j < len(text):
        if quote == '"' and text[j] == "\\":
            j += 2
            continue
        if text.startswith(closing, j):
            return j + len(closing) - 1
        j += 1
    return len(text)


def _array(names: list[str]) -> str:
    return "[" + ", ".join(f'"{name}"' for name in names) + "]"


def _verify(path: Path, before: dict[str, Any], text: str, merged: list[str], appended: list[str]) -> None:
    """The edited text holds what was there, with services `merged` (or `appended`: a
    multi-line array is extended at its end)."""
    try:
        after = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        after = None
    if after not in (_with_services(before, merged), _with_services(before, appended)):
        listed = ", ".join(f'"{name}"' for name in merged)
        raise UserError(f"{path}: cannot add the services to [tool.botoloom] safely; set services = [{listed}] by hand")


def _with_services(data: dict[str, Any], services: list[str]) -> dict[str, Any]:
    tool = dict(data.get("tool", {}))
    tool["botoloom"] = {**tool.get("botoloom", {}), "services": services}
    return {**data, "tool": tool}
