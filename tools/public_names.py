"""Public names of generated packages, and their difference between two botocore versions.

    python tools/public_names.py list DIR/aws_typed -o names.json
    python tools/public_names.py diff pinned.json latest.json

`list` reads the `__all__` of every module of every service subpackage (no import: the
literal is parsed from the source) and, with the botocore of the interpreter running it,
what that botocore has for each service: the shapes (with their types), operations,
paginators, waiters and boto3 resources.  Run it once with each botocore's interpreter.

`diff` compares two lists (the first is the reference, e.g. the pinned botocore, the
second the newer one).  Users import these names, so a name must not change with the
botocore version:

- every service of both has the same module (`sqs`) and the same client class
  (`SQSClient`, the prefix of the service-level classes: `SQSExceptions`,
  `SQSServiceResource`);
- every public name of the reference is still there in the newer generation, unless
  the newer botocore dropped (or changed the kind of) what the name was made from: a
  name starting with a shape, operation, paginator, waiter or resource name that the
  newer botocore no longer has (for a shape: that no operation uses any more) is an
  explained removal, and is listed, not failed;
- new names (new shapes, operations, services) are counted, not failed.

Exit status 0 when nothing changed that users import, 1 otherwise (each difference is
one line naming the service, the module and the name), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path
from typing import Any

MODULES = ("__init__", "client", "exceptions", "literals", "paginators", "waiters", "type_defs", "service_resource")
_SERVICE = re.compile(r"\(botocore service '([^']+)'\)")
_ALL = re.compile(r"^__all__\s*=\s*[\[(]", re.M)


def module_all(path: Path) -> list[str]:
    """The `__all__` literal of a module, parsed from its source (not imported)."""
    source = path.read_text(encoding="utf-8")
    match = _ALL.search(source)
    if match is None:
        return []
    start = match.end() - 1  # the opening bracket
    closing = "]" if source[start] == "[" else ")"
    line_end = source.find("\n", start)
    if source[start:line_end].rstrip().endswith(closing):  # on one line
        end = line_end
    else:  # black's layout: the closing bracket alone on a line
        end = source.index("\n" + closing, start) + 2
    return [str(name) for name in ast.literal_eval(source[start:end].strip())]


def service_name(package: Path) -> str:
    """The botocore service a service subpackage was generated from (its docstring says)."""
    head = (package / "__init__.py").read_text(encoding="utf-8")[:2000]
    match = _SERVICE.search(" ".join(head.split()))
    if match is None:
        raise SystemExit(f"public_names: {package}/__init__.py does not name its botocore service")
    return match.group(1)


def botocore_inventory(services: list[str]) -> tuple[str, dict[str, dict[str, Any]]]:
    """(botocore version, per service: shapes with their types, operations, paginators,
    waiters, resources) from the botocore of this interpreter."""
    import botocore
    import botocore.session

    session = botocore.session.get_session()
    loader = session.get_component("data_loader")
    available = set(session.get_available_services())
    resources_root = None
    try:
        import boto3

        resources_root = Path(boto3.__file__).parent / "data"
    except ImportError:  # pragma: no cover - boto3 is a dependency
        pass
    result: dict[str, dict[str, Any]] = {}
    for name in services:
        if name not in available:
            continue
        model = loader.load_service_model(name, "service-2")
        shapes = model.get("shapes", {})
        entry: dict[str, Any] = {
            "shapes": {shape: shapes[shape].get("type", "") for shape in sorted(_used(model))},
            "operations": sorted(model.get("operations", {})),
        }
        for kind, key in (("paginators-1", "pagination"), ("waiters-2", "waiters")):
            try:
                entry[key] = sorted(loader.load_service_model(name, kind).get(key, {}))
            except Exception:  # noqa: BLE001 - botocore raises DataNotFoundError and friends
                entry[key] = []
        entry["resources"] = []
        if resources_root is not None and (resources_root / name).is_dir():
            try:
                data = loader.load_service_model(name, "resources-1")
                entry["resources"] = sorted(data.get("resources", {}))
            except Exception:  # noqa: BLE001
                pass
        result[name] = entry
    return botocore.__version__, result


def _used(model: dict[str, Any]) -> set[str]:
    """The shapes an operation reaches (input, output, errors, and what their members
    use): the generator writes names for these only."""
    shapes = model.get("shapes", {})
    todo = []
    for op in model.get("operations", {}).values():
        todo += [op[k]["shape"] for k in ("input", "output") if k in op]
        todo += [e["shape"] for e in op.get("errors", [])]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or name not in shapes:
            continue
        seen.add(name)
        body = shapes[name]
        todo += [m["shape"] for m in body.get("members", {}).values()]
        todo += [body[k]["shape"] for k in ("member", "key", "value") if k in body]
    return seen


def list_package(package: Path) -> dict[str, Any]:
    services: dict[str, Any] = {}
    for sub in sorted(p for p in package.iterdir() if (p / "__init__.py").is_file() and not p.name.startswith("_")):
        modules = {m: module_all(sub / f"{m}.py") for m in MODULES if (sub / f"{m}.py").is_file()}
        client = [n for n in modules.get("client", []) if n.endswith("Client")]
        services[service_name(sub)] = {
            "module": sub.name,
            "client": client[0] if client else "",
            "names": modules,
        }
    version, inventory = botocore_inventory(sorted(services))
    return {"package": package.name, "botocore": version, "services": services, "botocore_data": inventory}


SERVICE_CLASSES = ("Client", "Exceptions", "ServiceResource")  # <prefix><suffix>


def _strip_prefix(name: str, prefix: str) -> str:
    """The service-level classes keyed without their prefix (reported once, as the client's)."""
    for suffix in SERVICE_CLASSES:
        if prefix and name == prefix + suffix:
            return "<Service>" + suffix
    return name


def _base(name: str) -> str:
    """A botocore name as the generator starts a class name with it (naming.type_base)."""
    name = re.sub(r"[^0-9A-Za-z_]", "", name.lstrip("_"))
    return name[:1].upper() + name[1:] if name else name


def _gone(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Names of what the old botocore had for a service and the new one no longer has
    (a shape no operation uses any more, or that is another kind of shape now), as
    class names start with them; longest first."""
    gone = set()
    for shape, kind in old.get("shapes", {}).items():
        if new.get("shapes", {}).get(shape) != kind:
            gone.add(shape)
    for key in ("operations", "pagination", "waiters", "resources"):
        gone |= set(old.get(key, [])) - set(new.get(key, []))
    return sorted({_base(g) for g in gone if g}, key=len, reverse=True)


def diff(old: dict[str, Any], new: dict[str, Any]) -> tuple[list[str], list[str], int]:
    """(failures, explained removals, count of new names)."""
    failures: list[str] = []
    explained: list[str] = []
    added = 0
    label = f"botocore {old['botocore']} -> {new['botocore']}"
    for service in sorted(old["services"]):
        if service not in new["services"]:
            explained.append(f"{service}: service not in botocore {new['botocore']}")
            continue
        a, b = old["services"][service], new["services"][service]
        if a["module"] != b["module"]:
            failures.append(f"{service}: module {a['module']} -> {b['module']} ({label})")
        if a["client"] != b["client"]:
            failures.append(f"{service}: client class {a['client']} -> {b['client']} ({label})")
        prefix_a = a["client"][: -len("Client")] if a["client"] else ""
        prefix_b = b["client"][: -len("Client")] if b["client"] else ""
        gone = _gone(old["botocore_data"].get(service, {}), new["botocore_data"].get(service, {}))
        for module in sorted(set(a["names"]) | set(b["names"])):
            names_a = {_strip_prefix(n, prefix_a): n for n in a["names"].get(module, [])}
            names_b = {_strip_prefix(n, prefix_b): n for n in b["names"].get(module, [])}
            added += len(names_b.keys() - names_a.keys())
            for key in sorted(names_a.keys() - names_b.keys()):
                name = names_a[key]
                cause = next((g for g in gone if key.startswith(g)), None)
                if cause is not None:
                    explained.append(f"{service}.{module}: {name} ({cause} is gone or changed kind)")
                    continue
                near = [n for k, n in names_b.items() if k.lower() == key.lower()]
                hint = f"; {near[0]} instead" if near else ""
                failures.append(f"{service}.{module}: {name} missing with {label}{hint}")
    return failures, explained, added


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="public_names", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="list the public names of a generated package")
    listing.add_argument("package", type=Path, help="the generated package directory (DIR/aws_typed)")
    listing.add_argument("-o", "--output", type=Path, help="write the JSON here (default: stdout)")
    comparing = commands.add_parser("diff", help="compare two lists; exit 1 when a user-visible name changed")
    comparing.add_argument("reference", type=Path)
    comparing.add_argument("other", type=Path)
    comparing.add_argument("--show", type=int, default=200, help="changed names printed at most")
    comparing.add_argument("--show-removed", type=int, default=10, help="explained removals printed at most")
    args = parser.parse_args(argv)
    if args.command == "list":
        if not args.package.is_dir():
            parser.error(f"{args.package} is not a directory")
        text = json.dumps(list_package(args.package), indent=1, sort_keys=True)
        if args.output:
            args.output.write_text(text + "\n", encoding="utf-8")
        else:
            print(text)
        return 0
    old = json.loads(args.reference.read_text(encoding="utf-8"))
    new = json.loads(args.other.read_text(encoding="utf-8"))
    failures, explained, added = diff(old, new)
    both = len(set(old["services"]) & set(new["services"]))
    names = sum(len(v) for s in old["services"].values() for v in s["names"].values())
    print(
        f"public names: botocore {old['botocore']} ({len(old['services'])} services, {names} names) vs "
        f"botocore {new['botocore']} ({len(new['services'])} services): {both} services in both, "
        f"{len(failures)} changed, {len(explained)} removed with their botocore definitions, {added} new"
    )
    for line in explained[: args.show_removed]:
        print(f"  removed with botocore: {line}")
    if len(explained) > args.show_removed:
        print(f"  ... and {len(explained) - args.show_removed} more removed with botocore (--show-removed N)")
    for line in failures[: args.show]:
        print(f"  CHANGED: {line}")
    if len(failures) > args.show:
        print(f"  ... and {len(failures) - args.show} more")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
