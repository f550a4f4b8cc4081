"""Which operations botocore can presign: a fact of the model (model.service.Operation.presignable).

botocore adds generate_presigned_url to every client (signers.add_generate_presigned_url):
it looks ClientMethod up in the client's method table (else UnknownClientMethodError),
validates Params against the operation's input shape (ParamValidationError) and signs the
request with the query form of the operation's signer.  A signer without a query form
(bearer tokens; SigV2, where the service's endpoints allow nothing else) raises
UnsupportedSignatureVersionError, so those operations cannot be presigned.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import botocore.exceptions
import botocore.loaders
from botocore.auth import AUTH_TYPE_MAPS, resolve_auth_type

UNSIGNED = "none"  # smithy.api#noAuth: botocore does not sign, the URL is returned as built


@lru_cache(maxsize=1)
def _endpoint_signers() -> Mapping[str, frozenset[str]]:
    """service endpoint prefix -> every signatureVersions entry of botocore's endpoints.json."""
    data: Any = botocore.loaders.create_loader().load_data("endpoints")
    found: dict[str, set[str]] = {}
    for partition in data.get("partitions", []):
        for name, spec in partition.get("services", {}).items():
            versions = found.setdefault(name, set())
            for endpoint in [spec.get("defaults", {}), *spec.get("endpoints", {}).values()]:
                versions.update(endpoint.get("signatureVersions", ()))
    return {k: frozenset(v) for k, v in found.items()}


def service_signer(metadata: Mapping[str, Any]) -> str:
    """The service's default signature version, as botocore's ClientCreator resolves it."""
    try:
        return (
            str(resolve_auth_type(metadata["auth"]))
            if metadata.get("auth")
            else str(metadata.get("signatureVersion", "v4"))
        )
    except (botocore.exceptions.UnknownSignatureVersionError, botocore.exceptions.UnsupportedSignatureVersionError):
        return ""


def presignable(spec: Mapping[str, Any], metadata: Mapping[str, Any], default: str) -> bool:
    """Whether botocore can sign operation `spec` as a URL (see the module docstring)."""
    try:
        version = str(resolve_auth_type(spec["auth"])) if spec.get("auth") else str(spec.get("authtype") or default)
    except (botocore.exceptions.UnknownSignatureVersionError, botocore.exceptions.UnsupportedSignatureVersionError):
        return False
    if version == UNSIGNED or version.endswith("-query") or f"{version}-query" in AUTH_TYPE_MAPS:
        return True
    if version.startswith("v4"):  # v4-unsigned-body and the like sign with SigV4's query form
        return True
    if version == "v2":  # botocore signs with v4 where the service's endpoints allow it
        prefix = str(metadata.get("endpointPrefix", ""))
        return "v4" in _endpoint_signers().get(prefix, frozenset())
    return False
