"""Stage 3, naming: the single authority for every Python name in the output.

Method names come from `botocore.xform_name`, class prefixes from botocore's
`get_service_module_name`; everything then passes through the escaping here.
Templates never build names.
"""

from __future__ import annotations

import keyword
import re
from types import SimpleNamespace

from botocore import xform_name
from botocore.utils import get_service_module_name

from .model import Service

# Services whose botocore class name is shared with another service: the later one
# gets its own name here. tests/unit/test_naming.py checks that every class prefix over
# all of botocore's services is unique, so a new clash fails loudly.
CLASS_PREFIX_OVERRIDES = {"sms-voice": "SMSVoice"}

# Names the generated modules import or define themselves; a generated name never takes one.
RESERVED = frozenset(
    {
        "annotations", "TYPE_CHECKING", "Any", "Dict", "IO", "List", "Literal", "Mapping",
        "NotRequired", "Optional", "Sequence", "TypedDict", "Union", "Unpack", "cast",
        "overload", "sys", "datetime", "ClientError", "BaseClient", "BaseClientExceptions",
        "Paginator", "PageIterator", "Waiter", "StreamingBody", "EventStream",
    }
)

_NON_IDENT = re.compile(r"[^0-9A-Za-z_]")


def module_name(service_name: str) -> str:
    """Python module name for a botocore service name: lambda -> lambda_, a-b -> a_b."""
    return escape_identifier(_NON_IDENT.sub("_", service_name))


def escape_identifier(name: str) -> str:
    """A valid, non-keyword, unmangled identifier for `name` (keywords get a trailing _).

    Builtins are not escaped: boto3's own names (a `copy` method, a `TimeoutError`
    exception) must stay what they are, and shadowing inside a module is harmless.
    """
    name = _NON_IDENT.sub("_", name) or "_"
    if name[0].isdigit():
        name = "_" + name
    if keyword.iskeyword(name):
        name += "_"
    if name.startswith("__"):
        name = "x" + name
    return name


def class_prefix(service: Service) -> str:
    """S3, EC2, DynamoDB, Lambda...: botocore's own class name for the service's client."""
    if service.name in CLASS_PREFIX_OVERRIDES:
        return CLASS_PREFIX_OVERRIDES[service.name]
    shim = SimpleNamespace(
        service_name=service.name,
        metadata={"serviceAbbreviation": service.abbreviation, "serviceFullName": service.full_name}
        if service.abbreviation
        else {"serviceFullName": service.full_name},
    )
    prefix = get_service_module_name(shim)
    return type_base(prefix or service.name.title().replace("-", ""))


def type_base(shape_name: str) -> str:
    """A shape name made safe as the start of a class or alias name.

    Leading underscores would be name-mangled inside class bodies, so they go; the
    first letter is upper-cased; anything that is not an identifier character goes.
    """
    name = _NON_IDENT.sub("", shape_name.lstrip("_"))
    if not name:
        name = "Shape"
    if name[0].isdigit():
        name = "Shape" + name
    return name[0].upper() + name[1:]


def method_name(operation_name: str) -> str:
    """The Python method name boto3 gives an operation, escaped if it is a keyword."""
    return escape_identifier(xform_name(operation_name))


def is_plain_key(key: str) -> bool:
    """Can `key` be a TypedDict member in class syntax? (else the functional form is used)"""
    return key.isidentifier() and not keyword.iskeyword(key) and not key.startswith("__")


class Registry:
    """Hands out unique names in one namespace, deterministically: first come, first served."""

    def __init__(self, reserved: frozenset[str] = RESERVED) -> None:
        self._taken: set[str] = set(reserved)

    def take(self, *candidates: str) -> str:
        """The first free candidate; else the last one with the smallest free number."""
        for name in candidates:
            if name not in self._taken:
                self._taken.add(name)
                return name
        base, n = candidates[-1], 2
        while f"{base}{n}" in self._taken:
            n += 1
        self._taken.add(f"{base}{n}")
        return f"{base}{n}"
