"""Paginators: names, paginate() arguments, PaginationConfig, typed page items."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import s3


def pages(client: s3.S3Client) -> None:
    client.get_paginator("list_objects_v3")  # E[mypy]: argument 1 to "__call__" of "_GetPaginator" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "__call__" match the provided arguments
    client.get_paginator("get_object")  # E[mypy]: argument 1 to "__call__" of "_GetPaginator" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "__call__"
    paginator = client.get_paginator("list_objects_v2")
    paginator.paginate(Bucket="b", PaginationConfig={"MaxItem": 10})  # E[mypy]: extra key "MaxItem" for TypedDict "PaginatorConfigTypeDef"  # E[pyright]: "MaxItem" is an undefined item in type "PaginatorConfigTypeDef"
    paginator.paginate(Bucket="b", PaginationConfig={"PageSize": "100"})  # E[mypy]: TypedDict item "PageSize" has type "int"  # E[pyright]: "Literal['100']" is not assignable to "int"
    paginator.paginate(Bucket="b", Limit=10)  # E[mypy]: unexpected keyword argument "Limit" for "paginate" of "ListObjectsV2Paginator"  # E[pyright]: no parameter named "Limit"
    paginator.paginate(Prefix="logs/")  # E[mypy]: missing named argument "Bucket" for "paginate" of "ListObjectsV2Paginator"  # E[pyright]: argument missing for parameter "Bucket"


def items(client: s3.S3Client) -> None:
    for page in client.get_paginator("list_objects_v2").paginate(Bucket="b"):
        for obj in page.get("Contents", []):
            if "Size" in obj:
                size: str = obj["Size"]  # E[mypy]: incompatible types in assignment (expression has type "int", variable has type "str")  # E[pyright]: type "int" is not assignable to declared type "str"
                print(size)
            label = "size: " + obj.get("Size", 0)  # E[mypy]: unsupported operand types for + ("str" and "int")  # E[pyright]: operator "+" not supported for types "Literal['size: ']" and "int"
            print(obj.get("Size", 0).upper(), label)  # E[mypy]: "int" has no attribute "upper"  # E[pyright]: cannot access attribute "upper" for class "int"
    full = client.get_paginator("list_objects_v2").paginate(Bucket="b").build_full_result()
    token: int = full.get("NextToken", 0)  # E[mypy]: incompatible types in assignment (expression has type "str | int", variable has type "int")  # E[pyright]: is not assignable to declared type "int"
    del token
