import boto3
from mypy_boto3_s3 import S3Client

client: S3Client = boto3.client("s3", region_name="us-east-1")
