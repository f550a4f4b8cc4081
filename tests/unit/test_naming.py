from __future__ import annotations

import keyword

import botocore.session
import pytest

from generator import naming
from generator.load import Source
from generator.model import build


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


def test_method_name_is_botocores() -> None:
    assert naming.method_name("ListObjectsV2") == "list_objects_v2"
    assert naming.method_name("DescribeDBInstances") == "describe_db_instances"


def test_registry_is_first_come_and_unique() -> None:
    reg = naming.Registry()
    assert reg.take("FooTypeDef") == "FooTypeDef"
    assert reg.take("FooTypeDef", "FooOutputTypeDef") == "FooOutputTypeDef"
    assert reg.take("FooTypeDef", "FooOutputTypeDef") == "FooOutputTypeDef2"
    assert reg.take("TypedDict", "Literal") == "Literal2"  # reserved names are never handed out


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
    from generator.load import RawService

    return build(
        RawService(name=name, service={"metadata": meta, "operations": {}, "shapes": {}}, paginators={}, waiters={}, resources=None, client_methods=())
    )


def test_known_prefixes() -> None:
    source = Source()
    for service, prefix in [("s3", "S3"), ("ec2", "EC2"), ("dynamodb", "DynamoDB"), ("lambda", "Lambda"), ("sqs", "SQS"), ("sms-voice", "SMSVoice"), ("pinpoint-sms-voice", "PinpointSMSVoice")]:
        assert naming.class_prefix(build(source.load(service))) == prefix
