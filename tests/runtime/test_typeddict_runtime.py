"""The TypedDicts at run time, as pydantic and introspection see them: typing_extensions'
below Python 3.12 (typing's ignores NotRequired on 3.10, pydantic refuses it below 3.12),
and typing_extensions needed only by the modules that define TypedDicts."""

from __future__ import annotations

import json
import subprocess
import sys

import pydantic
import pytest
import typing_extensions
from aws_typed import _types
from aws_typed.ec2.type_defs import DescribeInstancesRequestTypeDef
from aws_typed.s3.type_defs import ListObjectsV2RequestTypeDef, PutObjectRequestTypeDef

from tests.conftest import GENERATED


def test_required_keys_honour_not_required() -> None:
    assert PutObjectRequestTypeDef.__required_keys__ == {"Bucket", "Key"}
    assert "Body" in PutObjectRequestTypeDef.__optional_keys__
    assert _types.ResponseMetadataTypeDef.__required_keys__ == {"HTTPStatusCode", "HTTPHeaders", "RetryAttempts"}


def test_typed_dict_comes_from_typing_extensions_below_3_12() -> None:
    expected = typing_extensions.TypedDict if sys.version_info < (3, 12) else __import__("typing").TypedDict
    assert _types.TypedDict is expected


@pytest.mark.filterwarnings("ignore:.*ReadOnly:UserWarning")
def test_pydantic_validates_request_typed_dicts() -> None:
    adapter = pydantic.TypeAdapter(ListObjectsV2RequestTypeDef)
    assert adapter.validate_python({"Bucket": "b", "MaxKeys": 3, "EncodingType": "url"}) == {
        "Bucket": "b",
        "MaxKeys": 3,
        "EncodingType": "url",
    }
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python({"MaxKeys": 3})  # Bucket is required
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python({"Bucket": "b", "EncodingType": "gzip"})  # not an EncodingType
    filters = {"Filters": [{"Name": "tag:env", "Values": ["dev"]}], "MaxResults": 5}
    assert pydantic.TypeAdapter(DescribeInstancesRequestTypeDef).validate_python(filters) == filters


_WITHOUT_TYPING_EXTENSIONS = """
import json, sys

class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "typing_extensions":
            raise ImportError("blocked: typing_extensions")

sys.meta_path.insert(0, Block())
sys.modules.pop("typing_extensions", None)
from aws_typed import ClientError, dynamodb, s3
from aws_typed.dynamodb.conditions import Key
s3.client(region_name="us-east-1").can_paginate("list_objects_v2")
table = dynamodb.resource(region_name="us-east-1").Table("t")
loaded = sorted(m for m in sys.modules if m.startswith("aws_typed."))
result = {"client": [type(table.meta.client).__name__, isinstance(table.meta.client, dynamodb.DynamoDBClient)],
          "loaded": loaded,
          "condition": Key("pk").eq("a").get_expression()["format"]}
try:
    from aws_typed.s3.type_defs import PutObjectRequestTypeDef
    result["required"] = sorted(PutObjectRequestTypeDef.__required_keys__)
except ImportError as exc:
    result["required"] = str(exc)
print(json.dumps(result))
"""


def test_clients_and_resources_run_without_typing_extensions() -> None:
    """Only the TypedDict modules want typing_extensions; clients, resources, conditions
    and ClientError import none of them."""
    env = {"PYTHONPATH": str(GENERATED), "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    run = subprocess.run(
        [sys.executable, "-c", _WITHOUT_TYPING_EXTENSIONS], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout)
    assert result["client"] == ["DynamoDB", True]  # boto3's own client, a DynamoDBClient for isinstance
    assert result["condition"] == "{0} {operator} {1}"
    assert not [m for m in result["loaded"] if m == "aws_typed._types" or m.endswith(".type_defs")]
    if sys.version_info >= (3, 11):  # typing's TypedDict then honours NotRequired
        assert result["required"] == ["Bucket", "Key"]
    else:  # pragma: no cover
        assert "typing_extensions" in result["required"]
