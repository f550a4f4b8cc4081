"""botoloom: generate typed wrapper classes around boto3 from botocore's definitions."""

__version__ = "0.1.0"
