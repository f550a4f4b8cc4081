"""ec2 resources: instances created, filtered, tagged (service resource, resource and
collection batch action), references, renamed attributes and waiters."""

from __future__ import annotations

from aws_typed import ec2
from aws_typed.ec2.service_resource import Instance, NetworkInterface, Tag, Vpc
from aws_typed.ec2.type_defs import (
    InstanceNetworkInterfaceTypeDef,
    InstanceStateTypeDef,
    StopInstancesResultTypeDef,
)


def launch(res: ec2.EC2ServiceResource, subnet_id: str) -> list[Instance]:
    made: list[Instance] = res.create_instances(
        ImageId="ami-1", MinCount=1, MaxCount=2, InstanceType="t3.micro", SubnetId=subnet_id
    )
    for instance in made:
        instance.wait_until_running(WaiterConfig={"Delay": 5, "MaxAttempts": 40})
        instance.wait_until_running(Filters=[{"Name": "instance-type", "Values": ["t3.micro"]}])
    tags: list[Tag] = res.create_tags(Resources=[i.id for i in made], Tags=[{"Key": "team", "Value": "a"}])
    print(tags[0].key, tags[0].value, tags[0].resource_id)
    return made


def inspect(instance: Instance) -> str:
    state: InstanceStateTypeDef | None = instance.state
    vpc: Vpc | None = instance.vpc
    interfaces: list[NetworkInterface] | None = instance.network_interfaces
    raw_interfaces: list[InstanceNetworkInterfaceTypeDef] | None = instance.network_interfaces_attribute
    launch_index: int | None = instance.ami_launch_index
    print(state, vpc, interfaces, raw_interfaces, launch_index)
    own: list[Tag] = instance.create_tags(Tags=[{"Key": "k", "Value": "v"}], DryRun=False)
    instance.delete_tags(Tags=[{"Key": "k"}])
    print(own)
    return instance.id


def fleet(res: ec2.EC2ServiceResource, vpc: Vpc) -> None:
    running = vpc.instances.filter(Filters=[{"Name": "instance-state-name", "Values": ["running"]}])
    running.create_tags(Tags=[{"Key": "fleet", "Value": "web"}])
    stopped: list[StopInstancesResultTypeDef] = running.stop(Force=True)
    print(stopped)
    for instance in res.instances.filter(InstanceIds=["i-1"]).page_size(50):
        instance.wait_until_stopped()
        instance.terminate()
    for page in res.instances.pages():
        print([i.instance_type for i in page])
