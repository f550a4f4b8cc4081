"""Stage 1, load: read botocore's and boto3's JSON definitions with botocore's own Loader.

A boto3 session is used so that boto3's resource definitions, `AWS_DATA_PATH` and
`~/.aws/models` overrides are honoured exactly as they are at run time.  Nothing here
interprets the data: that is the model stage's job.
"""

from __future__ import annotations

import difflib
import os
import zlib
from dataclasses import dataclass
from typing import Any

import boto3
import boto3.session
import botocore
import botocore.exceptions
import botocore.loaders
import botocore.session
from botocore import xform_name

from ..errors import UserError
from . import validate


@dataclass(frozen=True)
class RawService:
    """The JSON definitions of one service, as botocore's Loader returns them."""

    name: str
    service: dict[str, Any]
    paginators: dict[str, Any]
    waiters: dict[str, Any]
    resources: dict[str, Any] | None
    client_methods: tuple[str, ...]
    """Method names botocore's client class really has after its creating-client-class hooks."""
    source: str = ""
    """The service-2 file the definition came from, for error messages."""
    sources: tuple[tuple[str, str], ...] = ()
    """(type name, file) of every definition read: service-2, paginators-1, ..."""

    def source_of(self, type_name: str) -> str:
        return dict(self.sources).get(type_name, f"{self.name}/{type_name}")


@dataclass(frozen=True)
class Data:
    """Another environment's definitions (`botoloom install --python`): exactly these data
    directories (its botocore's and boto3's), with the versions they ship."""

    paths: tuple[str, ...]
    botocore_version: str
    boto3_version: str


class Source:
    """Where definitions come from: one boto3/botocore session and its Loader (given
    `data`, a Loader whose search paths are exactly data.paths: no defaults, no AWS_DATA_PATH)."""

    def __init__(self, data: Data | None = None) -> None:
        self._data = data
        self._botocore = botocore.session.get_session()
        if data is not None:
            loader = botocore.loaders.Loader(list(data.paths), include_default_search_paths=False)
            self._botocore.register_component("data_loader", loader)
        self._session = boto3.session.Session(botocore_session=self._botocore)
        self._loader = self._botocore.get_component("data_loader")
        if data is not None:  # boto3's Session appended the running boto3's data directory
            self._loader.search_paths[:] = data.paths

    @property
    def botocore_version(self) -> str:
        return self._data.botocore_version if self._data else str(botocore.__version__)

    @property
    def boto3_version(self) -> str:
        return self._data.boto3_version if self._data else str(boto3.__version__)

    def available_services(self) -> list[str]:
        return sorted(self._botocore.get_available_services())

    def resource_services(self) -> set[str]:
        return set(self._session.get_available_resources())

    def check_names(self, names: list[str]) -> None:
        """Raise a UserError naming the closest matches for every unknown service name."""
        known = self.available_services()
        problems = []
        for name in names:
            if name not in known:
                close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
                hint = f" (did you mean {', '.join(close)}?)" if close else ""
                problems.append(f"unknown service {name!r}{hint}")
        if problems:
            raise UserError("; ".join(problems) + ". See --list-services.")

    def load(self, name: str) -> RawService:
        service = self._load(name, "service-2", required=True)
        assert service is not None
        resources = None
        if name in self.resource_services():
            resources = self._load(name, "resources-1", required=True)
        paginators = self._load(name, "paginators-1") or {}
        waiters = self._load(name, "waiters-2") or {}
        kinds = ["service-2", "paginators-1", "waiters-2"] + (["resources-1"] if resources is not None else [])
        sources = tuple((kind, self._path(name, kind)) for kind in kinds)
        paths = dict(sources)
        validate.service(service, paths["service-2"])
        for kind, document, key in (("paginators-1", paginators, "pagination"), ("waiters-2", waiters, "waiters")):
            if not isinstance(document.get(key, {}), dict):
                raise UserError(f'{paths[kind]}: "{key}" must be an object')
        validate.paginators(paginators.get("pagination", {}), paths["paginators-1"])
        validate.waiters(waiters.get("waiters", {}), paths["waiters-2"])
        return RawService(
            name=name,
            service=service,
            paginators=paginators.get("pagination", {}),
            waiters=waiters.get("waiters", {}),
            resources=resources,
            client_methods=self._client_methods(service),
            source=dict(sources)["service-2"],
            sources=sources,
        )

    def fingerprint(self, name: str) -> list[list[object]]:
        """(path, size, mtime) of every definition file of `name` on the search path.

        Cheap (no parsing): used to skip re-rendering services whose definitions did not
        change, whichever search path (botocore, boto3, AWS_DATA_PATH, ~/.aws/models) they
        come from.
        """
        found = []
        for base in self._loader.search_paths:
            for path in _definition_files(os.path.join(base, name)):
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                found.append([path, stat.st_size, stat.st_mtime_ns])
        return found

    def _load(self, name: str, type_name: str, required: bool = False) -> dict[str, Any] | None:
        try:
            data = self._loader.load_service_model(name, type_name)
        except botocore.exceptions.DataNotFoundError:
            if required:
                raise UserError(f"{name}: no {type_name} definition found") from None
            return None
        except (ValueError, OSError, EOFError, zlib.error, botocore.exceptions.BotoCoreError) as exc:
            raise UserError(
                f"{name}: cannot read its {type_name} definition ({self._path(name, type_name)}): {exc}"
            ) from None
        except (RecursionError, MemoryError) as exc:  # JSON nested 100,000 deep, a file larger than memory
            why = "nested too deeply" if isinstance(exc, RecursionError) else "too large"
            raise UserError(
                f"{name}: cannot read its {type_name} definition ({self._path(name, type_name)}): {why}"
            ) from None
        if not isinstance(data, dict):
            raise UserError(f"{name}: {type_name} definition is not a JSON object")
        return data

    def _path(self, name: str, type_name: str) -> str:
        """Best effort: the file the Loader would read, for error messages."""
        try:
            version = self._loader.determine_latest_version(name, type_name)
        except Exception:  # noqa: BLE001 - only used to improve a message
            return f"{name}/?/{type_name}.json"
        for base in self._loader.search_paths:
            for suffix in (".json", ".json.gz"):
                candidate = f"{base}/{name}/{version}/{type_name}{suffix}"
                try:
                    with open(candidate, "rb"):
                        return candidate
                except OSError:
                    continue
        return f"{name}/{version}/{type_name}.json"

    def _client_methods(self, service: dict[str, Any]) -> tuple[str, ...]:
        """Emit botocore's creating-client-class event the way ClientCreator does.

        botocore and boto3 register handlers that remove operations (bidirectional streams)
        and inject methods (generate_presigned_url, s3 upload_file, ...).  Running the same
        handlers on a plain dict gives exactly the method names a real client class has.
        """
        attrs: dict[str, Any] = {xform_name(op): None for op in service.get("operations", {})}
        attrs["_PY_TO_OP_NAME"] = {}
        service_id = service.get("metadata", {}).get("serviceId", "")
        hyphenized = service_id.replace(" ", "-").lower()
        self._botocore.get_component("event_emitter").emit(
            f"creating-client-class.{hyphenized}", class_attributes=attrs, base_classes=[object]
        )
        return tuple(sorted(k for k in attrs if not k.startswith("_")))


def _definition_files(directory: str) -> list[str]:
    """The paths `glob(<directory>/*/*.json*)` gives, sorted (a search path's version
    directories and their JSON files, no hidden names), listed without glob's pattern
    machinery: a no-change run does this for every service."""
    found = []
    for version in _listing(directory):
        if not version.name.startswith(".") and version.is_dir():
            found += [f.path for f in _listing(version.path) if not f.name.startswith(".") and ".json" in f.name]
    return sorted(found)


def _listing(directory: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as entries:
            return list(entries)
    except OSError:
        return []
