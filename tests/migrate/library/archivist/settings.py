"""Where AWS is: the endpoint comes from the environment (a local server in tests)."""

import os

REGION = "us-east-1"
ENDPOINT = os.environ.get("ARCHIVIST_AWS_ENDPOINT")
