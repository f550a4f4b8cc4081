"""Discovery of the service packages present in generated/aws_typed."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import dataclass
from types import ModuleType

import aws_typed
from aws_typed._runtime import BaseClient

from ..helpers import stub_module


@dataclass(frozen=True)
class GeneratedService:
    module_name: str  # e.g. "lambda_"
    package: ModuleType  # aws_typed.lambda_
    client_class: type[BaseClient]  # LambdaClient (the run-time class: isinstance, imports)
    service_name: str  # botocore's name, e.g. "lambda"
    stub_class: type[BaseClient]  # LambdaClient as client.pyi declares it (methods, annotations)

    def __str__(self) -> str:
        return self.service_name


def discover() -> list[GeneratedService]:
    found = []
    for info in sorted(pkgutil.iter_modules(aws_typed.__path__), key=lambda i: i.name):
        if not info.ispkg:
            continue
        package = importlib.import_module(f"aws_typed.{info.name}")
        client_module = importlib.import_module(f"aws_typed.{info.name}.client")
        classes = [
            obj
            for obj in vars(client_module).values()
            if inspect.isclass(obj)
            and issubclass(obj, BaseClient)
            and obj is not BaseClient
            and obj.__module__ == client_module.__name__
        ]
        assert len(classes) == 1, f"aws_typed.{info.name}.client defines {classes}"
        (cls,) = classes
        stub = getattr(stub_module(client_module.__name__), cls.__name__)
        found.append(GeneratedService(info.name, package, cls, cls._service_name, stub))
    assert found, "no service packages found in generated/aws_typed"
    return found


SERVICES = discover()
