"""generate_presigned_url per operation and the typed Stubber on a typed client and on a client made with boto3."""

from __future__ import annotations

import io

import boto3  # type: ignore[import-untyped, unused-ignore]

from aws_typed import s3, sqs
from aws_typed.s3.stubber import ANY, S3Stubber
from aws_typed.sqs.stubber import SQSStubber


def presign(client: s3.S3Client, queue: sqs.SQSClient) -> str:
    url = client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": "k"}, ExpiresIn=60)
    url += client.generate_presigned_url("put_object", {"Bucket": "b", "Key": "k", "ContentType": "text/plain"}, 60, "PUT")
    url += client.generate_presigned_url("list_buckets")
    url += client.generate_presigned_url("list_objects_v2", Params={"Bucket": "b", "Prefix": "a/"})
    return url + queue.generate_presigned_url("get_queue_url", Params={"QueueName": "q"})


def stubs(client: s3.S3Client, queue: sqs.SQSClient, body: io.BytesIO) -> None:
    with S3Stubber(client) as stubber:
        stubber.add_response("list_buckets", {"Buckets": [{"Name": "b"}]})
        stubber.add_response("head_object", {"ContentLength": 12}, {"Bucket": "b", "Key": ANY})
        stubber.add_response("put_object", {"ETag": "e"}, expected_params={"Bucket": "b", "Key": "k", "Body": b"x"})
        stubber.add_response("delete_bucket", {})
        stubber.add_client_error("get_object", "NoSuchKey", http_status_code=404, expected_params={"Bucket": "b", "Key": "k"})
        client.list_buckets()
        stubber.assert_no_pending_responses()
    raw_stubber = S3Stubber(boto3.client("s3"))
    raw_stubber.activate()
    raw_stubber.deactivate()
    with SQSStubber(queue) as stub:
        stub.add_response("send_message", {"MD5OfMessageBody": "m", "MessageId": "1"}, {"QueueUrl": "u", "MessageBody": "m"})
        stub.add_response("receive_message", {"Messages": [{"Body": "b", "Attributes": {"SenderId": "x"}}]})
        stub.add_client_error("get_queue_url", "QueueDoesNotExist")
