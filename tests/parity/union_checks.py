"""A tagged union on the input side: a Union of single-member TypedDicts, one per member of
the shape, that member required (botocore's validator wants exactly one)."""

from __future__ import annotations

import typing
from typing import Any

import typing_extensions


def check_union_input(checker: Any, hint: Any, shape: Any, where: str, owner: Any, unwrap: Any) -> None:
    key = (id(hint), shape.name, "union")
    if key in checker._seen:
        return
    checker._seen.add(key)
    args = typing.get_args(hint) if typing.get_origin(hint) is typing.Union else (hint,)
    seen: set[str] = set()
    for arg in args:
        td = checker.resolve(arg, owner)
        if not typing_extensions.is_typeddict(td):
            checker.fail(where, f"union {shape.name}: {td!r} is not a TypedDict")
            continue
        keys = set(td.__required_keys__) | set(td.__optional_keys__)
        if len(keys) != 1 or set(td.__required_keys__) != keys:
            checker.fail(
                where,
                f"union {shape.name}: {td.__name__} has keys {sorted(keys)}, required {sorted(td.__required_keys__)}: not exactly one required member",
            )
            continue
        (name,) = keys
        if name not in shape.members:
            checker.fail(where, f"union {shape.name}: {td.__name__} has {name!r}, not a member")
            continue
        seen.add(name)
        member_hint = checker.resolve(unwrap(checker.resolve(td.__annotations__[name], td)), td)
        checker.value(
            member_hint, shape.members[name], "in", f"{where}.{name}", parent=shape.name, member=name, owner=td
        )
    for name in sorted(set(shape.members) - seen):
        checker.fail(where, f"union {shape.name}: no single-member TypedDict for {name!r}")
