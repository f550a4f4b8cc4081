"""S3 calls the generated signatures must reject."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import s3


def calls(client: s3.S3Client, data: bytes) -> None:
    client.list_object_v3(Bucket="b")  # E: attribute "list_object_v3"
    client.get_object(Key="k")  # E[mypy]: missing named argument "Bucket"  # E[pyright]: argument missing for parameter "Bucket"
    client.list_objects_v2(Bucket="b", MaxKeys="10")  # E[mypy]: argument "MaxKeys" to "list_objects_v2" of "S3Client" has incompatible type "str"; expected "int"  # E[pyright]: cannot be assigned to parameter "MaxKeys" of type "int"
    client.list_objects_v2(Bucket="b", MaxKey=10)  # E[mypy]: unexpected keyword argument "MaxKey"  # E[pyright]: no parameter named "MaxKey"
    client.put_object(Bucket="b", Key="k", Body=data, ACL="public")  # E[mypy]: argument "ACL" to "put_object" of "S3Client" has incompatible type "Literal['public']"  # E[pyright]: "Literal['public']" is not assignable to type "ObjectCannedACLType"
    client.put_object(Bucket="b", Key="k", Body=12345)  # E[mypy]: argument "Body" to "put_object" of "S3Client" has incompatible type "int"  # E[pyright]: cannot be assigned to parameter "Body"
    client.get_object("b", "k")  # E[mypy]: too many positional arguments for "get_object"  # E[pyright]: expected 0 positional arguments
    client.copy_object(Bucket="b", Key="k", CopySource={"Bucket": "src"})  # E[mypy]: argument "CopySource" to "copy_object" of "S3Client" has incompatible type  # E[pyright]: cannot be assigned to parameter "CopySource"
    client.head_bucket(Bucket=None)  # E[mypy]: argument "Bucket" to "head_bucket" of "S3Client" has incompatible type "None"; expected "str"  # E[pyright]: cannot be assigned to parameter "Bucket" of type "str"


def factory() -> s3.S3Client:
    return s3.client(region="us-east-1")  # E[mypy]: unexpected keyword argument "region"  # E[pyright]: no parameter named "region"
