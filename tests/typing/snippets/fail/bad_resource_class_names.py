"""Messages name the public classes users import (issue #29 item 11): a sub-resource or an
action returns `Bucket`, never a private alias `_Bucket` of it."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import ec2, s3


def sub_resources(obj: s3.service_resource.Object, instance: ec2.service_resource.Instance) -> None:
    s3.resource().Bucket("b").objectz  # E[mypy]: "Bucket" has no attribute "objectz"  # E[pyright]: cannot access attribute "objectz" for class "Bucket"
    obj.Bucket().objectz  # E[mypy]: "Bucket" has no attribute "objectz"  # E[pyright]: cannot access attribute "objectz" for class "Bucket"
    s3.resource().create_bucket(Bucket="b").objectz  # E[mypy]: "Bucket" has no attribute "objectz"  # E[pyright]: cannot access attribute "objectz" for class "Bucket"
    ec2.resource().Instance("i").idz  # E[mypy]: "Instance" has no attribute "idz"  # E[pyright]: cannot access attribute "idz" for class "Instance"
