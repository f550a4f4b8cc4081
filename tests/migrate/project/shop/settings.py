"""Where AWS is: tests point SHOP_AWS_ENDPOINT at a local moto server."""

from __future__ import annotations

import os

ENDPOINT: str | None = os.environ.get("SHOP_AWS_ENDPOINT")
REGION = os.environ.get("SHOP_AWS_REGION", "us-east-1")
BUCKET = "shop-files"
