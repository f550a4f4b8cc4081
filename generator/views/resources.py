"""Stage 5, views (resources): everything service_resource.py.j2 places, laid out.

One typed class per boto3 resource (and the service resource), one collection class and
one collection-manager class per `hasMany`, the `resource()` factory, and the imports the
emitted code needs.  Class names come from the name table (naming/table.py), which gives
none of them a name the module imports, so a resource can never shadow a type it uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..model.resources import Collection, Filled, Resource
from ..naming.rules import BASE_MEMBERS, collection_members, declarable, resource_members
from ..text.layout import pystr
from ..types.imports import ImportSet
from ..types.pyexpr import (
    RESOURCE_TYPE_DEFS,
    TYPE_DEFS,
    Name,
    Needs,
    PyExpr,
    Subscript,
    all_needs,
    runs,
    sub,
    typing_name,
    uses,
)
from ..types.resources import ResourceTypes
from ..types.specs import closure
from .blocks import SELF, ClassHead, Export, Method, dunder_all, header, import_blocks, method_needs
from .resource_members import (
    Scope,
    action_method,
    attribute_property,
    collection_property,
    filter_methods,
    identifier_property,
    load_methods,
    reference_property,
    resource_factory,
    subresource_method,
    waiter_method,
)
from .service import EMPTY_RESPONSE, ServiceContext

RUNTIME_ORDER = (".._resources", ".._injected", ".client")  # the run-time imports, in this order
_IGNORE_OVERRIDE = "  # type: ignore[override]"


@dataclass
class ClassBlock:
    """A class: its head (name, bases, docstring), class-level statements (unindented) and methods."""

    head: ClassHead
    attributes: list[str] = field(default_factory=list)
    methods: list[Method] = field(default_factory=list)
    needs: Needs = Needs()  # of the header and the attributes


class ResourceView:
    """Everything service_resource.py of one resource service needs."""

    def __init__(self, ctx: ServiceContext) -> None:
        service = ctx.service
        assert service.resources is not None and isinstance(ctx.types.resources, ResourceTypes)
        self.ctx = ctx
        self.service = service
        self.model = service.resources
        self.types = ctx.types.resources
        assert ctx.names.resources is not None
        self._table = ctx.names.resources  # the module's names (naming/table.py)
        self.names = dict(self._table.members)
        self.service_class = ctx.names.service_resource  # exported by the service package too
        self.classes = dict(self._table.classes)
        self.collections = dict(self._table.collections)
        self._typed_client = self._table.typed_client  # the typed client class, imported at run time
        self._client_class = self._table.client_class  # the class of meta.client
        self._aliases: dict[str, tuple[str, Name]] = {}  # name -> (alias, what it stands for)
        self._local = set(self.classes.values()) | {n for pair in self.collections.values() for n in pair}
        self._local |= {self._client_class} if self._client_class != self._typed_client else set()
        self._spelt_through_module = False  # an annotation says `_module.<Class>`
        self._made: tuple[list[ClassBlock], Method] | None = None
        self._split: frozenset[str] | None = None

    # ---- the module ---------------------------------------------------------------------
    def context(self) -> dict[str, Any]:
        """The template's variables."""
        classes, made = self._built()
        aliases = [f"{alias} = {name}" for name, (alias, _) in sorted(self._aliases.items())]
        this = f"from . import service_resource as {self._table.module}" if self._spelt_through_module else ""
        imports, stub_imports = self._imports(classes, made), self._imports(classes, made, stub=True)
        public = [self.service_class, *self.classes.values()] + [n for pair in self.collections.values() for n in pair]
        public += [self._client_class] if self._client_class != self._typed_client else []
        return {
            "header": header(f"Typed resources and collections of {self.ctx.title}.", self.ctx.versions),
            **import_blocks(imports, RUNTIME_ORDER),
            "pyi": import_blocks(stub_imports, RUNTIME_ORDER),
            "all": dunder_all(sorted(set(public)) + ["resource"]),
            "classes": classes,
            "aliases": aliases,
            "module_import": this,
            "factory": made,
        }

    def type_defs_split(self) -> frozenset[str]:
        """The TypedDicts of type_defs that resource_type_defs defines (and type_defs
        re-exports): those the stub names and all they refer to, so that a checker reading
        the resources reads none of the client's TypedDicts (issue #28)."""
        if self._split is None:
            uses = self._needs(*self._built(), stub=True)
            roots = {name for module, name in uses.types | uses.code if module == TYPE_DEFS}
            self._split = closure(self.ctx.types.typed_dicts(), roots)
        return self._split

    def _built(self) -> tuple[list[ClassBlock], Method]:
        """The classes and the factory, made once (the split and the context both ask)."""
        if self._made is None:
            classes = self._resource_client_blocks() + [self._resource_block(r) for r in self.model.all()]
            for r in self.model.all():
                for c in r.collections:
                    classes += self._collection_blocks(r, c)
            self._made = (classes, resource_factory(self.service.name, self.service_class))
        return self._made

    def package_exports(self) -> list[str]:
        """The names the service package imports from this (large) module for the type
        checker only; it imports the module on first use of them at run time
        (templates/service_init.py.j2)."""
        return [self.service_class, "resource"]

    def _imports(self, classes: list[ClassBlock], made: Method, stub: bool = False) -> ImportSet:
        """The imports of service_resource.py, or of its stub (`stub`: what its signatures,
        bases and attributes use)."""
        moved = self.type_defs_split()
        imports = ImportSet(
            ".service_resource", locate=lambda m, n: RESOURCE_TYPE_DEFS if m == TYPE_DEFS and n in moved else m
        )
        imports.need(self._needs(classes, made, stub), stub=stub)
        if not stub and self._client_class == self._typed_client:
            return imports  # no run-time base names the client (only the stub's `meta` does)
        client = self.ctx.names.client
        alias = "" if self._typed_client == client else self._typed_client
        return imports.add(".client", client, alias=alias, runtime=True)

    def _needs(self, classes: list[ClassBlock], made: Method, stub: bool) -> Needs:
        # the .py is the run-time shim: its classes hold no methods (the stub declares them)
        members = method_needs([m for c in classes for m in c.methods], stub) if stub else Needs()
        needs = all_needs([made.needs, *(c.needs for c in classes), members])
        # the aliases stand in the stub only (the .py declares no methods)
        return needs | uses(*(name for _, name in self._aliases.values())) if stub else needs

    # ---- classes ------------------------------------------------------------------------
    def _scope(self, resource: Resource, members: set[str]) -> Scope:
        return Scope(
            service=self.service,
            types=self.types,
            resource=resource,
            names=self.names[resource.name],
            class_of=self.classes.__getitem__,
            ref=lambda expr: self._ref(expr, members),
            title=f"{self.service.name} {resource.name}",
        )

    def _resource_block(self, resource: Resource) -> ClassBlock:
        names = self.names[resource.name]
        scope = self._scope(resource, set(resource_members(resource, names)))
        members = {m.name: m for m in self.service.shape(resource.shape).members} if resource.shape else {}
        methods = [identifier_property(scope, i) for i in resource.identifiers]
        methods += [attribute_property(scope, py, members[m]) for py, m in names.attributes.items()]
        methods += [reference_property(scope, r) for r in resource.related if r.is_reference]
        methods += load_methods(scope, resource.load) if resource.load else []
        methods += [action_method(scope, a, names.actions[a.name]) for a in resource.actions]
        methods += [subresource_method(scope, r) for r in resource.related if not r.is_reference]
        methods += [
            collection_property(scope, c, self.collections[(resource.name, c.name)][1]) for c in resource.collections
        ]
        waiters = {w.name: w for w in self.service.waiters}
        for w in resource.waiters:
            client = waiters[w.waiter_name]
            op = self.service.operation(client.operation)
            methods.append(waiter_method(scope, w, op.input, client.method))
        self._check_unique(resource, methods)
        methods.append(self._meta_property(scope))
        cls = self.classes[resource.name]
        runtime_base = Name(".._injected", resource.runtime_base) if resource.runtime_base else None
        base = Subscript(runtime_base or Name(".._resources", "BaseResource"), (typing_name("Any"),))
        boto3_class = f"{self.service.name}.{resource.name}"
        return ClassBlock(
            head=ClassHead(cls, (base.render(),), self._resource_doc(resource, cls)),
            attributes=[f"_boto3_class = {pystr(boto3_class)}"],
            methods=methods,
            needs=runs(base),
        )

    def _meta_property(self, scope: Scope) -> Method:
        """`meta`, typed with the service's client in the signature, not in the class's base
        (`BaseResource[Any]`): a checker reads client.pyi (the largest stub of a service) only
        when code reaches `meta.client`, not to know the class (issue #28)."""
        meta = scope.ref(sub(Name(".._resources", "ResourceMeta"), Name(None, self._client_class)))
        doc = (
            f"boto3's resource metadata: service name, identifiers, loaded data, and meta.client, "
            f"the {self._client_class} the resource makes its requests with."
        )
        return Method(name="meta", params=[SELF], returns=meta, decorators=["property"], doc=doc, needs=uses(meta))

    def _resource_client_blocks(self) -> list[ClassBlock]:
        """The resource client (dynamodb): the typed client with the operations that boto3
        converts on a resource's client typed on the resource side.  Not substitutable for
        the typed client (other values), hence the ignored override errors."""
        ops = [op for op in self.types.client_operations() if declarable(op.method)]
        if not ops:
            return []
        title = f"{self.service.name} resource's client"
        note = f"Through a {title} (meta.client): Python values in and out, as in the resource methods."
        methods = []
        for op in ops:
            request = self.types.request_name(op.input, Filled()) if op.input else ""
            returns = Name(TYPE_DEFS, self.types.response_name(op.output)) if op.output else EMPTY_RESPONSE
            methods.append(replace(self.ctx.operation_method(op, request, returns, note), comment=_IGNORE_OVERRIDE))
        doc = (
            f"The {self.ctx.names.client} of a {self.service.name} resource (its meta.client): boto3 registers "
            "the resource layer's conversion on that client, so "
            f"{', '.join(sorted(op.method for op in ops))} take and return Python values there "
            "(TableAttributeValueTypeDef, conditions) instead of AttributeValue dicts."
        )
        return [ClassBlock(ClassHead(self._client_class, (self._typed_client,), doc), methods=methods)]

    def _check_unique(self, resource: Resource, methods: list[Method]) -> None:
        seen: set[str] = set()
        for m in methods:
            if m.name in seen or m.name in BASE_MEMBERS:
                raise ValueError(f"resource {resource.name}: two members named {m.name!r}")
            seen.add(m.name)

    def _resource_doc(self, resource: Resource, cls: str) -> str:
        if resource.is_service:
            return (
                f"Typed service resource of {self.service.full_name} (boto3 {self.service.name}.ServiceResource).\n\n"
                f"Create one with resource(...) or wrap an existing one with "
                f"{cls}(boto3.resource({self.service.name!r})); its sub-resources, actions and "
                "collections return the typed classes of this module."
            )
        ids = ", ".join(self.names[resource.name].identifiers.values()) or "none"
        loads = ""
        if resource.load:
            op = self.service.operation(resource.load.request.operation)
            loads = f" Attributes are loaded with {self.service.name}.{op.method} on first access."
        return (
            f"The {self.service.name} {resource.name} resource (boto3 {self.service.name}.{resource.name}), "
            f"typed.\n\nIdentifiers: {ids}.{loads} Wrap an existing boto3 resource with {cls}(raw)."
        )

    def _collection_blocks(self, owner: Resource, collection: Collection) -> list[ClassBlock]:
        coll_cls, manager_cls = self.collections[(owner.name, collection.name)]
        item = self.model.get(collection.resource.type)
        item_cls = self.classes[item.name]
        batch_names = self.names[item.name].batch_actions
        blocks = []
        item_name, coll_name = Name(None, item_cls), Name(None, coll_cls)
        for cls, base in (
            (coll_cls, Subscript(Name(".._resources", "ResourceCollection"), (item_name,))),
            (manager_cls, Subscript(Name(".._resources", "CollectionManager"), (coll_name, item_name))),
        ):
            scope = self._scope(item, set(collection_members(self.names[item.name])))
            methods = filter_methods(scope, collection, coll_cls)[: 1 if cls == coll_cls else 2]
            methods += [action_method(scope, a, batch_names[a.name], batch=True) for a in item.batch_actions]
            title = f"the {collection.name} collection of {self.service.name} {owner.name}"
            doc = (
                f"{item_cls} resources of {title}: iterable, fetched page by page while iterated."
                if cls == coll_cls
                else f"{title[0].upper()}{title[1:]} (not iterable itself): all(), filter(...), "
                f"limit(n) and page_size(n) give an iterable {coll_cls}."
            )
            blocks.append(ClassBlock(ClassHead(cls, (base.render(),), doc), [], methods, runs(base)))
        return blocks

    def _ref(self, expr: PyExpr, shadowed: set[str]) -> PyExpr:
        """`expr` with every name the class body shadows spelt so that it cannot (`_alias`)."""
        return expr.rename(lambda n: self._alias(n) if n.name in shadowed else n)

    def _alias(self, name: Name) -> Name:
        """A shadowed class of this module as `<module>.<Class>` (checkers print `Class`),
        an imported name as its alias."""
        if name.module is None and name.name in self._local:
            self._spelt_through_module = True
            return Name(None, f"{self._table.module}.{name.name}")
        if name.name not in self._aliases:
            self._aliases[name.name] = (self._table.alias(name.name), name)
        return Name(None, self._aliases[name.name][0])


def context(ctx: ServiceContext) -> dict[str, Any]:
    """service_resource.py's variables, from the service's one ResourceView."""
    return ctx.view(ResourceView).context()


def exports(ctx: ServiceContext) -> list[Export]:
    """What the service's `__init__` re-exports from service_resource.py, imported on first use."""
    return [Export(name, "lazy") for name in ctx.view(ResourceView).package_exports()]
