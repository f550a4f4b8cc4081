"""Blob inputs, typed by where botocore puts them (serialize.py).

- The HTTP payload of a request (`payload` names a blob member: s3 put_object Body, lambda
  invoke Payload) is sent as it is: text, bytes or a readable file object (BlobTypeDef).
- The smithy-rpc-v2-cbor serialiser reads file objects wherever a blob is.
- Everywhere else (a JSON, query or XML body, a header) botocore base64-encodes the value
  (`_get_base64`): text or bytes; a file object raises TypeError (EncodedBlobTypeDef).
- ec2 RunInstances and autoscaling CreateLaunchConfiguration UserData is a string in the
  model, but botocore's base64_encode_user_data handler encodes text or bytes itself.
"""

from __future__ import annotations

from ..model.service import Member, Service, Shape
from .pyexpr import Name, PyExpr, builtin, shared, union

FILE_OBJECTS = shared("BlobTypeDef")
ENCODED = shared("EncodedBlobTypeDef")
FILE_READING_PROTOCOLS = frozenset({"smithy-rpc-v2-cbor"})
# (service, input shape, member) -> the type botocore's handlers accept there.
_TEXT_OR_BYTES = union(builtin("str"), builtin("bytes"), builtin("bytearray"))
INPUT_SHAPE_MEMBER_OVERRIDES: dict[tuple[str, str, str], PyExpr] = {
    ("ec2", "RunInstancesRequest", "UserData"): _TEXT_OR_BYTES,
    ("autoscaling", "CreateLaunchConfigurationType", "UserData"): _TEXT_OR_BYTES,
}


def blob_input(service: Service) -> Name:
    """The type of a blob input that is not a request's payload."""
    return FILE_OBJECTS if service.protocol in FILE_READING_PROTOCOLS else ENCODED


def member_input(service: Service, parent: Shape, member: Member) -> PyExpr | None:
    """A member's input type where the place decides it (payload blob, UserData), else None."""
    special = INPUT_SHAPE_MEMBER_OVERRIDES.get((service.name, parent.name, member.name))
    if special is not None:
        return special
    if parent.payload == member.name and service.shape(member.shape).kind == "blob":
        return FILE_OBJECTS
    return None
