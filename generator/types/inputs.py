"""Stage 4, typemap (inputs): list and timestamp inputs exactly as botocore takes them.

A `str` is a Sequence[str]: a list input typed Sequence[X] takes a bare `str` wherever a `str`
is an X, and botocore refuses it (invalid type, valid types: list, tuple).
"""

from __future__ import annotations

from .pyexpr import STR, Or, PyExpr, Subscript, builtin, shared, sub, typing_name, union

# A timestamp input: botocore's validator and every serialiser read it with
# parse_to_aware_datetime, which takes a datetime, a string (ISO 8601, RFC 822, epoch digits)
# and an int or float epoch (ResponseExpires=1.5). The package's TimestampTypeDef
# (runtime/_types.py) is datetime | str; the numbers are added here.
TIMESTAMP_INPUT = union(shared("TimestampTypeDef"), builtin("int"), builtin("float"))

# Input types a `str` is a value of: a list of one of them refuses a bare `str` (a `str` is a
# Sequence[str], botocore's validator takes only a list or a tuple).
_TAKES_STR = frozenset(
    {
        STR,
        *(
            shared(n)
            for n in (
                "TimestampTypeDef",
                "BlobTypeDef",
                "EncodedBlobTypeDef",
                "DocumentTypeDef",
                "TableAttributeValueTypeDef",
            )
        ),
    }
)
_UNIONS = frozenset({typing_name("Union"), typing_name("Optional")})


def takes_str(expr: PyExpr) -> bool:
    """Whether a `str` is a value of the input type `expr`."""
    if isinstance(expr, Subscript) and expr.base in _UNIONS:
        return any(takes_str(a) for a in expr.args)
    if isinstance(expr, Or):
        return any(takes_str(a) for a in expr.items)
    return expr in _TAKES_STR


# Input enums narrower than what the service takes (botocore validates no enum value), by
# (service, structure, member) -> the other enum whose values the member also takes.
# sqs: ReceiveMessage's AttributeNames is documented (and answered) with the message system
# attribute names (SentTimestamp, ...), but modelled as a list of QueueAttributeName.
WIDER_INPUT_ENUMS: dict[tuple[str, str, str], str] = {
    ("sqs", "ReceiveMessageRequest", "AttributeNames"): "MessageSystemAttributeName",
}


def list_input(item: PyExpr, item_out: PyExpr, tuples: bool = True) -> PyExpr:
    """A list input of `item`s (`item_out`: what a response's list holds).

    Sequence[item] (covariant: a response's list can be sent back) unless a `str` is an
    `item`: a `str` is then a Sequence[item] too, and botocore refuses it (valid types:
    list, tuple). Such a list is exactly what botocore takes, a list or (`tuples`) a tuple,
    plus a response's list when its items have another type (List is invariant). A list of
    lists stays a Sequence: its items already refuse a `str`, and so does it."""
    if not takes_str(item):
        return sub(typing_name("Sequence"), item)
    exact: list[PyExpr] = [sub(typing_name("List"), item)]
    if tuples:
        exact.append(sub(typing_name("Tuple"), item, builtin("...")))
    if item_out != item:
        exact.append(sub(typing_name("List"), item_out))
    return union(*exact)
