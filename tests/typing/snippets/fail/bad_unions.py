"""Tagged unions as inputs take exactly one member, as botocore's validator demands
(tests/runtime/test_unions_blobs.py runs each line through botocore and sees it fail)."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import cloudwatch, s3


def unions(client: s3.S3Client, alarms: cloudwatch.CloudWatchClient) -> None:
    client.update_object_encryption(Bucket="b", Key="k", ObjectEncryption={})  # E[mypy]: missing key "SSEKMS" for TypedDict "ObjectEncryptionSSEKMSTypeDef"  # E[pyright]: "SSEKMS" is required in "ObjectEncryptionTypeDef"
    client.update_object_encryption(Bucket="b", Key="k", ObjectEncryption={"SSEKMS": {"KMSKeyArn": "a"}, "SSES3": {}})  # E[mypy]: extra key "SSES3" for TypedDict "ObjectEncryptionSSEKMSTypeDef"  # E[pyright]: "SSES3" is an undefined item in type "ObjectEncryptionTypeDef"
    alarms.put_metric_alarm(AlarmName="a", EvaluationPeriods=1, ComparisonOperator="GreaterThanThreshold", EvaluationCriteria={})  # E[mypy]: missing key "PromQLCriteria" for TypedDict "EvaluationCriteriaPromQLCriteriaTypeDef"  # E[pyright]: "PromQLCriteria" is required in "EvaluationCriteriaTypeDef"
