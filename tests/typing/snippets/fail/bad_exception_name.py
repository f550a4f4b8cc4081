"""A misspelled modeled error on client.exceptions must be a type error."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off


from __future__ import annotations

from aws_typed import s3


def read(client: s3.S3Client) -> bytes | None:
    try:
        return client.get_object(Bucket="b", Key="k")["Body"].read()
    except client.exceptions.NoSuchKeyy:  # E[mypy]: "S3Exceptions" has no attribute "NoSuchKeyy"  # E[pyright]: cannot access attribute "NoSuchKeyy" for class "S3Exceptions"
        return None
