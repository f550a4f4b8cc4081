"""Rewriting boto3's factory calls into the generated package's factories.

    boto3.client("s3", "eu-west-1")        -> s3.client(region_name="eu-west-1")
    boto3.resource("s3", endpoint_url=u)   -> s3.resource(endpoint_url=u)
    session.client("sqs")                  -> sqs.client(session=session)
    boto3.Session(profile_name="p").client("s3") -> s3.client(session=boto3.Session(profile_name="p"))

Which calls are boto3's is decided with libcst's qualified names (any spelling of the
import: `import boto3 as b`, `from boto3 import client`, `from boto3.session import
Session`), and a `session.client(...)` is rewritten only when its receiver traces, through
libcst's scopes, to names bound to `boto3.Session(...)` (or parameters annotated so), or to an
instance attribute only ever assigned those (`self.session`: attributes.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst
from libcst import MetadataDependent
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import RemoveImportsVisitor
from libcst.metadata import (
    Assignment,
    BaseAssignment,
    FunctionScope,
    GlobalScope,
    ImportAssignment,
    QualifiedNameProvider,
    ScopeProvider,
)

from .arguments import CLIENT_PARAMETERS, RESOURCE_PARAMETERS, drop, keyword, keywords
from .attributes import is_session_attribute
from .bindings import Bindings, free_name
from .package import Target
from .report import Findings

FACTORIES = {"boto3.client": "client", "boto3.resource": "resource"}
SESSIONS = frozenset({"boto3.Session", "boto3.session.Session"})
OPTIONAL = frozenset({"typing.Optional", "typing_extensions.Optional"})
UNTRACED = (
    "cannot trace {shown!r} to a boto3 Session (followed: names and self attributes assigned "
    "boto3.Session(...), `x or boto3.Session()` and parameters annotated Session or Session | None)"
)


@dataclass(frozen=True)
class Factory:
    kind: str  # client | resource
    session: cst.BaseExpression | None  # what session= gets
    root: cst.Name | None  # the boto3 import's name the call went through


@dataclass
class CallRewriter:
    meta: MetadataDependent
    context: CodemodContext
    target: Target
    bindings: Bindings
    findings: Findings
    rewritten_roots: set[cst.CSTNode] = field(default_factory=set)
    named_calls: list[cst.Call] = field(default_factory=list)  # f(...) calls, for helpers
    helpers: set[str] = field(default_factory=set)  # module-level functions passing a parameter as the service
    lazy: dict[cst.FunctionDef, cst.Import | cst.ImportFrom] = field(
        default_factory=dict
    )  # function-local boto3 imports
    module_needed: dict[str, str] = field(default_factory=dict)  # service module -> name, at module level
    local_needed: dict[cst.FunctionDef, dict[str, str]] = field(default_factory=dict)  # ... in that function

    def leave_call(self, original: cst.Call, updated: cst.Call, outer: cst.Call | None = None) -> cst.Call:
        """`outer`: the call `original` is an argument of, if any."""
        if isinstance(original.func, cst.Name):
            self.named_calls.append(original)
        factory = self._factory(original, updated)
        if factory is None:
            return updated
        if isinstance(factory, str):
            return self._leave(original, factory, updated)
        takes_boto3s = self._takes_boto3s(outer)
        if takes_boto3s is not None:
            return updated if not takes_boto3s else self._leave(original, takes_boto3s, updated)
        service = self._service(original)
        if isinstance(service, str):
            self._note_helper(original)
            return self._leave(original, service, updated)
        index, name = service
        problem = self._check(name, factory.kind)
        if problem:
            return self._leave(original, problem, updated)
        rewritten = self._rewrite(updated, index, factory)
        if isinstance(rewritten, str):
            return self._leave(original, rewritten, updated)
        alias = self._import(name, original)
        if factory.root is not None:
            self.rewritten_roots.add(factory.root)
        return rewritten.with_changes(func=cst.Attribute(value=cst.Name(alias), attr=cst.Name(factory.kind)))

    # --- which calls ---------------------------------------------------------------

    def _factory(self, original: cst.Call, updated: cst.Call) -> Factory | str | None:
        """The factory a call is, a reason it cannot be rewritten, or None (not boto3's)."""
        for name in self._qualified(original.func):
            if name in FACTORIES:
                return Factory(FACTORIES[name], None, _root(original.func))
        func = original.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in ("client", "resource")):
            return None
        assert isinstance(updated.func, cst.Attribute)
        kind, receiver = func.attr.value, func.value
        if not _is_none(receiver) and self._is_session_value(receiver, frozenset()):
            return Factory(kind, updated.func.value, None)
        if not self._looks_like_boto3(original):
            return None
        shown = cst.Module(body=()).code_for_node(receiver)
        return UNTRACED.format(shown=shown)

    def untraced(self, call: cst.Call) -> bool:
        """Whether `call` makes a boto3 object migrate cannot tie to one service: an untraced
        receiver, or a service name that is not a literal."""
        factory = self._factory(call, call)
        return isinstance(factory, str) or (factory is not None and isinstance(self._service(call), str))

    def _takes_boto3s(self, outer: cst.Call | None) -> str | None:
        """Whether the call around a boto3 call is left as it is: "" for the package's classes
        (`s3.S3Client(boto3.client("s3"))` already types it). botocore's Stubber takes the typed
        client like any other: it is boto3's own client (ARCHITECTURE.md, one object)."""
        names = self._qualified(outer.func) if outer is not None else set()
        if any(name.startswith(self.target.package + ".") for name in names):
            return ""
        return None

    def _is_session(self, name: cst.Name, seen: frozenset[str] = frozenset()) -> bool:
        """Whether every binding of `name` in its scope is a boto3 Session (or None): a
        parameter annotated Session / `Session | None` / Optional[Session], or a name assigned
        one (`boto3.Session(...)`, `boto3.session.Session()`, `x or boto3.Session()` with `x`
        traced too). A name met again while tracing it (`session = session or Session()`)
        adds nothing."""
        if name.value in seen:
            return True
        scope = self.meta.get_metadata(ScopeProvider, name, None)
        if scope is None:
            return False
        assignments = scope[name.value]
        seen = seen | {name.value}
        return bool(assignments) and all(self._assigns_session(a, seen) for a in assignments)

    def _assigns_session(self, assignment: BaseAssignment, seen: frozenset[str]) -> bool:
        if not isinstance(assignment, Assignment):
            return False
        node = assignment.node
        if isinstance(node, cst.Param):
            default = node.default is None or self._is_session_value(node.default, seen)
            return node.annotation is not None and self._is_session_type(node.annotation.annotation) and default
        value = self.bindings.values.get(node)
        return value is not None and self._is_session_value(value, seen)

    def _is_session_value(self, value: cst.BaseExpression, seen: frozenset[str]) -> bool:
        """boto3.Session(...), None, a traced name or `self.<attribute>`, `a or b` and `a if c
        else b` of those."""
        if isinstance(value, cst.Call):
            return bool(self._qualified(value.func) & SESSIONS)
        if isinstance(value, cst.Name):
            return value.value == "None" or self._is_session(value, seen)
        if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
            return self._is_session_value(value.left, seen) and self._is_session_value(value.right, seen)
        if isinstance(value, cst.IfExp):
            return self._is_session_value(value.body, seen) and self._is_session_value(value.orelse, seen)
        if isinstance(value, cst.Attribute):  # self.session (attributes.py)
            return is_session_attribute(self.meta, self.bindings, value, seen, self._is_session_value)
        return False

    def _is_session_type(self, annotation: cst.BaseExpression) -> bool:
        """Session, boto3.session.Session, `Session | None`, Optional[Session]."""
        if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
            sides = (annotation.left, annotation.right)
            return any(self._is_session_type(s) for s in sides) and all(
                self._is_session_type(s) or _is_none(s) for s in sides
            )
        if isinstance(annotation, cst.Subscript) and self._qualified(annotation.value) & OPTIONAL:
            inner = annotation.slice[0].slice if len(annotation.slice) == 1 else None
            return isinstance(inner, cst.Index) and self._is_session_type(inner.value)
        return bool(self._qualified(annotation) & SESSIONS)

    def _looks_like_boto3(self, call: cst.Call) -> bool:
        found = self._service(call)
        return not isinstance(found, str) and found[1] in self.target.known

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        names = self.meta.get_metadata(QualifiedNameProvider, node, set())
        return {q.name for q in names}

    # --- the service and its arguments -------------------------------------------------

    def _service(self, call: cst.Call) -> tuple[int, str] | str:
        """(index of the argument, service name), or why there is none to read."""
        for index, arg in enumerate(call.args):
            if arg.keyword is not None and arg.keyword.value == "service_name":
                return _literal(index, arg)
        if call.args and call.args[0].star == "" and call.args[0].keyword is None:
            return _literal(0, call.args[0])
        if any(arg.star for arg in call.args):
            return "the service name comes from a * or ** splat"
        return "no service name"

    def _check(self, service: str, kind: str) -> str | None:
        if service not in self.target.known:
            return f"{service!r} is not a botocore service"
        self.findings.services.add(service)
        if not self.target.generated(service):
            return f"service {service!r} is not generated in {self.target.package} (add it to [tool.botoloom] services: --write-config)"
        if kind == "resource" and not self.target.has_resource(service):
            return f"boto3 has no resource for {service!r}"
        return None

    def _rewrite(self, call: cst.Call, index: int, factory: Factory) -> cst.Call | str:
        parameters = CLIENT_PARAMETERS if factory.kind == "client" else RESOURCE_PARAMETERS
        if factory.session is None:
            rest = drop(call, index)
            if rest is None:
                return "a comment in front of the service name would be lost"
            named = keywords(rest.args, parameters)
            return named if isinstance(named, str) else rest.with_changes(args=named)
        named = keywords([arg for i, arg in enumerate(call.args) if i != index], parameters)
        if isinstance(named, str):
            return named
        named.insert(index, keyword(call.args[index], "session", factory.session))  # where the service name was
        return call.with_changes(args=named)

    # --- imports -----------------------------------------------------------------------

    def _import(self, service: str, call: cst.Call) -> str:
        """The name the service module is imported as, adding the import when needed: in the
        function that imports boto3 lazily (function-local), else at module level."""
        module = self.target.module_path(service).rsplit(".", 1)[1]
        function = self._lazy_function(call)
        if function is None and module in self.bindings.service_modules:
            return self.bindings.service_modules[module]
        names = self.module_needed if function is None else self.local_needed.setdefault(function, {})
        if module not in names:
            same = self.module_needed.get(module) or self.bindings.service_modules.get(module)
            names[module] = same or free_name(module, self.bindings.taken)  # same: the same module again
            self.bindings.taken.add(names[module])
        return names[module]

    def _lazy_function(self, node: cst.CSTNode) -> cst.FunctionDef | None:
        """The innermost function around `node` that imports boto3 itself."""
        scope = self.meta.get_metadata(ScopeProvider, node, None)
        while scope is not None and not isinstance(scope, GlobalScope):
            if isinstance(scope, FunctionScope) and scope.node in self.lazy:
                return scope.node  # type: ignore[return-value]
            scope = scope.parent
        return None

    def only_rewritten(self, statement: cst.Import | cst.ImportFrom) -> bool:
        """Whether every name `statement` binds is read only by rewritten calls."""
        return self._references(statement) <= self.rewritten_roots

    def _note_helper(self, call: cst.Call) -> None:
        """A module-level function that makes a client from its parameter (`def make(name):
        return boto3.client(name)`): its calls in this file get reported too."""
        arg = next(
            (a for a in call.args if a.keyword is not None and a.keyword.value == "service_name"),
            call.args[0] if call.args else None,
        )
        if arg is None or not isinstance(arg.value, cst.Name):
            return
        scope = self.meta.get_metadata(ScopeProvider, arg.value, None)
        for assignment in scope[arg.value.value] if scope is not None else ():
            where = assignment.scope
            if (
                isinstance(assignment, Assignment)
                and isinstance(assignment.node, cst.Param)
                and isinstance(where, FunctionScope)
            ):
                if isinstance(where.node, cst.FunctionDef) and isinstance(where.parent, GlobalScope):
                    self.helpers.add(where.node.name.value)

    def report_helper_calls(self) -> None:
        for call in self.named_calls:
            assert isinstance(call.func, cst.Name)
            if call.func.value in self.helpers:
                literal = _literal(0, call.args[0]) if call.args else ""
                known = isinstance(literal, tuple) and literal[1] in self.target.known
                module = self.target.module_path(literal[1]).rsplit(".", 1)[1] if isinstance(literal, tuple) else ""
                factory = f"{module}.client(...) or {module}.resource(...)" if known else "the package's factory"
                self.findings.leave(
                    call,
                    f"{call.func.value}() makes an untyped boto3 client or resource from the service name it is given; call {factory} here for a typed one",
                )

    def unused_boto3_imports(self) -> set[str]:
        """The names of module-level boto3 imports that only rewritten calls used, scheduled
        for libcst's RemoveImportsVisitor (which removes them if nothing else uses them after
        all); function-local ones are replaced by the transformer (leave_FunctionDef)."""
        unused = set()
        for name, imports in self.bindings.boto3_imports.items():
            module_level = [i for i in imports if isinstance(self._scope(i.statement), GlobalScope)]
            references: set[cst.CSTNode] = set()
            for imported in module_level:
                references |= self._references(imported.statement)
            if references and references <= self.rewritten_roots:
                unused.add(name)
                for imported in module_level:
                    RemoveImportsVisitor.remove_unused_import(
                        self.context, imported.module, imported.obj, imported.asname
                    )
        return unused

    def _scope(self, node: cst.CSTNode) -> object:
        return self.meta.get_metadata(ScopeProvider, node, None)

    def _references(self, statement: cst.Import | cst.ImportFrom) -> set[cst.CSTNode]:
        scope = self.meta.get_metadata(ScopeProvider, statement, None)
        found: set[cst.CSTNode] = set()
        for assignment in scope.assignments if scope is not None else ():
            if isinstance(assignment, ImportAssignment) and assignment.node is statement:
                found.update(access.node for access in assignment.references)
        return found

    def _leave(self, node: cst.CSTNode, why: str, updated: cst.Call) -> cst.Call:
        self.findings.leave(node, why)
        return updated


def _literal(index: int, arg: cst.Arg) -> tuple[int, str] | str:
    value = arg.value
    if isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
        evaluated = value.evaluated_value
        if isinstance(evaluated, str):
            return index, evaluated
    shown = cst.Module(body=()).code_for_node(value)
    return f"the service name `{shown}` is not a string literal"


def _is_none(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def _root(func: cst.BaseExpression) -> cst.Name | None:
    while isinstance(func, cst.Attribute):
        func = func.value
    return func if isinstance(func, cst.Name) else None
