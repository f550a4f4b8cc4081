"""meta.client is the typed client of the resource's own service; typed conditions
refuse values boto3's resource layer cannot serialise and conditions it cannot combine."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import dynamodb, s3
from aws_typed.dynamodb.conditions import Attr, Key
from aws_typed.s3.service_resource import Bucket


def clients(bucket: Bucket, table: dynamodb.service_resource.Table) -> None:
    wrong: dynamodb.DynamoDBClient = bucket.meta.client  # E[mypy]: expression has type "S3Client", variable has type "DynamoDBClient"  # E[pyright]: "S3Client" is not assignable to "DynamoDBClient"
    table.meta.client.list_objects_v2(Bucket="b")  # E[mypy]: "DynamoDBResourceClient" has no attribute "list_objects_v2"  # E[pyright]: cannot access attribute "list_objects_v2" for class "DynamoDBResourceClient"
    bucket.meta.client.head_object(Bucket="b")  # E[mypy]: missing named argument "Key" for "head_object" of "S3Client"  # E[pyright]: argument missing for parameter "Key"
    s3_client: s3.S3Client = bucket.meta.client
    s3_client.describe_table(TableName="t")  # E[mypy]: "S3Client" has no attribute "describe_table"  # E[pyright]: cannot access attribute "describe_table" for class "S3Client"


def conditions(table: dynamodb.service_resource.Table) -> None:
    Key("pk").eq(1.5)  # E[mypy]: argument 1 to "eq" of "AttributeBase" has incompatible type "float"  # E[pyright]: argument of type "float" cannot be assigned to parameter "value"
    both = Key("pk") & Key("sk")  # E[mypy]: unsupported left operand type for &  # E[pyright]: operator "&" not supported for types "Key" and "Key"
    table.query(KeyConditionExpression=Key("pk"))  # E[mypy]: argument "KeyConditionExpression" to "query" of "Table" has incompatible type "Key"  # E[pyright]: "Key" is incompatible with protocol "ConditionBase"
    print(both)
    table.meta.client.put_item(TableName="t", Item={"n": 1.5})  # E[mypy]: dict entry 0 has incompatible type "str": "float"  # E[pyright]: argument of type "dict[str, float]" cannot be assigned to parameter "Item"
    Attr("n").size().lt("x").contains(1)  # E[mypy]: "ConditionBase" has no attribute "contains"  # E[pyright]: cannot access attribute "contains" for class "ConditionBase"
