from __future__ import annotations

import ast
import keyword
import re
from pathlib import Path

import botocore.session
import pytest

from generator.model.service import build
from generator.naming import rules as naming
from generator.naming import suffixes
from generator.source.load import Source


@pytest.mark.parametrize(
    ("service", "module"),
    [("s3", "s3"), ("lambda", "lambda_"), ("pinpoint-sms-voice", "pinpoint_sms_voice"), ("import", "import_")],
)
def test_module_name(service: str, module: str) -> None:
    assert naming.module_name(service) == module


@pytest.mark.parametrize(
    ("name", "escaped"),
    [("from", "from_"), ("None", "None_"), ("__x", "x__x"), ("1abc", "_1abc"), ("a-b", "a_b"), ("copy", "copy")],
)
def test_escape_identifier(name: str, escaped: str) -> None:
    result = naming.escape_identifier(name)
    assert result == escaped
    assert result.isidentifier() and not keyword.iskeyword(result)


@pytest.mark.parametrize(
    ("shape", "base"),
    [("__string", "String"), ("None", "None"), ("lowerCase", "LowerCase"), ("9lives", "Shape9lives"), ("", "Shape")],
)
def test_type_base(shape: str, base: str) -> None:
    assert naming.type_base(shape) == base


@pytest.mark.parametrize(
    ("method", "ok"),
    [("list_objects_v2", True), ("raw", True), ("import", False), ("global", False), ("overload", False)],
)
def test_declarable_is_boto3s_name_or_nothing(method: str, ok: bool) -> None:
    """A stub declares boto3's method under its own name, or not at all (never `import_`)."""
    assert naming.declarable(method) is ok


def test_class_prefixes_unique_over_all_services() -> None:
    """Every botocore service gets its own client class name (sms-voice vs pinpoint-sms-voice)."""
    source = Source()
    loader = botocore.session.get_session().get_component("data_loader")
    seen: dict[str, str] = {}
    for name in source.available_services():
        meta = loader.load_service_model(name, "service-2")["metadata"]
        svc = build_meta_only(name, meta)
        prefix = naming.class_prefix(svc)
        assert prefix.isidentifier(), (name, prefix)
        assert prefix not in seen, f"{name} and {seen.get(prefix)} share the class prefix {prefix}"
        seen[prefix] = name


def build_meta_only(name: str, meta: dict[str, str]):  # type: ignore[no-untyped-def]
    from generator.source.load import RawService

    return build(
        RawService(
            name=name,
            service={"metadata": meta, "operations": {}, "shapes": {}},
            paginators={},
            waiters={},
            resources=None,
            client_methods=(),
        )
    )


def test_known_prefixes() -> None:
    source = Source()
    for service, prefix in [
        ("s3", "S3"),
        ("ec2", "EC2"),
        ("dynamodb", "DynamoDB"),
        ("lambda", "Lambda"),
        ("sqs", "SQS"),
        ("sms-voice", "SMSVoice"),
        ("pinpoint-sms-voice", "PinpointSMSVoice"),
    ]:
        assert naming.class_prefix(build(source.load(service))) == prefix


# ---- class prefixes do not depend on the installed botocore's naming rule (issue 13) ----


def _botocore_1_43_rule(service_model) -> str:  # type: ignore[no-untyped-def]
    """botocore 1.43.11's get_service_module_name, verbatim: the rule the golden names follow."""
    name = service_model.metadata.get(
        "serviceAbbreviation",
        service_model.metadata.get("serviceFullName", service_model.service_name),
    )
    name = name.replace("Amazon", "")
    name = name.replace("AWS", "")
    name = re.sub(r"\W+", "", name)
    return name


def _botocore_1_44_rule(service_model) -> str:  # type: ignore[no-untyped-def]
    """botocore 1.44.8's get_service_module_name without its table: serviceId based."""
    service_id = service_model.metadata.get("serviceId")
    if service_id is None:
        return service_model.service_name
    return re.sub(r"\W+", "", service_id)


@pytest.fixture
def botocore_1_44_naming(monkeypatch: pytest.MonkeyPatch) -> None:
    """Install botocore 1.44's serviceId-based rule wherever the generator could reach it."""
    import botocore.utils

    monkeypatch.setattr(botocore.utils, "get_service_module_name", _botocore_1_44_rule)
    monkeypatch.setattr(naming, "get_service_module_name", _botocore_1_44_rule, raising=False)


def _with_service_id(meta: dict[str, str], service_id: str) -> dict[str, str]:
    return {**meta, "serviceId": service_id}


@pytest.mark.usefixtures("botocore_1_44_naming")
def test_class_prefix_is_botocore_1_43_rule_for_every_service() -> None:
    """For every botocore service: the 1.43.11 rule over the real ServiceModel, and the same
    with serviceId changed, while botocore 1.44's serviceId rule is the installed one."""
    from botocore.model import ServiceModel

    loader = botocore.session.get_session().get_component("data_loader")
    wrong = []
    for name in Source().available_services():
        definition = loader.load_service_model(name, "service-2")
        expected = naming.type_base(_botocore_1_43_rule(ServiceModel(definition, service_name=name)) or name)
        expected = naming.CLASS_PREFIX_OVERRIDES.get(name, expected)
        meta = definition["metadata"]
        got = {naming.class_prefix(build_meta_only(name, m)) for m in (meta, _with_service_id(meta, "Other Id-1"))}
        if got != {expected}:
            wrong.append((name, expected, sorted(got)))
    assert not wrong


@pytest.mark.usefixtures("botocore_1_44_naming")
@pytest.mark.parametrize(
    ("service", "prefix"),
    [
        ("sqs", "SQS"),
        ("dynamodb", "DynamoDB"),
        ("ec2", "EC2"),
        ("cognito-idp", "CognitoIdentityProvider"),
        ("elbv2", "ElasticLoadBalancingv2"),
    ],
)
def test_known_prefixes_under_botocore_1_44_rule(service: str, prefix: str) -> None:
    """What botocore 1.44.8 renamed (SqsClient, DynamodbClient, ...) keeps the golden names."""
    assert naming.class_prefix(build(Source().load(service))) == prefix


@pytest.mark.parametrize("service_id", ["SQS", "Simple Queue", "sqs-other", ""])
def test_class_prefix_ignores_service_id(service_id: str) -> None:
    meta = {
        "serviceFullName": "Amazon Simple Queue Service",
        "serviceAbbreviation": "Amazon SQS",
        "serviceId": service_id,
    }
    assert naming.class_prefix(build_meta_only("sqs", meta)) == "SQS"
    del meta["serviceAbbreviation"]
    assert naming.class_prefix(build_meta_only("sqs", meta)) == "SimpleQueueService"


# ---- suffix families: joined only by suffixes.join() -----------------------------------------
NAMING = Path(naming.__file__).parent


def hand_joins(source: str) -> list[str]:
    """The places in `source` that join a suffix family (a name imported from .suffixes) by `+`
    or in an f-string instead of by suffixes.join(): there the rule against doubling is skipped."""
    tree = ast.parse(source)
    families = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "suffixes"
        for alias in node.names
        if alias.name not in ("join", "suffixed", "doubles")
    }

    def family(node: ast.expr) -> bool:
        if isinstance(node, ast.Subscript):
            node = node.value
        if isinstance(node, ast.Call):
            node = node.func
        return isinstance(node, ast.Name) and node.id in families

    found = []
    for node in ast.walk(tree):
        parts: list[ast.expr] = []
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            parts = [node.left, node.right]
        elif isinstance(node, ast.JoinedStr):
            parts = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
        found += [f"line {node.lineno}: {ast.unparse(node)}" for part in parts if family(part)]
    return found


@pytest.mark.parametrize("module", sorted(p.name for p in NAMING.glob("*.py") if p.name != "suffixes.py"))
def test_suffix_families_are_joined_by_join(module: str) -> None:
    assert hand_joins((NAMING / module).read_text(encoding="utf-8")) == []


def test_the_join_check_finds_a_hand_join() -> None:
    source = "from .suffixes import TYPE_DEF, VARIANT_SUFFIX, join\na = b + TYPE_DEF\nc = f'{b}{VARIANT_SUFFIX[k]}'\n"
    assert len(hand_joins(source)) == 2
    assert hand_joins("from .suffixes import TYPE_DEF, join\na = join(b, TYPE_DEF)\n") == []


def test_join_doubles_only_grandfathered_families() -> None:
    for family in suffixes.GRANDFATHERED:
        assert suffixes.join("X" + family, family) == "X" + family + family  # published names stay as they were
    assert suffixes.join("ResponseEvent", suffixes.EVENT, suffixes.TYPE_DEF) == "ResponseEventTypeDef"
    assert {suffixes.kind_suffix(k) for k in ("in", "out", "fullpart")} <= suffixes.KIND_SUFFIXES
