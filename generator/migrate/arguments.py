"""Editing a call's argument list without losing its formatting or comments."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

# boto3.client / Session.client and boto3.resource / Session.resource, after service_name
CLIENT_PARAMETERS = (
    "region_name", "api_version", "use_ssl", "verify", "endpoint_url", "aws_access_key_id",
    "aws_secret_access_key", "aws_session_token", "config", "aws_account_id",
)  # fmt: skip
RESOURCE_PARAMETERS = CLIENT_PARAMETERS[:-1]

_EQUAL = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))


def keyword(arg: cst.Arg, name: str, value: cst.BaseExpression | None = None) -> cst.Arg:
    """`arg` as `name=value` (its own value by default), keeping its comma and whitespace."""
    return arg.with_changes(keyword=cst.Name(name), equal=_EQUAL, value=arg.value if value is None else value, star="")


def keywords(args: Sequence[cst.Arg], parameters: Sequence[str]) -> list[cst.Arg] | str:
    """Positional arguments (those after the service name) as keywords; a reason when a
    positional argument cannot be named."""
    out: list[cst.Arg] = []
    position = 0
    for arg in args:
        if arg.star == "*":
            return "a *args splat: its arguments cannot be named"
        if arg.keyword is None and arg.star == "":
            if position >= len(parameters):
                return f"more positional arguments than boto3 takes ({len(parameters) + 1})"
            arg = keyword(arg, parameters[position])
            position += 1
        out.append(arg)
    return out


def drop(call: cst.Call, index: int) -> cst.Call | None:
    """`call` without its argument at `index`, comments around it kept (None when they
    cannot be: a comment in front of a last argument that goes)."""
    args = list(call.args)
    removed = args.pop(index)
    if index == len(args) and args:  # the last goes: the new last takes its comma and whitespace
        if _comments(_after(args[-1])):
            return None
        args[-1] = args[-1].with_changes(comma=removed.comma, whitespace_after_arg=removed.whitespace_after_arg)
        return call.with_changes(args=args)
    if not args:
        return call.with_changes(
            args=(),
            whitespace_before_args=_merge(cst.SimpleWhitespace(""), call.whitespace_before_args, _after(removed)),
        )
    if index == 0:
        return call.with_changes(args=args, whitespace_before_args=_merge(call.whitespace_before_args, _after(removed)))
    previous = args[index - 1]
    assert isinstance(previous.comma, cst.Comma)
    merged = _merge(previous.comma.whitespace_after, _after(removed))
    args[index - 1] = previous.with_changes(comma=previous.comma.with_changes(whitespace_after=merged))
    return call.with_changes(args=args)


def _after(arg: cst.Arg) -> cst.BaseParenthesizableWhitespace:
    """The whitespace after an argument (and its comma)."""
    return arg.comma.whitespace_after if isinstance(arg.comma, cst.Comma) else arg.whitespace_after_arg


def _comments(ws: cst.BaseParenthesizableWhitespace) -> bool:
    if not isinstance(ws, cst.ParenthesizedWhitespace):
        return False
    return ws.first_line.comment is not None or any(line.comment is not None for line in ws.empty_lines)


def _merge(
    kept: cst.BaseParenthesizableWhitespace, *dropped: cst.BaseParenthesizableWhitespace
) -> cst.BaseParenthesizableWhitespace:
    """The whitespace in front of the next argument once an argument is gone: `kept`, with
    the comments of the whitespace around the argument (`dropped`) as lines of their own."""
    for ws in dropped:
        kept = _merge_one(kept, ws)
    return kept


def _merge_one(
    kept: cst.BaseParenthesizableWhitespace, dropped: cst.BaseParenthesizableWhitespace
) -> cst.BaseParenthesizableWhitespace:
    if not _comments(dropped) or kept is dropped:
        return kept
    assert isinstance(dropped, cst.ParenthesizedWhitespace)
    if not isinstance(kept, cst.ParenthesizedWhitespace):
        return dropped
    if kept.first_line.comment is None:  # `f(  # comment` when the line after `(` has none
        return kept.with_changes(first_line=dropped.first_line, empty_lines=[*kept.empty_lines, *dropped.empty_lines])
    moved = cst.EmptyLine(indent=dropped.indent, whitespace=dropped.last_line, comment=dropped.first_line.comment)
    return kept.with_changes(
        empty_lines=[*kept.empty_lines, *([moved] if dropped.first_line.comment else []), *dropped.empty_lines]
    )
