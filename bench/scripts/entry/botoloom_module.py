from aws_typed import s3

client = s3.client(region_name="us-east-1")
