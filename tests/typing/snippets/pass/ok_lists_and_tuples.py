"""Lists of strings take what botocore takes: a list or a tuple, and a response's list sent
back (output-as-input), on the client, in nested structures, in paginate() and on resources
(botocore's validator accepts each: tests/unit/test_exact_inputs.py)."""

from __future__ import annotations

from aws_typed import dynamodb, ec2, iam, lambda_
from aws_typed.ec2.service_resource import Instance


def lists_and_tuples(compute: ec2.EC2Client, identity: iam.IAMClient, ids: list[str], more: tuple[str, ...]) -> None:
    compute.describe_instances(InstanceIds=ids)
    compute.describe_instances(InstanceIds=more)
    compute.describe_instances(InstanceIds=("i-1", "i-2"))
    compute.describe_instances(Filters=[{"Name": "tag:env", "Values": ["dev", "test"]}])
    compute.describe_instances(Filters=[{"Name": "tag:env", "Values": ("dev",)}])
    compute.get_paginator("describe_instances").paginate(InstanceIds=["i-1"])
    identity.simulate_principal_policy(PolicySourceArn="arn:aws:iam::123456789012:user/u", ActionNames=("s3:GetObject",))


def responses_sent_back(compute: ec2.EC2Client, functions: lambda_.LambdaClient, table: dynamodb.DynamoDBClient) -> None:
    for endpoint in compute.describe_vpc_endpoints().get("VpcEndpoints", []):
        compute.modify_vpc_endpoint(
            VpcEndpointId=endpoint.get("VpcEndpointId", ""), RemoveRouteTableIds=endpoint.get("RouteTableIds", [])
        )
    vpc = functions.get_function_configuration(FunctionName="f").get("VpcConfig")
    if vpc is not None:
        functions.update_function_configuration(
            FunctionName="g",
            VpcConfig={"SubnetIds": vpc.get("SubnetIds", []), "SecurityGroupIds": vpc.get("SecurityGroupIds", [])},
        )
    item = table.get_item(TableName="t", Key={"pk": {"S": "a"}}).get("Item", {})
    binaries = item["bs"].get("BS", [])
    strings = item["ss"].get("SS", [])
    table.put_item(TableName="t", Item={"pk": {"S": "b"}, "bs": {"BS": binaries}, "ss": {"SS": strings}})


def on_resources(service: ec2.EC2ServiceResource, instance: Instance, ids: list[str]) -> None:
    for found in service.instances.filter(InstanceIds=ids):
        instance.modify_attribute(Groups=[group.get("GroupId", "") for group in found.security_groups or []])
    instance.modify_attribute(Groups=("sg-1",))
