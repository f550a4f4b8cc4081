"""Output keys the model does not guarantee are NotRequired: direct indexing is unsafe.

pyright reports it (reportTypedDictNotRequiredAccess); mypy deliberately does not,
so these markers are pyright-only and mypy must report nothing here.
"""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import s3, sqs


def first_key(client: s3.S3Client) -> str:
    resp = client.list_objects_v2(Bucket="b")
    contents = resp["Contents"]  # E[pyright]: "Contents" is not a required key in "ListObjectsV2OutputTypeDef"
    size = contents[0]["Size"]  # E[pyright]: "Size" is not a required key in "ObjectTypeDef"
    status: int = resp["ResponseMetadata"]["HTTPStatusCode"]
    del size, status
    return contents[0].get("Key", "")


def bodies(client: sqs.SQSClient) -> list[str]:
    resp = client.receive_message(QueueUrl="u")
    return [m["Body"] for m in resp.get("Messages", [])]  # E[pyright]: "Body" is not a required key in "MessageTypeDef"
