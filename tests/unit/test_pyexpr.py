"""pyexpr (type expressions that know their imports) and imports.ImportSet, on tiny cases."""

from __future__ import annotations

import pytest

from generator.text.layout import Br
from generator.types.imports import UNPACK_BLOCK, ImportSet
from generator.types.pyexpr import (
    NONE,
    STR,
    Literal,
    Name,
    Needs,
    Or,
    Quoted,
    Subscript,
    optional,
    runs,
    shared,
    sub,
    typing_name,
    union,
    unpack,
    uses,
)

TAG = Name(".type_defs", "TagTypeDef")


def test_names_render_and_need_their_module() -> None:
    assert TAG.render() == "TagTypeDef"
    assert TAG.needs() == {(".type_defs", "TagTypeDef")}
    assert STR.needs() == frozenset()  # a builtin
    assert Name(None, "Bucket").needs() == frozenset()  # defined by the module itself


def test_subscripts_nest() -> None:
    expr = sub(typing_name("Dict"), STR, sub(typing_name("List"), optional(TAG)))
    assert expr.render() == "Dict[str, List[Optional[TagTypeDef]]]"
    assert expr.needs() == {
        ("typing", "Dict"),
        ("typing", "List"),
        ("typing", "Optional"),
        (".type_defs", "TagTypeDef"),
    }
    assert [n.name for n in expr.names()] == ["Dict", "str", "List", "Optional", "TagTypeDef"]


def test_layout_keeps_the_outer_brackets_for_the_line_splitter() -> None:
    expr = sub(Name(".._runtime", "PageIterator"), TAG, sub(typing_name("List"), TAG))
    assert expr.layout() == Br("PageIterator", ("TagTypeDef", "List[TagTypeDef]"))
    assert TAG.layout() == "TagTypeDef"


def test_literal_values_go_through_pystr() -> None:
    expr = Literal(("a", 'say "hi"', "back\\slash"))
    assert expr.render() == """Literal["a", 'say "hi"', "back\\\\slash"]"""
    assert expr.needs() == {("typing", "Literal")}


def test_forward_references_still_need_their_names() -> None:
    quoted = Quoted(sub(typing_name("List"), TAG))
    assert quoted.render() == '"List[TagTypeDef]"'
    assert quoted.needs() == {("typing", "List"), (".type_defs", "TagTypeDef")}


def test_unions_and_unpack() -> None:
    assert Or((shared("SessionLike"), NONE)).render() == "SessionLike | None"
    assert union(STR, TAG).render() == "Union[str, TagTypeDef]"
    assert unpack(TAG).needs() == {("typing", "Unpack"), (".type_defs", "TagTypeDef")}


def test_rename_replaces_names_but_keeps_subscript_bases() -> None:
    expr = sub(typing_name("List"), TAG)
    quoted = expr.rename(lambda n: Quoted(n) if n.name in {"TagTypeDef", "List"} else n)
    assert quoted == Subscript(typing_name("List"), (Quoted(TAG),))
    assert quoted.render() == 'List["TagTypeDef"]'


def test_an_import_set_renders_only_what_is_needed() -> None:
    imports = ImportSet(".type_defs", checking=False)
    imports.need(uses(sub(typing_name("List"), TAG), Name("datetime", "datetime"), shared("NotRequired")))
    imports.need(uses(Name(".literals", "ColorType")))
    assert imports.runtime() == (
        "from datetime import datetime\n"
        "from typing import List\n\n"
        "from .._types import NotRequired\n"
        "from .literals import ColorType"
    )


def test_checking_imports_get_their_own_block_and_unpack_its_fallback() -> None:
    imports = ImportSet(".client", at_runtime=[("typing", "Literal")])
    imports.need(uses(unpack(TAG), Literal(("x",)), typing_name("Any")) | runs(typing_name("cast")))
    imports.add(".exceptions", "E", runtime=True).add(".._runtime", "BaseClient", runtime=True)
    assert imports.runtime((".._runtime", ".exceptions")) == (
        "import sys\n"
        "from typing import Literal, TYPE_CHECKING, cast\n\n"
        "from .._runtime import BaseClient\n"
        "from .exceptions import E"
    )
    assert imports.checking(grouped=False) == (
        UNPACK_BLOCK + "\n\n    from typing import Any\n    from .type_defs import TagTypeDef"
    )


def test_a_name_imported_at_run_time_is_not_imported_again_for_the_checker() -> None:
    imports = ImportSet()
    imports.need(
        Needs(types=frozenset({(".._runtime", "PageIterator")}), code=frozenset({(".._runtime", "PageIterator")}))
    )
    assert imports.checking() == ""
    assert imports.runtime() == "from .._runtime import PageIterator"  # no TYPE_CHECKING: nothing needs it


def test_located_and_own_names_are_not_imported() -> None:
    def locate(module: str, name: str) -> str | None:
        return ".._aio" if module == ".._runtime" else module

    imports = ImportSet(".aio", locate=locate)
    imports.need(uses(Name(".aio", "XPaginator"), Name(".._runtime", "Paginator")))
    assert imports.checking() == "    from .._aio import Paginator"


def test_module_imports_and_aliases() -> None:
    imports = ImportSet()
    imports.add_module("builtins", alias="builtins_")
    imports.add(".client", "S3Client", alias="_S3Client", runtime=True)
    assert imports.checking() == "    import builtins as builtins_"
    assert imports.runtime() == "from typing import TYPE_CHECKING\n\nfrom .client import S3Client as _S3Client"


def test_an_unplaced_module_is_an_error() -> None:
    imports = ImportSet().add(".elsewhere", "X", runtime=True)
    with pytest.raises(ValueError, match="elsewhere"):
        imports.runtime((".client",))
