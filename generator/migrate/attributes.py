"""Sessions held in an instance attribute: `self.session`, traced for calls.py.

    class Archive:
        def __init__(self, session: boto3.Session | None = None) -> None:
            self.session = session or boto3.Session()

        def s3(self) -> S3Client:
            return self.session.client("s3")   # -> s3.client(session=self.session)

`self.<name>` read in a method of a class (`self` being the method's first parameter) is a
boto3 Session when that class stores it at least once through its methods' `self`, and every
store to an attribute of that name anywhere in the module (any object's: a subclass's, a
test's) is a plain assignment of a value traced to a Session (or None): never unpacked,
augmented, a loop or `with` target, or set with setattr; and the class body binds the name
only to such a value (or only annotates it). Otherwise it is not traced, and the call stays
as it is (reported), so no annotation is moved onto a value it could disagree with.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst
from libcst import MetadataDependent
from libcst.metadata import Assignment, ParentNodeProvider, ScopeProvider

from .bindings import Bindings

IsSession = Callable[[cst.BaseExpression, frozenset[str]], bool]


def is_session_attribute(
    meta: MetadataDependent, bindings: Bindings, node: cst.Attribute, seen: frozenset[str], is_session: IsSession
) -> bool:
    """Whether `node` (`self.<name>`) holds a boto3 Session (or None), by the rule above;
    `is_session(value, seen)` traces a stored value in its own scope."""
    name = node.attr.value
    owner = method_class(meta, node.value)
    key = f"self.{name}"  # a store that reads the attribute itself (`self.s = self.s or Session()`)
    if owner is None or key in seen:
        return owner is not None
    seen = seen | {key}
    stores = bindings.attributes.get(name, [])
    own = [
        target
        for target, _ in stores
        if isinstance(target, cst.Attribute) and method_class(meta, target.value) is owner
    ]
    if not own or not all(value is not None and is_session(value, seen) for _, value in stores):
        return False
    return _class_binding(owner, name, seen, is_session)


def method_class(meta: MetadataDependent, receiver: cst.BaseExpression) -> cst.ClassDef | None:
    """The class whose method's first parameter `receiver` is (its only binding), else None."""
    if not isinstance(receiver, cst.Name):
        return None
    scope = meta.get_metadata(ScopeProvider, receiver, None)
    assignments = list(scope[receiver.value]) if scope is not None else []
    if len(assignments) != 1 or not isinstance(assignments[0], Assignment):
        return None
    param = assignments[0].node
    if not isinstance(param, cst.Param):
        return None
    parameters = meta.get_metadata(ParentNodeProvider, param, None)
    function = meta.get_metadata(ParentNodeProvider, parameters, None) if parameters is not None else None
    if not isinstance(function, cst.FunctionDef) or not isinstance(parameters, cst.Parameters):
        return None
    positional = [*parameters.posonly_params, *parameters.params]
    if not positional or positional[0] is not param or _decorated(function):
        return None
    body = meta.get_metadata(ParentNodeProvider, function, None)
    owner = meta.get_metadata(ParentNodeProvider, body, None) if body is not None else None
    return owner if isinstance(owner, cst.ClassDef) else None


def _decorated(function: cst.FunctionDef) -> bool:
    """staticmethod / classmethod: the first parameter is not the instance."""
    for decorator in function.decorators:
        expression = decorator.decorator
        name = expression.attr.value if isinstance(expression, cst.Attribute) else getattr(expression, "value", None)
        if name in ("staticmethod", "classmethod"):
            return True
    return False


def _class_binding(owner: cst.ClassDef, name: str, seen: frozenset[str], is_session: IsSession) -> bool:
    """The class body binds `name` only to a traced value, or only annotates it."""
    body = owner.body.body if isinstance(owner.body, cst.IndentedBlock) else ()
    for statement in body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) and statement.name.value == name:
            return False
        for small in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
            if isinstance(small, cst.Assign) and any(_names(t.target, name) for t in small.targets):
                if not is_session(small.value, seen):
                    return False
            if isinstance(small, cst.AnnAssign) and _names(small.target, name) and small.value is not None:
                if not is_session(small.value, seen):
                    return False
    return True


def _names(target: cst.BaseExpression, name: str) -> bool:
    if isinstance(target, cst.Name):
        return target.value == name
    if isinstance(target, (cst.Tuple, cst.List)):
        return any(_names(element.value, name) for element in target.elements)
    return False
