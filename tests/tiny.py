"""Tiny hand-written service definitions in botocore's own JSON format, for unit tests."""

from __future__ import annotations

from typing import Any

from generator.model.service import Service, build
from generator.source.load import RawService


def raw(
    shapes: dict[str, Any],
    operations: dict[str, Any],
    *,
    name: str = "tiny",
    paginators: dict[str, Any] | None = None,
    waiters: dict[str, Any] | None = None,
) -> RawService:
    from botocore import xform_name

    service = {
        "version": "2.0",
        "metadata": {
            "apiVersion": "2020-01-01",
            "endpointPrefix": name,
            "protocol": "json",
            "serviceFullName": f"Tiny {name}",
            "serviceId": name.title(),
            "signatureVersion": "v4",
            "uid": f"{name}-2020-01-01",
            "jsonVersion": "1.1",
            "targetPrefix": name.title(),
        },
        "operations": {
            op: {"name": op, "http": {"method": "POST", "requestUri": "/"}, **spec} for op, spec in operations.items()
        },
        "shapes": shapes,
    }
    return RawService(
        name=name,
        service=service,
        paginators=paginators or {},
        waiters=waiters or {},
        resources=None,
        client_methods=tuple(sorted(xform_name(op) for op in operations)),
    )


def service(shapes: dict[str, Any], operations: dict[str, Any], **kwargs: Any) -> Service:
    return build(raw(shapes, operations, **kwargs))
