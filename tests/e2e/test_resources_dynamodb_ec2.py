"""End to end on the moto server: typed dynamodb and ec2 resources (real HTTP to 127.0.0.1).

dynamodb: a table through the service resource, its waiter, boto3's batch_writer, Key/Attr
condition builders in typed calls, Python values in and out (boto3's resource layer).
ec2: instances created and found by filter, references, create_tags on the service
resource, the instances and a collection (batch action), waiters."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from aws_typed import dynamodb, ec2
from aws_typed.dynamodb.service_resource import Table
from aws_typed.ec2.service_resource import Instance, Subnet, Tag, Vpc
from boto3.dynamodb.conditions import Attr, Key

pytestmark = pytest.mark.e2e

ResourceFactory = Callable[..., Any]


def _table(res: dynamodb.DynamoDBServiceResource, name: str) -> Table:
    return res.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "N"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )


def test_dynamodb_table_batch_writer_and_conditions(typed_resource: ResourceFactory) -> None:
    res: dynamodb.DynamoDBServiceResource = typed_resource(dynamodb)
    table = _table(res, "botoloom-orders")
    assert isinstance(table, Table) and table.name == "botoloom-orders"
    table.wait_until_exists(WaiterConfig={"Delay": 1, "MaxAttempts": 5})
    _table(res, "botoloom-other")

    assert [t.name for t in res.tables.filter(ExclusiveStartTableName="botoloom-orders")] == ["botoloom-other"]
    assert [t.name for t in res.tables.limit(1)] == ["botoloom-orders"]
    found = res.Table("botoloom-orders")
    assert found.table_status == "ACTIVE"
    assert found.key_schema == [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]

    with found.batch_writer() as batch:
        for i in range(30):
            batch.put_item(
                Item={
                    "pk": f"user#{i % 3}",
                    "sk": i,
                    "tags": {"a", "b"},
                    "profile": {"n": Decimal("1.5"), "l": [1, "x", None]},
                }
            )
        batch.delete_item(Key={"pk": "user#0", "sk": 0})
    found.reload()
    assert found.item_count == 29

    result = found.query(
        KeyConditionExpression=Key("pk").eq("user#1") & Key("sk").between(5, 20), ScanIndexForward=False
    )
    assert [item["sk"] for item in result["Items"]] == [Decimal(n) for n in (19, 16, 13, 10, 7)]
    assert result["Items"][0]["tags"] == {"a", "b"} and result["Items"][0]["profile"] == {
        "n": Decimal("1.5"),
        "l": [Decimal(1), "x", None],
    }
    text = found.query(KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": "user#2"})
    assert text["Count"] == 10

    scanned = found.scan(FilterExpression=Attr("sk").gte(27))
    assert sorted(item["sk"] for item in scanned["Items"]) == [27, 28, 29]

    updated = found.update_item(
        Key={"pk": "user#1", "sk": 1},
        UpdateExpression="SET visits = :v",
        ConditionExpression=Attr("pk").exists(),
        ExpressionAttributeValues={":v": 7},
        ReturnValues="ALL_NEW",
    )
    assert updated["Attributes"]["visits"] == 7
    assert found.get_item(Key={"pk": "user#1", "sk": 1})["Item"]["visits"] == Decimal(7)
    found.delete_item(Key={"pk": "user#1", "sk": 1})
    assert "Item" not in found.get_item(Key={"pk": "user#1", "sk": 1})

    got = res.batch_get_item(
        RequestItems={"botoloom-orders": {"Keys": [{"pk": "user#2", "sk": 2}, {"pk": "user#2", "sk": 5}]}}
    )
    assert sorted(item["sk"] for item in got["Responses"]["botoloom-orders"]) == [2, 5]
    res.batch_write_item(RequestItems={"botoloom-other": [{"PutRequest": {"Item": {"pk": "x", "sk": 1}}}]})
    assert res.Table("botoloom-other").scan()["Items"] == [{"pk": "x", "sk": Decimal(1)}]

    found.delete()
    found.wait_until_not_exists(WaiterConfig={"Delay": 1, "MaxAttempts": 5})
    assert [t.name for t in res.tables.all()] == ["botoloom-other"]


def _image_id(res: ec2.EC2ServiceResource) -> str:
    image = next(iter(res.images.filter(Owners=["amazon"]).limit(1)))
    return image.id


def test_ec2_instances_filter_tags_and_waiters(typed_resource: ResourceFactory) -> None:
    res: ec2.EC2ServiceResource = typed_resource(ec2)
    vpc = res.create_vpc(CidrBlock="10.7.0.0/16")
    assert isinstance(vpc, Vpc)
    vpc.wait_until_available()
    subnet = vpc.create_subnet(CidrBlock="10.7.1.0/24")
    assert isinstance(subnet, Subnet) and subnet.vpc_id == vpc.id

    instances = subnet.create_instances(ImageId=_image_id(res), MinCount=3, MaxCount=3, InstanceType="t3.micro")
    assert len(instances) == 3 and all(isinstance(i, Instance) for i in instances)
    ids = sorted(i.id for i in instances)
    first = instances[0]
    first.wait_until_running(WaiterConfig={"Delay": 1, "MaxAttempts": 10})
    first.reload()
    assert first.instance_type == "t3.micro" and first.state is not None and first.state["Name"] == "running"
    assert first.vpc is not None and first.vpc.id == vpc.id
    assert first.subnet == subnet
    assert first.network_interfaces is not None and first.network_interfaces_attribute is not None

    in_vpc = vpc.instances.filter(Filters=[{"Name": "instance-type", "Values": ["t3.micro"]}])
    assert sorted(i.id for i in in_vpc) == ids
    by_id = res.instances.filter(InstanceIds=ids[:2])
    assert sorted(i.id for i in by_id) == ids[:2]

    tags = first.create_tags(Tags=[{"Key": "team", "Value": "botoloom"}])
    assert [(t.resource_id, t.key, t.value) for t in tags] == [(first.id, "team", "botoloom")]
    service_tags = res.create_tags(Resources=[vpc.id], Tags=[{"Key": "env", "Value": "test"}])
    assert isinstance(service_tags[0], Tag) and service_tags[0].resource_id == vpc.id
    batch = res.instances.filter(InstanceIds=ids).create_tags(Tags=[{"Key": "fleet", "Value": "e2e"}])
    assert len(batch) == 1 and batch[0]["ResponseMetadata"]["HTTPStatusCode"] == 200
    tagged = res.instances.filter(Filters=[{"Name": "tag:fleet", "Values": ["e2e"]}])
    assert sorted(i.id for i in tagged) == ids
    first.reload()
    assert {t["Key"]: t["Value"] for t in first.tags or []} == {"team": "botoloom", "fleet": "e2e"}
    first.delete_tags(Tags=[{"Key": "team"}])
    first.reload()
    assert [t["Key"] for t in first.tags or []] == ["fleet"]

    stopped = res.instances.filter(InstanceIds=ids[1:]).stop()
    assert [r["StoppingInstances"][0]["CurrentState"]["Name"] for r in stopped] == ["stopping"]
    res.Instance(ids[1]).wait_until_stopped(WaiterConfig={"Delay": 1, "MaxAttempts": 10})
    res.instances.filter(InstanceIds=ids).terminate()
    first.wait_until_terminated(WaiterConfig={"Delay": 1, "MaxAttempts": 10})
    assert {i.state["Name"] for i in res.instances.filter(InstanceIds=ids) if i.state} == {"terminated"}
