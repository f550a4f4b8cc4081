"""A tiny shop: files on s3, orders on sqs, stock in dynamodb, notices on sns."""
