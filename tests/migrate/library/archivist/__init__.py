"""archivist: documents in S3, their index in DynamoDB, a message on SQS for each."""

from .archive import Archive
from .blobs import make_s3_client, put_blob, read_blob

__all__ = ["Archive", "make_s3_client", "put_blob", "read_blob"]
