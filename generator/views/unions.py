"""Tagged unions (`"union": true`) as inputs: exactly one member.

botocore's validator rejects a union value with no member ("Must set one of the following
keys") or more than one ("Can only set one").  On the input side a union is therefore a
`Union` of single-member TypedDicts, one per member, that member required:

    ContentBlockTextTypeDef = TypedDict(text: str)          (class syntax in the output)
    ContentBlockTypeDef = Union[ContentBlockTextTypeDef, ContentBlockImageTypeDef, ...]

Outputs keep one TypedDict with every member optional (what botocore returns).  Union
shapes are "sensitive" (typemap._sensitive_shapes): their input and output types differ.
"""

from __future__ import annotations

from typing import AbstractSet

from ..model import docs
from ..naming.rules import is_plain_key
from ..text.layout import Br, pystr, statement
from ..types.pyexpr import TYPE_DEFS, TYPED_DICT, Name, PyExpr, runs, shared, sub, union
from ..types.specs import TypedDictSpec
from .blocks import Block, ClassHead, quote_names


def render_one_of(spec: TypedDictSpec, members: list[tuple[str, str]], local: AbstractSet[str]) -> list[Block]:
    """The single-member TypedDicts of a union input, then the Union alias of them."""
    blocks = []
    by_key = {f.key: f for f in spec.fields}
    for key, name in members:
        expr = sub(shared("ReadOnly"), quote_names(by_key[key].type, local))
        doc = f"{spec.shape} with {key} set: a union takes exactly one member."
        summary = docs.summary(by_key[key].documentation, 200)
        if is_plain_key(key) and key not in {n.name for n in expr.names()}:
            text = doc + (f"\n\n{key}: {summary}" if summary else "")
            head = ClassHead(name, ("TypedDict",), text)
            blocks.append(Block(head, [f"{key}: {expr.render()}"], needs=runs(TYPED_DICT, expr)))
        else:
            item = f"{pystr(key)}: {expr.render()}"
            functional = statement(f"{name} = ", Br("TypedDict", (pystr(name), Br("", (item,), "{", "}")), "(", ")"))
            blocks.append(Block(statement=functional, needs=runs(TYPED_DICT, expr)))
    names = [Name(TYPE_DEFS, name) for _, name in members]
    alias: PyExpr = union(*names) if len(names) > 1 else names[0]
    blocks.append(Block(statement=statement(f"{spec.name} = ", alias.layout()), needs=runs(alias)))
    return blocks


def member_names(one_of: dict[str, list[tuple[str, str]]]) -> list[str]:
    return [name for members in one_of.values() for _, name in members]
