"""boto3.dynamodb.conditions, typed: the Key and Attr condition builders.

Copied verbatim by botoloom into each generated package and re-exported by the dynamodb
service package as `dynamodb.conditions`.  At run time every name here is boto3's own
class; type checkers see the declarations below (boto3 ships no types), so user code
under `mypy --strict` needs no untyped boto3 import.  Values are typed as boto3's
resource layer serialises them (TableAttributeValueTypeDef: no float).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, NamedTuple, Sequence

__all__ = (
    "Attr",
    "AttributeBase",
    "BuiltConditionExpression",
    "ConditionBase",
    "ConditionExpressionBuilder",
    "Key",
    "Size",
)

if TYPE_CHECKING:
    from ._types import ConditionBase as _AnyCondition
    from ._types import TableAttributeValueTypeDef as _Value

    class ConditionBase:
        """A condition: combine with `&`, `|` and `~`; pass as a ...Expression argument."""

        @property
        def expression_format(self) -> str: ...

        @property
        def expression_operator(self) -> str: ...

        def get_expression(self) -> Dict[str, Any]: ...

        def __and__(self, other: _AnyCondition) -> ConditionBase: ...

        def __or__(self, other: _AnyCondition) -> ConditionBase: ...

        def __invert__(self) -> ConditionBase: ...

    class AttributeBase:
        """An attribute (or key) name: its methods build conditions."""

        name: str

        def __init__(self, name: str) -> None: ...

        def eq(self, value: _Value) -> ConditionBase: ...

        def lt(self, value: _Value) -> ConditionBase: ...

        def lte(self, value: _Value) -> ConditionBase: ...

        def gt(self, value: _Value) -> ConditionBase: ...

        def gte(self, value: _Value) -> ConditionBase: ...

        def begins_with(self, value: _Value) -> ConditionBase: ...

        def between(self, low_value: _Value, high_value: _Value) -> ConditionBase: ...

    class Key(AttributeBase):
        """A key attribute, for KeyConditionExpression: Key("pk").eq("a")."""

    class Size(ConditionBase, AttributeBase):
        """size(attribute): compare it with eq(), lt(), ... (Attr("tags").size().gt(2))."""

    class Attr(AttributeBase):
        """A non-key attribute, for FilterExpression and ConditionExpression."""

        def ne(self, value: _Value) -> ConditionBase: ...

        def is_in(self, value: Sequence[_Value]) -> ConditionBase: ...

        def exists(self) -> ConditionBase: ...

        def not_exists(self) -> ConditionBase: ...

        def contains(self, value: _Value) -> ConditionBase: ...

        def size(self) -> Size: ...

        def attribute_type(self, value: str) -> ConditionBase: ...

    class BuiltConditionExpression(NamedTuple):
        """A condition as text, with its name and value placeholders (for the client)."""

        condition_expression: str
        attribute_name_placeholders: Dict[str, str]
        attribute_value_placeholders: Dict[str, Any]

    class ConditionExpressionBuilder:
        """Turns conditions into expression text and placeholders, as boto3's resource
        layer does before it calls the client."""

        def reset(self) -> None: ...

        def build_expression(
            self, condition: _AnyCondition, is_key_condition: bool = False
        ) -> BuiltConditionExpression: ...

else:
    from boto3.dynamodb.conditions import (
        Attr,
        AttributeBase,
        BuiltConditionExpression,
        ConditionBase,
        ConditionExpressionBuilder,
        Key,
        Size,
    )
