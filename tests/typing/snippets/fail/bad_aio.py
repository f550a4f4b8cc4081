"""Async (aiobotocore) clients: a forgotten await, sync iteration of async pages and bodies,
wrong keyword arguments, `with` instead of `async with`."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed.s3 import aio


async def forgotten_await(client: aio.S3Client) -> None:
    out = client.list_objects_v2(Bucket="b")
    print(out["Contents"])  # E[mypy]: value of type "Coroutine[Any, Any, ListObjectsV2OutputTypeDef]" is not indexable  # E[pyright]: "__getitem__" method not defined on type "Coroutine
    client.put_object(Bucket="b", Key="k")  # E[mypy]: value of type "Coroutine[Any, Any, PutObjectOutputTypeDef]" must be used  # E[pyright]: result of async function call is not used  # MISS[ty]: ty 0.0.108 has no check for an unused coroutine (a call without await as a statement)
    body = (await client.get_object(Bucket="b", Key="k"))["Body"].read()
    data: bytes = body  # E[mypy]: incompatible types in assignment (expression has type "Coroutine[Any, Any, bytes]", variable has type "bytes")  # E[pyright]: "CoroutineType[Any, Any, bytes]" is not assignable to declared type "bytes"
    full = client.get_paginator("list_objects_v2").paginate(Bucket="b").build_full_result()
    print(full["Contents"])  # E[mypy]: is not indexable  # E[pyright]: "__getitem__" method not defined on type "Coroutine
    url: str = client.generate_presigned_url("get_object")  # E[mypy]: incompatible types in assignment (expression has type "Coroutine[Any, Any, str]", variable has type "str")  # E[pyright]: is not assignable to declared type "str"
    del data, url


async def sync_iteration(client: aio.S3Client) -> None:
    for page in client.get_paginator("list_objects_v2").paginate(Bucket="b"):  # E[mypy]: has no attribute "__iter__"; maybe "__aiter__"?  # E[pyright]: is not iterable
        print(page)
    got = await client.get_object(Bucket="b", Key="k")
    for chunk in got["Body"].iter_chunks():  # E[mypy]: has no attribute "__iter__"; maybe "__aiter__"?  # E[pyright]: is not iterable
        print(chunk)
    selected = await client.select_object_content(Bucket="b", Key="k", Expression="x", ExpressionType="SQL", InputSerialization={}, OutputSerialization={})
    for event in selected["Payload"]:  # E[mypy]: has no attribute "__iter__"; maybe "__aiter__"?  # E[pyright]: is not iterable
        print(event)
    with aio.client(region_name="us-east-1") as c:  # E[mypy]: has no attribute "__enter__"  # E[pyright]: cannot be used with "with"
        print(c)


async def wrong_arguments(client: aio.S3Client) -> None:
    await client.list_objects_v2(Bucket="b", MaxKey=10)  # E[mypy]: unexpected keyword argument "MaxKey" for "list_objects_v2" of "S3Client"  # E[pyright]: no parameter named "MaxKey"  # MISS[ty]: ty 0.0.108 does not check keyword names against **kwargs: Unpack[TypedDict] (PEP 692)
    await client.get_object(Key="k")  # E[mypy]: missing named argument "Bucket" for "get_object" of "S3Client"  # E[pyright]: argument missing for parameter "Bucket"
    await client.get_paginator("list_objects_v2").paginate(Bucket="b", Limit=10).build_full_result()  # E[mypy]: unexpected keyword argument "Limit" for "paginate" of "ListObjectsV2Paginator"  # E[pyright]: no parameter named "Limit"  # MISS[ty]: ty 0.0.108 does not check keyword names against **kwargs: Unpack[TypedDict] (PEP 692)
    await client.get_waiter("bucket_exists").wait(Bucket="b", WaiterConfig={"Delay": "1"})  # E[mypy]: TypedDict item "Delay" has type "int"  # E[pyright]: "Literal['1']" is not assignable to "int"
    client.get_paginator("list_objects_v3")  # E[mypy]: argument 1 to "__call__" of "_GetPaginator" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "__call__"
    aio.client(region="us-east-1")  # E[mypy]: unexpected keyword argument "region" for "client"  # E[pyright]: no parameter named "region"  # MISS[ty]: ty 0.0.108 does not check keyword names against **kwargs: Unpack[TypedDict] (PEP 692)
    result = await client.get_waiter("bucket_exists").wait(Bucket="b")  # E[mypy]: does not return a value (it only ever returns None)
    print(result)
