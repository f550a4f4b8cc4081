"""--outputs present: what the service returns for an existing resource is typed as present,
as boto3-stubs types it (checked by tests/outputs/test_present_snippets.py against a package
generated with --outputs present).  Under the default (sound) mode each of these is Optional:
the attributes load from a describe call whose members the model does not guarantee.
"""

from __future__ import annotations

from aws_typed import cloudformation, iam, s3, sqs


def stack_outputs(name: str) -> dict[str, str]:
    stack = cloudformation.resource(region_name="us-east-1").Stack(name)
    return {o.get("OutputKey", ""): o.get("OutputValue", "") for o in stack.outputs}


def first_parameter(name: str) -> str:
    return cloudformation.resource(region_name="us-east-1").Stack(name).parameters[0].get("ParameterKey", "")


def default_document(arn: str) -> dict[str, object]:
    policy = iam.resource().Policy(arn)
    version_id: str = policy.default_version_id
    del version_id
    return policy.default_version.document  # a reference: built from DefaultVersionId


def queue_arn(url: str) -> str:
    return sqs.resource(region_name="us-east-1").Queue(url).attributes["QueueArn"]


def object_size(bucket: str, key: str) -> int:
    obj = s3.resource(region_name="us-east-1").Object(bucket, key)
    return obj.content_length + len(obj.e_tag)


def created(bucket: str) -> str:
    return s3.resource(region_name="us-east-1").Bucket(bucket).creation_date.isoformat()
