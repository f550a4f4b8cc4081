"""EC2: describe_instances with filters, run_instances with an enum instance type."""

from __future__ import annotations

from aws_typed import ec2
from aws_typed.ec2.literals import InstanceTypeType


def running_instance_ids(client: ec2.EC2Client, env: str) -> list[str]:
    resp = client.describe_instances(
        Filters=[
            {"Name": "instance-state-name", "Values": ["running", "pending"]},
            {"Name": "tag:env", "Values": [env]},
        ],
        MaxResults=50,
    )
    ids: list[str] = []
    for reservation in resp.get("Reservations", []):
        for instance in reservation.get("Instances", []):
            instance_id = instance.get("InstanceId")
            if instance_id is not None:
                ids.append(instance_id)
            state = instance.get("State", {}).get("Name")
            if state == "running":
                itype: InstanceTypeType | None = instance.get("InstanceType")
                del itype
    next_token: str | None = resp.get("NextToken")
    del next_token
    return ids


def launch(client: ec2.EC2Client, ami: str) -> list[str]:
    resp = client.run_instances(
        ImageId=ami,
        InstanceType="t3.micro",
        MinCount=1,
        MaxCount=2,
        TagSpecifications=[
            {"ResourceType": "instance", "Tags": [{"Key": "env", "Value": "test"}]}
        ],
    )
    size: InstanceTypeType = "m5.large"
    client.run_instances(ImageId=ami, InstanceType=size, MinCount=1, MaxCount=1)
    return [i["InstanceId"] for i in resp.get("Instances", []) if "InstanceId" in i]


def main() -> None:
    client = ec2.client(region_name="eu-west-1")
    print(running_instance_ids(client, "prod"), launch(client, "ami-12345678"))
