"""Placing the module-level imports migrate adds where ruff's isort (I001) puts them, and
leaving no stray blank lines where boto3's imports were removed.

The import block is the run of import statements at the top of the module (after its
docstring).  Sections, in order: `__future__`, the standard library, third party, first party
(a directory or module of that name in the project, or in its src/, as ruff finds them),
relative.  Within a section, `import x` lines come before `from x import y` lines, each
sorted by module name, case-insensitively.  Blank lines the file has are kept (the blank
lines above a removed import do not stack on those of the next statement: bindings).  A file with no import block gets the import
from libcst's AddImportsVisitor (after the docstring).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import cast

import libcst as cst
from libcst.helpers import get_full_name_for_node

FUTURE, STDLIB, THIRD_PARTY, FIRST_PARTY, LOCAL = range(5)
Key = tuple[int, int, str]


def first_party(project: Path) -> frozenset[str]:
    """Top-level names ruff counts as first party: directories and modules of `project`
    and of `project/src`."""
    names: set[str] = set()
    for root in (project, project / "src"):
        try:
            entries = list(root.iterdir())
        except OSError:
            continue
        names.update(e.stem if e.suffix == ".py" else e.name for e in entries if e.suffix in ("", ".py"))
    return frozenset(n for n in names if n.isidentifier())


def section(module: str, relative: bool, own: Collection[str]) -> int:
    top = module.split(".")[0]
    if relative:
        return LOCAL
    if top == "__future__":
        return FUTURE
    if top in sys.stdlib_module_names:
        return STDLIB
    return FIRST_PARTY if top in own else THIRD_PARTY


def line(package: str, names: Mapping[str, str]) -> cst.SimpleStatementLine:
    """`from <package> import a, b as c`, names sorted."""
    aliases = [
        cst.ImportAlias(name=cst.Name(name), asname=None if alias == name else cst.AsName(name=cst.Name(alias)))
        for name, alias in sorted(names.items(), key=lambda item: _member_key(*item))
    ]
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    aliases = [*(a.with_changes(comma=comma) for a in aliases[:-1]), aliases[-1]]
    module = cst.parse_expression(package)
    assert isinstance(module, (cst.Attribute, cst.Name))
    return cst.SimpleStatementLine(body=[cst.ImportFrom(module=module, names=aliases)])


def merge(module: cst.Module, package: str, names: Mapping[str, str], own: Collection[str]) -> cst.Module | None:
    """`module` with `names` added to the `from <package> import ...` of its import block (one
    statement on its line, names sorted as ruff sorts them); None when it has none."""
    body = list(module.body)
    start, keys = _block(body, own)
    for index, statement in enumerate(body[start : start + len(keys)], start):
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            continue
        small = statement.body[0]
        if not isinstance(small, cst.ImportFrom) or small.relative or isinstance(small.names, cst.ImportStar):
            continue
        if small.module is None or get_full_name_for_node(small.module) != package or small.lpar is not None:
            continue
        have = {get_full_name_for_node(a.name) or "": a.evaluated_alias or a.evaluated_name for a in small.names}
        if len(have) != len(small.names) or any("." in name for name in have):
            continue
        merged = line(package, {**have, **names}).body[0]
        assert isinstance(merged, cst.ImportFrom)
        body[index] = statement.with_changes(body=[small.with_changes(names=merged.names)])
        return module.with_changes(body=body)
    return None


def combine(module: cst.Module, package: str, own: Collection[str]) -> cst.Module:
    """The `from <package> import ...` lines of the import block as one (ruff's isort combines
    them: two moved imports, `ClientError` and `StreamingBody`, become one line); only lines
    with no comment of their own are combined."""
    body = list(module.body)
    start, keys = _block(body, own)
    found = [i for i in range(start, start + len(keys)) if _plain_from(body[i], package)]
    if len(found) < 2:
        return module
    names: dict[str, str] = {}
    for index in found:
        small = cast(cst.SimpleStatementLine, body[index]).body[0]
        assert isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar)
        names.update({get_full_name_for_node(a.name) or "": a.evaluated_alias or a.evaluated_name for a in small.names})
    first = cast(cst.SimpleStatementLine, body[found[0]])
    body[found[0]] = first.with_changes(body=line(package, names).body)
    return module.with_changes(body=[s for i, s in enumerate(body) if i not in found[1:]])


def _plain_from(statement: cst.BaseStatement, package: str) -> bool:
    """`from <package> import a, b as c` alone on its line, without parentheses or comments."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    small = statement.body[0]
    if not isinstance(small, cst.ImportFrom) or small.relative or isinstance(small.names, cst.ImportStar):
        return False
    if small.module is None or get_full_name_for_node(small.module) != package or small.lpar is not None:
        return False
    comment = statement.trailing_whitespace.comment is not None
    return not comment and all(empty.comment is None for empty in statement.leading_lines)


def _member_key(name: str, alias: str) -> tuple[int, str, str, str]:
    """ruff's order-by-type: CONSTANTS, then Classes, then the rest, each case-insensitively."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, name.lower(), name, alias


def _key(statement: cst.BaseStatement, own: Collection[str]) -> Key | None:
    """(section, 0 for `import` / 1 for `from`, module) of an import line; None otherwise."""
    if not isinstance(statement, cst.SimpleStatementLine) or not statement.body:
        return None
    first = statement.body[0]
    if not all(isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body):
        return None
    if isinstance(first, cst.Import):
        module = get_full_name_for_node(first.names[0].name) or ""
        return section(module, False, own), 0, module.lower()
    assert isinstance(first, cst.ImportFrom)
    module = (get_full_name_for_node(first.module) if first.module is not None else None) or ""
    return section(module, bool(first.relative), own), 1, module.lower()


def block(body: Sequence[cst.BaseStatement], own: Collection[str]) -> tuple[int, list[Key]]:
    """(index of the first line of the module's import block, the keys of its lines)."""
    return _block(body, own)


def _block(body: Sequence[cst.BaseStatement], own: Collection[str]) -> tuple[int, list[Key]]:
    """(index of the first import line, the keys of the block's lines)."""
    start = 1 if body and _is_docstring(body[0]) else 0
    keys = []
    for statement in body[start:]:
        key = _key(statement, own)
        if key is None:
            break
        keys.append(key)
    return start, keys


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def take_place(
    module: cst.Module,
    new: cst.SimpleStatementLine,
    own: Collection[str],
    going: Callable[[cst.SimpleStatementLine], bool],
) -> cst.Module | None:
    """`module` with the first import line of its block that is `going` (boto3's, unused now)
    turned into `new` where it stands (its comments and blank lines kept), when that is where
    ruff would put `new`; None when there is no such line."""
    body = list(module.body)
    start, keys = _block(body, own)
    ours = _key(new, own)
    assert ours is not None
    for i in range(len(keys)):
        statement = body[start + i]
        if not isinstance(statement, cst.SimpleStatementLine) or not going(statement):
            continue
        if keys[i][0] != ours[0]:  # boto3 is third party; the package may be the project's own
            continue
        if (i == 0 or keys[i - 1] <= ours) and (i + 1 == len(keys) or ours <= keys[i + 1]):
            body[start + i] = statement.with_changes(body=new.body)
            return module.with_changes(body=body)
    return None


def place(module: cst.Module, new: cst.SimpleStatementLine, own: Collection[str]) -> cst.Module | None:
    """`module` with `new` (a from-import) in its import block where ruff would put it; None
    when the module has no import block."""
    body = list(module.body)
    start, keys = _block(body, own)
    if not keys:
        return None
    ours = _key(new, own)
    assert ours is not None
    at = next((i for i, key in enumerate(keys) if key > ours), len(keys))
    before = keys[at - 1] if at else None
    after = keys[at] if at < len(keys) else None
    if before is not None and before[0] == ours[0]:
        placed = new
    elif after is not None and at == 0 or after is not None and after[0] == ours[0]:
        nxt = body[start + at]
        blank, rest = _split_blank(nxt.leading_lines)
        placed = new.with_changes(leading_lines=blank)
        body[start + at] = nxt.with_changes(leading_lines=([] if after[0] == ours[0] else [cst.EmptyLine()]) + rest)
    else:
        placed = new.with_changes(leading_lines=[cst.EmptyLine()])
        if after is not None and not _split_blank(body[start + at].leading_lines)[0]:
            nxt = body[start + at]
            body[start + at] = nxt.with_changes(leading_lines=[cst.EmptyLine(), *nxt.leading_lines])
    body.insert(start + at, placed)
    return module.with_changes(body=body)


def tidy(module: cst.Module, own: Collection[str]) -> cst.Module:
    """A blank line after the import block when there is none (2 before a def or class), as
    ruff wants; blank lines the file has are kept."""
    body = list(module.body)
    start, keys = _block(body, own)
    after = start + len(keys)
    if not keys or after >= len(body) or body[after].leading_lines:
        return module
    statement = body[after]
    want = 2 if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) else 1
    body[after] = statement.with_changes(leading_lines=[cst.EmptyLine()] * want)
    return module.with_changes(body=body)


def is_sorted(module: cst.Module, own: Collection[str]) -> bool:
    """Whether the import block is as ruff sorts it: lines in key order, one blank line
    between sections and none within one."""
    body = list(module.body)
    start, keys = _block(body, own)
    if keys != sorted(keys):
        return False
    for i in range(1, len(keys)):
        blank, _ = _split_blank(body[start + i].leading_lines)
        if len(blank) != (keys[i][0] != keys[i - 1][0]):
            return False
    return True


def sort_block(module: cst.Module, own: Collection[str]) -> cst.Module:
    """The import block's lines in ruff's order (each with the comments above it), one blank
    line between sections and none within one; what is above the block as it was."""
    body = list(module.body)
    start, keys = _block(body, own)
    if len(keys) < 2:
        return module
    lines = body[start : start + len(keys)]
    above, _ = _split_blank(lines[0].leading_lines)
    order = sorted(range(len(lines)), key=lambda i: keys[i])
    for n, i in enumerate(order):
        blank, rest = _split_blank(lines[i].leading_lines)
        want = len(above) if n == 0 else int(keys[i][0] != keys[order[n - 1]][0])
        lead = blank if len(blank) == want else (above if n == 0 else [cst.EmptyLine()] * want)
        body[start + n] = lines[i].with_changes(leading_lines=[*lead, *rest])
    return module.with_changes(body=body)


def is_type_checking(statement: cst.CSTNode) -> bool:
    """`if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`) with an indented block."""
    if not isinstance(statement, cst.If) or not isinstance(statement.body, cst.IndentedBlock):
        return False
    return get_full_name_for_node(statement.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")


def checking_sorted(module: cst.Module, own: Collection[str]) -> bool:
    """Whether the imports of every module-level `if TYPE_CHECKING:` are as ruff sorts them."""
    blocks = [s.body for s in module.body if isinstance(s, cst.If) and is_type_checking(s)]
    return all(is_sorted(block_module(b), own) for b in blocks if isinstance(b, cst.IndentedBlock))


def block_module(block: cst.IndentedBlock) -> cst.Module:
    """The statements of an indented block as a module (to place and sort imports in it)."""
    return cst.Module(
        body=[s for s in block.body if isinstance(s, (cst.SimpleStatementLine, cst.BaseCompoundStatement))]
    )


def sort_checking(module: cst.Module, own: Collection[str], package: str) -> cst.Module:
    """The imports of every module-level `if TYPE_CHECKING:` in ruff's order (sort_block), the
    package's from-imports combined."""
    body = list(module.body)
    for i, statement in enumerate(body):
        if is_type_checking(statement):
            assert isinstance(statement, cst.If) and isinstance(statement.body, cst.IndentedBlock)
            inner = sort_block(combine(block_module(statement.body), package, own), own)
            body[i] = statement.with_changes(body=statement.body.with_changes(body=inner.body))
    return module.with_changes(body=body)


def _split_blank(lines: Sequence[cst.EmptyLine]) -> tuple[list[cst.EmptyLine], list[cst.EmptyLine]]:
    """(the blank lines leading `lines`, the rest from the first comment on)."""
    lines = list(lines)
    n = next((i for i, empty in enumerate(lines) if empty.comment is not None), len(lines))
    return lines[:n], lines[n:]
