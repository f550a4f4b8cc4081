"""Hypothesis strategies for hostile service definitions in botocore's own JSON format.

A drawn `Definition` holds service-2, paginators-1 and waiters-2 documents exactly as
botocore's Loader reads them from disk (plus a trivial endpoint rule set, which botocore
needs to create a client).  What the real data throws at a generator, and worse: names
that are Python keywords, builtins, typing names, names of the generated modules' own
imports, dunder and underscore names, names differing only in case or only in
punctuation; recursive cycles through structures, lists and maps; unions, documents,
streaming blob payloads, event streams; enums with quotes, backslashes, unicode, empty
and duplicate values; documentation with quotes, triple quotes, backslashes, HTML and
very long text.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import Any

from botocore import xform_name
from hypothesis import strategies as st

API_VERSION = "2020-01-01"

KEYWORDS = sorted(keyword.kwlist + keyword.softkwlist)
BUILTINS = [
    "str",
    "int",
    "float",
    "bool",
    "bytes",
    "dict",
    "list",
    "set",
    "tuple",
    "type",
    "object",
    "property",
    "super",
    "len",
    "id",
    "print",
    "range",
    "copy",
    "Exception",
    "TimeoutError",
    "NotImplemented",
    "Ellipsis",
    "classmethod",
    "staticmethod",
    "format",
    "hash",
    "iter",
]
TYPING = [
    "Union",
    "Optional",
    "Type",
    "List",
    "Dict",
    "Mapping",
    "Sequence",
    "Literal",
    "TypedDict",
    "NotRequired",
    "Required",
    "ReadOnly",
    "Any",
    "IO",
    "Unpack",
    "cast",
    "overload",
    "TYPE_CHECKING",
    "Protocol",
    "Generic",
    "TypeVar",
    "Annotated",
    "Final",
    "ClassVar",
    "Set",
]
# Names the generated modules import or define themselves, and names of the package.
GENERATED = [
    "annotations",
    "sys",
    "datetime",
    "ClientError",
    "BaseClient",
    "BaseClientExceptions",
    "Paginator",
    "PageIterator",
    "Waiter",
    "StreamingBody",
    "EventStream",
    "Document",
    "Timestamp",
    "Blob",
    "DocumentTypeDef",
    "TimestampTypeDef",
    "BlobTypeDef",
    "ResponseMetadataTypeDef",
    "PaginatorName",
    "WaiterName",
    "OperationName",
    "client",
    "paginators",
    "waiters",
    "literals",
    "type_defs",
    "exceptions",
    "raw",
    "meta",
    "create_client",
    "kwargs",
    "self",
    "PAGINATORS",
    "WAITERS",
    "EmptyResponse",
    "Client",
    "Exceptions",
    "PaginatorConfig",
    "WaiterConfig",
    "PaginationConfig",
    "ResponseMetadata",
    "NextToken",
]
DUNDER = [
    "__init__",
    "__class__",
    "__slots__",
    "__dict__",
    "__all__",
    "__name__",
    "__foo",
    "_private",
    "_",
    "__",
    "__x__",
]
CASE_TWINS = ["value", "Value", "VALUE", "vAlue", "item", "Item", "ITEM"]
ODD = ["my-key", "x.y", "1abc", "with space", "ünïcödé", "名前", "a$b", "a/b"]

IDENTIFIER = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,24}", fullmatch=True)
HOSTILE_NAMES = st.sampled_from(KEYWORDS + BUILTINS + TYPING + GENERATED + DUNDER + CASE_TWINS)
# Shape names: botocore's are identifier-like (with `__` prefixes and odd cases).
SHAPE_NAME = st.one_of(HOSTILE_NAMES, HOSTILE_NAMES.map(str.lower), IDENTIFIER, IDENTIFIER.map(lambda s: "__" + s))
# Member names: also non-identifiers, which force the functional TypedDict form.
# A request member called "self" breaks botocore itself (its _api_call(self, **kwargs) gets
# "self" twice), so no real definition can have one; elsewhere the name stays hostile.
MEMBER_NAME = st.one_of(HOSTILE_NAMES, IDENTIFIER, st.sampled_from(ODD)).filter(lambda n: n != "self")
# Operations: PascalCase like botocore's (also keywords once snake_cased: Import -> import).
# Not the names of botocore's own client attributes (meta, close, get_paginator, ...): an
# operation called so would break the boto3 client itself.
_CLIENT_ATTRIBUTES = {
    "meta",
    "exceptions",
    "close",
    "can_paginate",
    "get_paginator",
    "get_waiter",
    "waiter_names",
    "generate_presigned_url",
}
OPERATION_NAME = st.one_of(
    st.sampled_from([k.title() for k in KEYWORDS if k.isalpha()] + TYPING + ["Type", "Str", "None", "Raw"]),
    IDENTIFIER.map(lambda s: s[0].upper() + s[1:]),
).filter(lambda n: xform_name(n) not in _CLIENT_ATTRIBUTES)
# Paginator tokens and result keys are JMESPath identifiers in botocore.
TOKEN_NAME = st.one_of(st.sampled_from([k for k in KEYWORDS if k.isalpha()] + TYPING + CASE_TWINS), IDENTIFIER)
# Services: not botocore's own names (their client customisations would apply).
# Also directory names a custom model can have (AWS_DATA_PATH): quotes, code, spaces, unicode.
HOSTILE_SERVICE_NAMES = [
    'evil"+str(1)+"',
    "q'uote",
    "sp ace",
    "ünï-cödé",
    "back\\slash",
    "a.b",
    "1st",
    "x--y",
    "{brace}",
    "percent%s",
]
SERVICE_NAME = st.sampled_from(
    [
        "class",
        "import",
        "none",
        "typing",
        "sys",
        "aws-typed",
        "my-svc",
        "x1",
        "type-defs",
        "literals",
        "client",
        "async",
        "match",
    ]
    + HOSTILE_SERVICE_NAMES
)
# Waiter names are free text in waiters-2: they become class names through the naming authority.
HOSTILE_WAITER_NAMES = [
    'Q"uote',
    "Sp ace",
    "New\nLine",
    "Ünïcode",
    "9Lives",
    "a.b",
    "Class",
    "None",
    "_Private",
    "__Dunder__",
    "Tab\tbed",
    "Waiter",
    "Paginator",
]

_TEXT_BITS = st.sampled_from(
    [
        '"',
        "'",
        '"""',
        "'''",
        "\\",
        "\\n",
        "\\\\",
        "\\x00",
        "\n",
        "\r\n",
        "\t",
        "<p>",
        "</p>",
        "<code>x</code>",
        '<a href="https://e.x/?a=1&b=2">link</a>',
        "&amp;",
        "&lt;b&gt;",
        "é",
        "😀",
        "\u2028",
        "\u00a0",
        "{",
        "}",
        "%s",
        "{0}",
        " ",
        "\x0c",
        "\ud800",
        "\x85",
        "\u200b",
        "\x1b[0m",
    ]
)
TEXT = st.lists(st.one_of(_TEXT_BITS, st.text(max_size=12)), max_size=12).map("".join)
DOC = st.one_of(
    st.just(""),
    TEXT,
    st.tuples(TEXT, st.integers(200, 12_000)).map(lambda t: (t[0] + " word") * (t[1] // max(len(t[0]) + 5, 1))),
)
ENUM_VALUE = st.one_of(
    st.sampled_from(
        [
            "",
            '"',
            "'",
            "\\",
            '"""',
            "a'b\"c",
            "\\n",
            "é",
            "😀",
            "UPPER",
            "upper",
            "with space",
            "None",
            "True",
            "x" * 120,
            "\ud800",
            "\n",
            "\x00",
        ]
    ),
    st.text(max_size=20),
)
ERROR_CODE = st.one_of(
    IDENTIFIER, st.sampled_from(["AWS.SimpleQueueService.NonExistentQueue", "Foo.Bar", "x-y", "Client.Error"])
)

SCALARS = ["string", "integer", "long", "float", "double", "boolean", "timestamp", "blob"]
KINDS = ["structure"] * 6 + ["enum"] * 2 + ["list"] * 2 + ["map"] * 2 + ["union", "document"] + SCALARS


@dataclass
class Definition:
    """One service's files, as botocore reads them."""

    name: str
    service: dict[str, Any]
    paginators: dict[str, Any]
    waiters: dict[str, Any]

    def files(self) -> dict[str, Any]:
        out: dict[str, Any] = {"service-2": self.service, "endpoint-rule-set-1": ENDPOINT_RULES}
        if self.paginators:
            out["paginators-1"] = {"pagination": self.paginators}
        if self.waiters:
            out["waiters-2"] = {"version": 2, "waiters": self.waiters}
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "service-2": self.service,
            "paginators-1": self.paginators,
            "waiters-2": self.waiters,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Definition:
        return cls(data["name"], data["service-2"], data.get("paginators-1", {}), data.get("waiters-2", {}))


ENDPOINT_RULES = {
    "version": "1.0",
    "parameters": {
        "Region": {"builtIn": "AWS::Region", "required": False, "documentation": "", "type": "String"},
        "Endpoint": {"builtIn": "SDK::Endpoint", "required": False, "documentation": "", "type": "String"},
    },
    "rules": [{"conditions": [], "endpoint": {"url": "https://fuzz.example.invalid"}, "type": "endpoint"}],
}


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


@st.composite
def definitions(draw: st.DrawFn) -> Definition:
    name = draw(SERVICE_NAME)
    protocol = draw(st.sampled_from(["json", "rest-json"]))
    names = _unique(draw(st.lists(SHAPE_NAME, min_size=3, max_size=14)))
    kinds = {n: draw(st.sampled_from(KINDS)) for n in names}
    refs = [n for n in names]  # any shape may be referenced (cycles included)
    shapes: dict[str, Any] = {}
    key_shape = draw(st.sampled_from([n for n in names if kinds[n] in ("string", "enum")] or ["MapKeyString"]))
    if key_shape not in kinds:
        kinds[key_shape] = "string"
    containers = [n for n, k in kinds.items() if k in ("list", "map")]

    def element(n: str) -> str:
        """What list/map `n` holds: anything but a list/map that comes later, so that
        every cycle passes through a structure (a pure list/map cycle has no type;
        see regressions/list_map_cycle_without_structure.json)."""
        later = set(containers[containers.index(n) :])
        return draw(st.sampled_from([r for r in refs if r not in later] or [key_shape]))

    for n, kind in kinds.items():
        doc = draw(DOC)
        spec: dict[str, Any]
        if kind in ("structure", "union"):
            member_names = _unique(draw(st.lists(MEMBER_NAME, min_size=1 if kind == "union" else 0, max_size=6)))
            members = {m: {"shape": draw(st.sampled_from(refs))} for m in member_names}
            for m in members:
                if draw(st.booleans()) and draw(st.booleans()):
                    members[m]["documentation"] = draw(DOC)
            spec = {"type": "structure", "members": members}
            if kind == "union":
                spec["union"] = True
            elif members:
                spec["required"] = draw(st.lists(st.sampled_from(list(members)), unique=True, max_size=len(members)))
        elif kind == "document":
            spec = {"type": "structure", "members": {}, "document": True}
        elif kind == "enum":
            spec = {"type": "string", "enum": draw(st.lists(ENUM_VALUE, min_size=1, max_size=8))}
        elif kind == "list":
            spec = {"type": "list", "member": {"shape": element(n)}}
            if draw(st.integers(0, 5)) == 0:
                spec["sparse"] = True
        elif kind == "map":
            spec = {"type": "map", "key": {"shape": key_shape}, "value": {"shape": element(n)}}
            if draw(st.integers(0, 5)) == 0:
                spec["sparse"] = True
        else:
            spec = {"type": kind}
            if kind == "blob" and draw(st.booleans()):
                spec["streaming"] = True
        if doc:
            spec["documentation"] = doc
        shapes[n] = spec

    taken = set(shapes)

    def fresh(base: str) -> str:
        candidate, i = base, 2
        while candidate in taken:
            candidate, i = f"{base}{i}", i + 1
        taken.add(candidate)
        return candidate

    # Exceptions: structures with odd codes (some code different from the name).
    errors = []
    # Not a name of botocore's own exceptions factory (__init__, from_code): botocore makes
    # every error shape a class attribute of client.exceptions, and would break itself.
    error_names = SHAPE_NAME.filter(lambda n: not (n.startswith("__") and n.endswith("__")) and n != "from_code")
    for err in _unique(draw(st.lists(error_names, max_size=3))):
        err_name = fresh(err)
        spec = {"type": "structure", "members": {"message": {"shape": fresh("ErrorMessage")}}, "exception": True}
        shapes[spec["members"]["message"]["shape"]] = {"type": "string"}
        if draw(st.booleans()):
            spec["error"] = {"code": draw(ERROR_CODE), "httpStatusCode": 400, "senderFault": True}
        if draw(st.booleans()):
            spec["documentation"] = draw(DOC)
        shapes[err_name] = spec
        errors.append(err_name)

    # Operations, unique by their Python method name.
    operations: dict[str, Any] = {}
    op_names = draw(st.lists(OPERATION_NAME, min_size=1, max_size=4, unique_by=xform_name))
    structures = [n for n, k in kinds.items() if k == "structure"]
    for op in op_names:
        spec = {"name": op, "http": {"method": "POST", "requestUri": f"/{len(operations)}"}}
        if draw(st.integers(0, 4)):
            spec["input"] = {
                "shape": draw(st.sampled_from(structures))
                if structures and draw(st.booleans())
                else _new_structure(draw, shapes, fresh, refs, "Request")
            }
        if draw(st.integers(0, 4)):
            out = _new_structure(draw, shapes, fresh, refs, "Output")
            spec["output"] = {"shape": out}
            extra = draw(st.sampled_from(["", "", "stream", "eventstream"]))
            if extra == "stream":
                body = fresh("Body")
                shapes[body] = {"type": "blob", "streaming": True}
                member = draw(MEMBER_NAME.filter(lambda m: m not in shapes[out]["members"]))
                shapes[out]["members"][member] = {"shape": body}
                shapes[out]["payload"] = member
            elif extra == "eventstream":
                stream = fresh("EventStream")
                events = {}
                for ev in _unique(draw(st.lists(MEMBER_NAME, min_size=1, max_size=3))):
                    ev_shape = fresh(f"{ev}Event")
                    shapes[ev_shape] = {
                        "type": "structure",
                        "members": {"Payload": {"shape": draw(st.sampled_from(refs)), "eventpayload": True}},
                        "event": True,
                    }
                    events[ev] = {"shape": ev_shape}
                shapes[stream] = {"type": "structure", "members": events, "eventstream": True}
                member = draw(MEMBER_NAME.filter(lambda m: m not in shapes[out]["members"]))
                shapes[out]["members"][member] = {"shape": stream}
                shapes[out]["payload"] = member
        if errors:
            spec["errors"] = [
                {"shape": e} for e in draw(st.lists(st.sampled_from(errors), unique=True, max_size=len(errors)))
            ]
        if draw(st.booleans()):
            spec["documentation"] = draw(DOC)
        if draw(st.integers(0, 5)) == 0:
            spec["deprecated"] = True
        operations[op] = spec
        if "input" in spec and draw(st.integers(0, 3)) == 0:
            token_shape = fresh("IdempotencyToken")
            shapes[token_shape] = {"type": "string"}
            inp = shapes[spec["input"]["shape"]]
            if inp["type"] == "structure" and not inp.get("union") and not inp.get("document"):
                token = draw(MEMBER_NAME)
                inp.setdefault("members", {})[token] = {"shape": token_shape, "idempotencyToken": True}
                if draw(st.booleans()):
                    inp["required"] = _unique(inp.get("required", []) + [token])

    paginators = _paginators(draw, operations, shapes, fresh)
    waiters = _waiters(draw, operations)
    service = {
        "version": "2.0",
        "metadata": {
            "apiVersion": API_VERSION,
            "endpointPrefix": _host(name),
            "jsonVersion": "1.1",
            "protocol": protocol,
            "protocols": [protocol],
            "serviceFullName": draw(st.one_of(st.just(f"Fuzz {name}"), TEXT.map(lambda t: f"Fuzz {t}"))),
            "serviceAbbreviation": draw(st.sampled_from(["", "Fuzz", "AWS Class", "Amazon None", "Literal", "AWS"])),
            "serviceId": name.replace("-", " ").title(),
            "signatureVersion": "v4",
            "signingName": _host(name),
            "targetPrefix": "Fuzz_" + name.replace("-", "_"),
            "uid": f"{name}-{API_VERSION}",
        },
        "operations": operations,
        "shapes": shapes,
        "documentation": draw(DOC),
    }
    if not service["metadata"]["serviceAbbreviation"]:
        del service["metadata"]["serviceAbbreviation"]
    return Definition(name, service, paginators, waiters)


def _host(name: str) -> str:
    """A host-name label for a service directory name (botocore builds URLs from it)."""
    return re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-") or "fuzz"


def _new_structure(draw: st.DrawFn, shapes: dict[str, Any], fresh: Any, refs: list[str], suffix: str) -> str:
    """A new top-level structure whose members reference any shape."""
    name = fresh(draw(SHAPE_NAME) + suffix)
    members = {m: {"shape": draw(st.sampled_from(refs))} for m in _unique(draw(st.lists(MEMBER_NAME, max_size=5)))}
    spec: dict[str, Any] = {"type": "structure", "members": members}
    if members:
        spec["required"] = draw(st.lists(st.sampled_from(list(members)), unique=True, max_size=len(members)))
    shapes[name] = spec
    return name


def _paginators(draw: st.DrawFn, operations: dict[str, Any], shapes: dict[str, Any], fresh: Any) -> dict[str, Any]:
    out = {}
    for op, spec in operations.items():
        if "input" not in spec or "output" not in spec or not draw(st.booleans()):
            continue
        inp, outp = shapes[spec["input"]["shape"]], shapes[spec["output"]["shape"]]
        if inp.get("union") or inp.get("document") or spec["input"]["shape"] == spec["output"]["shape"]:
            continue
        token_in, token_out, limit, items = (draw(TOKEN_NAME) for _ in range(4))
        if len({token_in, limit}) < 2 or len({token_out, items}) < 2:
            continue
        string, number, item_list = fresh("Token"), fresh("Limit"), fresh("Items")
        shapes[string] = {"type": "string"}
        shapes[number] = {"type": "integer"}
        shapes[item_list] = {"type": "list", "member": {"shape": string}}
        inp.setdefault("members", {}).update({token_in: {"shape": string}, limit: {"shape": number}})
        inp["required"] = [r for r in inp.get("required", []) if r not in (token_in, limit)]
        outp["members"].update({token_out: {"shape": string}, items: {"shape": item_list}})
        if outp.get("payload") in (token_out, items):
            del outp["payload"]
        out[op] = {"input_token": token_in, "output_token": token_out, "result_key": items}
        if draw(st.integers(0, 3)) == 0:  # botocore's JMESPath forms: a || b, [a, b]
            other = draw(TOKEN_NAME.filter(lambda t: t not in (token_out, items)))
            outp["members"][other] = {"shape": string}
            out[op]["output_token"] = draw(st.sampled_from([f"{token_out} || {other}", [token_out, other]]))
            if isinstance(out[op]["output_token"], list):
                out[op]["input_token"] = [token_in, fresh_member(inp, draw)]
                inp["members"][out[op]["input_token"][1]] = {"shape": string}
        if draw(st.integers(0, 3)) == 0:
            count = draw(TOKEN_NAME.filter(lambda t: t not in outp["members"]))
            outp["members"][count] = {"shape": number}
            out[op]["result_key"] = [items, count]
        if draw(st.booleans()):
            out[op]["limit_key"] = limit
    return out


ACCEPTOR = st.fixed_dictionaries(
    {
        "state": st.sampled_from(["success", "failure", "retry"]),
        "matcher": st.sampled_from(["path", "pathAll", "pathAny"]),
        "argument": st.sampled_from(["Items[].Status", "length(Items) > `0`", 'Foo."quoted"', "a || b"]),
        "expected": st.one_of(ENUM_VALUE, st.booleans(), st.integers()),
    }
) | st.fixed_dictionaries(
    {"state": st.sampled_from(["failure", "retry"]), "matcher": st.just("error"), "expected": ERROR_CODE}
)


def fresh_member(shape: dict[str, Any], draw: st.DrawFn) -> str:
    return draw(TOKEN_NAME.filter(lambda t: t not in shape.get("members", {})))


def _waiters(draw: st.DrawFn, operations: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for op in operations:
        if draw(st.integers(0, 3)) == 0:
            taken = {xform_name(w) for w in out}
            name = draw(
                st.one_of(OPERATION_NAME, st.just(op), st.sampled_from(HOSTILE_WAITER_NAMES)).filter(
                    lambda n: xform_name(n) not in taken
                )
            )
            out[name] = {
                "delay": 1,
                "maxAttempts": 2,
                "operation": op,
                "description": draw(DOC),
                "acceptors": [{"state": "success", "matcher": "status", "expected": 200}]
                + draw(st.lists(ACCEPTOR, max_size=3)),
            }
    return out


# ---- boto3 resources-1 documents with hostile names (tests/fuzz/test_fuzz_resources.py) ----
RESOURCE_NAME = st.one_of(
    HOSTILE_NAMES, st.sampled_from(ODD + HOSTILE_WAITER_NAMES), IDENTIFIER.map(lambda s: s[0].upper() + s[1:])
)


@st.composite
def resource_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A resources-1 document over the operations of `RESOURCE_SERVICE`: a service
    resource with an action, a sub-resource and a collection, and a resource with an
    identifier, an action and a waiter, every name drawn from the hostile sets."""
    thing = draw(RESOURCE_NAME)
    ident = draw(RESOURCE_NAME)
    ids_in = [{"target": ident, "source": "input"}]
    ids_out = [{"target": ident, "source": "response", "path": "Things[]"}]
    return {
        "service": {
            "actions": {draw(RESOURCE_NAME): {"request": {"operation": "ListThings"}}},
            "has": {thing: {"resource": {"type": thing, "identifiers": ids_in}}},
            "hasMany": {
                draw(RESOURCE_NAME): {
                    "request": {"operation": "ListThings"},
                    "resource": {"type": thing, "identifiers": ids_out},
                }
            },
        },
        "resources": {
            thing: {
                "identifiers": [{"name": ident}],
                "actions": {
                    draw(RESOURCE_NAME): {
                        "request": {
                            "operation": "GetThing",
                            "params": [{"target": "Name", "source": "identifier", "name": ident}],
                        }
                    }
                },
                "waiters": {
                    draw(RESOURCE_NAME): {
                        "waiterName": "ThingExists",
                        "params": [{"target": "Name", "source": "identifier", "name": ident}],
                    }
                },
            }
        },
    }


RESOURCE_SERVICE: dict[str, Any] = {
    "version": "2.0",
    "metadata": {
        "apiVersion": API_VERSION,
        "endpointPrefix": "fuzzres",
        "jsonVersion": "1.1",
        "protocol": "json",
        "serviceFullName": "Fuzz Resources",
        "serviceId": "Fuzzres",
        "signatureVersion": "v4",
        "targetPrefix": "Fuzzres",
        "uid": f"fuzzres-{API_VERSION}",
    },
    "operations": {
        "ListThings": {
            "name": "ListThings",
            "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "ListIn"},
            "output": {"shape": "ListOut"},
        },
        "GetThing": {
            "name": "GetThing",
            "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "GetIn"},
            "output": {"shape": "GetOut"},
        },
    },
    "shapes": {
        "ListIn": {"type": "structure", "members": {"NextToken": {"shape": "S"}}},
        "ListOut": {"type": "structure", "members": {"Things": {"shape": "Names"}}},
        "GetIn": {"type": "structure", "required": ["Name"], "members": {"Name": {"shape": "S"}}},
        "GetOut": {"type": "structure", "members": {"Name": {"shape": "S"}}},
        "Names": {"type": "list", "member": {"shape": "S"}},
        "S": {"type": "string"},
    },
}
RESOURCE_WAITERS = {
    "version": 2,
    "waiters": {
        "ThingExists": {
            "operation": "GetThing",
            "delay": 1,
            "maxAttempts": 2,
            "acceptors": [{"state": "success", "matcher": "status", "expected": 200}],
        }
    },
}
