"""One TypedDict as the blocks a template prints (type_defs, aio_type_defs, stubber).

Class syntax when every key is an identifier that no annotation of the class uses; else the
functional form `Name = TypedDict("Name", {...})`.  A union input is a Union of
single-member TypedDicts (views/unions.py).  Input-side TypedDicts are read-only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import AbstractSet

from ..model import docs
from ..naming.rules import is_plain_key
from ..text.layout import Br, pystr, statement
from ..types.pyexpr import TYPED_DICT, PyExpr, runs, shared, sub
from ..types.specs import TypedDictSpec
from ..types.variants import IN
from .blocks import Block, ClassHead, quote_names
from .unions import render_one_of

OneOf = Mapping[str, list[tuple[str, str]]]  # union input -> (member, TypedDict) (TypeMap.one_of)


def spec_blocks(one_of: OneOf, spec: TypedDictSpec, local: AbstractSet[str]) -> list[Block]:
    """The blocks of `spec`; a name of `local` (not defined yet: a cycle) is quoted."""
    if spec.name in one_of:  # a union input: exactly one member (views/unions.py)
        return render_one_of(spec, one_of[spec.name], local)
    read_only = spec.variant == IN
    fields: list[tuple[str, PyExpr]] = []
    for f in spec.fields:
        expr = quote_names(f.type, local)
        expr = sub(shared("ReadOnly"), expr) if read_only else expr
        fields.append((f.key, expr if f.required else sub(shared("NotRequired"), expr)))
    needs = runs(TYPED_DICT, *(t for _, t in fields))
    # Class syntax unless a key is not an identifier, or would shadow a name that the
    # class's own annotations use (a glue member is called Mapping).
    used = {n.name for _, t in fields for n in t.names()}
    if fields and all(is_plain_key(k) and k not in used for k, _ in fields):
        doc = docs.summary(spec.documentation, 300) or f"{spec.shape} ({spec.variant.label})."
        body = [f"{k}: {t.render()}" for k, t in fields]
        return [Block(ClassHead(spec.name, ("TypedDict",), doc), body, needs=needs)]
    items = tuple(f"{pystr(k)}: {t.render()}" for k, t in fields)
    head = statement(f"{spec.name} = ", Br("TypedDict", (pystr(spec.name), Br("", items, "{", "}")), "(", ")"))
    return [Block(statement=head, needs=needs)]
