"""Blobs by where botocore puts them: a request's payload takes a file object, ec2
UserData text or bytes (botocore base64-encodes it), a body blob text or bytes."""

from __future__ import annotations

import io

from aws_typed import dynamodb, ec2, lambda_, s3


def blobs(bucket: s3.S3Client, functions: lambda_.LambdaClient, table: dynamodb.DynamoDBClient, machines: ec2.EC2Client, data: io.BytesIO) -> None:
    bucket.put_object(Bucket="b", Key="k", Body=data)
    functions.invoke(FunctionName="f", Payload=data)
    functions.create_function(FunctionName="f", Role="r", Code={"ZipFile": b"PK"})
    table.put_item(TableName="t", Item={"b": {"B": b"\x00"}, "s": {"B": "text"}})
    machines.run_instances(MinCount=1, MaxCount=1, UserData=b"#!/bin/sh\necho hi\n")
    machines.run_instances(MinCount=1, MaxCount=1, UserData="#!/bin/sh")
