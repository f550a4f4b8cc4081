"""boto3's objects as typed boto3 (types-boto3 / boto3-stubs) declares them, copied here in
shape so that every checker sees them without those packages: conditions with Literal
attributes and a TypedDict get_expression(), a Binary whose __bytes__ says str, a Session
whose client() and resource() are overloads on Literal service names. The generated types
accept them, as they accept boto3's own objects at run time."""

from __future__ import annotations

from typing import Any, List, Literal, Optional, TypedDict, overload

from aws_typed import dynamodb, s3


class _ConditionBaseExpressionType(TypedDict):
    format: str
    operator: str
    values: List[Any]


class Equals:
    expression_format: Literal["{0} {operator} {1}"] = "{0} {operator} {1}"
    expression_operator: Literal["="] = "="
    has_grouped_values: bool = False

    def __init__(self, *values: Any) -> None:
        self.values = values

    def get_expression(self) -> _ConditionBaseExpressionType:
        return {"format": self.expression_format, "operator": self.expression_operator, "values": list(self.values)}


class Binary:
    def __init__(self, value: Any) -> None:
        self.value = value

    def __bytes__(self) -> str:  # sic: as boto3-stubs declares it
        return str(self.value)


class Session:
    @overload
    def client(self, service_name: Literal["s3"], region_name: Optional[str] = None) -> Any: ...

    @overload
    def client(self, service_name: Literal["sqs"], region_name: Optional[str] = None) -> Any: ...

    def client(self, service_name: str, region_name: Optional[str] = None) -> Any:
        return None

    @overload
    def resource(self, service_name: Literal["s3"], region_name: Optional[str] = None) -> Any: ...

    @overload
    def resource(self, service_name: Literal["dynamodb"], region_name: Optional[str] = None) -> Any: ...

    def resource(self, service_name: str, region_name: Optional[str] = None) -> Any:
        return None


def conditions(table: dynamodb.service_resource.Table) -> None:
    table.query(KeyConditionExpression=Equals("pk", "u1"))
    table.scan(FilterExpression=Equals("n", 1))
    table.put_item(Item={"pk": "u1", "b": Binary(b"x"), "bs": {Binary(b"y")}}, ConditionExpression=Equals("pk", "u1"))


def sessions(session: Session) -> None:
    client = s3.client(session=session, region_name="eu-west-1")
    res = s3.resource(session=session)
    print(client, res, dynamodb.resource(session=session))
