"""Typed paginators end to end on the moto server: every item across real
multi-page responses, PaginationConfig (MaxItems, PageSize, StartingToken),
resume_token, build_full_result and search."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from aws_typed import cloudwatch, dynamodb, ec2, iam, s3
from aws_typed._runtime import PageIterator
from aws_typed.s3.paginators import ListObjectsPaginator, ListObjectsV2Paginator
from botocore.config import Config

pytestmark = pytest.mark.e2e

TypedClientFactory = Callable[..., Any]
BUCKET = "botoloom-pages"
KEYS = [f"key-{i:02d}" for i in range(25)]


@pytest.fixture
def bucket_of_25(typed_client: TypedClientFactory) -> Any:
    client = typed_client(s3)
    client.create_bucket(Bucket=BUCKET)
    for key in KEYS:
        client.put_object(Bucket=BUCKET, Key=key, Body=key.encode())
    return client


def _merge(pages: list[dict[str, Any]], key: str) -> list[Any]:
    return [item for page in pages for item in page.get(key, [])]


# --- s3 list_objects_v2 -------------------------------------------------------------


def test_s3_list_objects_v2_every_item_across_pages(bucket_of_25: Any) -> None:
    paginator = bucket_of_25.get_paginator("list_objects_v2")
    assert isinstance(paginator, ListObjectsV2Paginator) and not isinstance(paginator, ListObjectsPaginator)
    iterator = paginator.paginate(Bucket=BUCKET, PaginationConfig={"PageSize": 10})
    assert isinstance(iterator, PageIterator)
    pages = list(iterator)
    assert [page["KeyCount"] for page in pages] == [10, 10, 5]
    assert [len(page["Contents"]) for page in pages] == [10, 10, 5]
    assert [page["MaxKeys"] for page in pages] == [
        10,
        10,
        10,
    ]  # PageSize became MaxKeys
    assert [item["Key"] for item in _merge(pages, "Contents")] == KEYS
    assert [page["IsTruncated"] for page in pages] == [True, True, False]
    assert iterator.resume_token is None


def test_s3_build_full_result_equals_pages_merged(bucket_of_25: Any) -> None:
    paginator = bucket_of_25.get_paginator("list_objects_v2")
    pages = list(paginator.paginate(Bucket=BUCKET, PaginationConfig={"PageSize": 10}))
    iterator = paginator.paginate(Bucket=BUCKET, PaginationConfig={"PageSize": 10})
    full = iterator.build_full_result()
    assert full["Contents"] == _merge(pages, "Contents")
    assert [item["Key"] for item in full["Contents"]] == KEYS
    assert "NextToken" not in full  # nothing left over
    assert [expression.expression for expression in iterator.result_keys] == [
        "Contents",
        "CommonPrefixes",
    ]


def test_s3_search_yields_every_key(bucket_of_25: Any) -> None:
    paginator = bucket_of_25.get_paginator("list_objects_v2")
    iterator = paginator.paginate(Bucket=BUCKET, PaginationConfig={"PageSize": 10})
    assert list(iterator.search("Contents[].Key")) == KEYS
    sizes = paginator.paginate(Bucket=BUCKET, PaginationConfig={"PageSize": 7}).search("Contents[].Size")
    assert list(sizes) == [len(key) for key in KEYS]


def test_s3_max_items_and_resume_token(bucket_of_25: Any) -> None:
    paginator = bucket_of_25.get_paginator("list_objects_v2")
    first = paginator.paginate(Bucket=BUCKET, PaginationConfig={"MaxItems": 12, "PageSize": 10})
    first_pages = list(first)
    assert [len(page["Contents"]) for page in first_pages] == [10, 2]
    token = first.resume_token
    assert isinstance(token, str) and token

    # build_full_result of the same configuration reports the same token.
    truncated = paginator.paginate(Bucket=BUCKET, PaginationConfig={"MaxItems": 12, "PageSize": 10})
    full = truncated.build_full_result()
    assert [item["Key"] for item in full["Contents"]] == KEYS[:12]
    assert full["NextToken"] == token

    rest = paginator.paginate(Bucket=BUCKET, PaginationConfig={"StartingToken": token, "PageSize": 10})
    rest_keys = [item["Key"] for item in _merge(list(rest), "Contents")]
    assert rest_keys == KEYS[12:]
    assert [item["Key"] for item in _merge(first_pages, "Contents")] + rest_keys == KEYS
    assert rest.resume_token is None

    # Continuing in bounded steps also visits every key exactly once.
    seen: list[str] = []
    token = None
    for _ in range(10):
        config: dict[str, Any] = {"MaxItems": 9, "PageSize": 4}
        if token:
            config["StartingToken"] = token
        step = paginator.paginate(Bucket=BUCKET, PaginationConfig=config)
        seen += list(step.search("Contents[].Key"))
        token = step.resume_token
        if token is None:
            break
    assert seen == KEYS


# --- dynamodb scan --------------------------------------------------------------------


def test_dynamodb_scan_pages(typed_client: TypedClientFactory) -> None:
    client = typed_client(dynamodb)
    client.create_table(
        TableName="pages",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    ids = {f"item-{i:02d}" for i in range(23)}
    for item_id in sorted(ids):
        client.put_item(
            TableName="pages",
            Item={"id": {"S": item_id}, "payload": {"M": {"n": {"N": "1"}}}},
        )

    paginator = client.get_paginator("scan")
    pages = list(paginator.paginate(TableName="pages", PaginationConfig={"PageSize": 5}))
    assert len(pages) >= 5
    assert all(page["Count"] <= 5 for page in pages)
    assert sum(page["Count"] for page in pages) == 23
    assert {item["id"]["S"] for item in _merge(pages, "Items")} == ids
    assert "LastEvaluatedKey" in pages[0]

    # Limit given directly is the same page size.
    limited = list(paginator.paginate(TableName="pages", Limit=5))
    assert [page["Count"] for page in limited] == [page["Count"] for page in pages]

    full = paginator.paginate(TableName="pages", PaginationConfig={"PageSize": 5}).build_full_result()
    assert full["Items"] == _merge(pages, "Items")
    assert full["Count"] == 23

    first = paginator.paginate(TableName="pages", PaginationConfig={"MaxItems": 7, "PageSize": 5})
    first_items = _merge(list(first), "Items")
    assert len(first_items) == 7
    token = first.resume_token
    assert token
    rest = paginator.paginate(TableName="pages", PaginationConfig={"StartingToken": token, "PageSize": 5})
    rest_items = _merge(list(rest), "Items")
    assert len(rest_items) == 16
    assert {item["id"]["S"] for item in first_items + rest_items} == ids


# --- ec2 describe_instances ---------------------------------------------------------------


def test_ec2_describe_instances_pages(typed_client: TypedClientFactory) -> None:
    client = typed_client(ec2)
    instance_ids: set[str] = set()
    counts = [2, 1, 3, 1, 2, 1, 1, 2, 1, 1, 2]  # 11 reservations, 17 instances
    for count in counts:
        reservation = client.run_instances(
            ImageId="ami-12c6146b",
            InstanceType="t3.micro",
            MinCount=count,
            MaxCount=count,
        )
        assert len(reservation["Instances"]) == count
        instance_ids |= {instance["InstanceId"] for instance in reservation["Instances"]}

    paginator = client.get_paginator("describe_instances")
    pages = list(paginator.paginate(PaginationConfig={"PageSize": 5}))
    assert [len(page["Reservations"]) for page in pages] == [5, 5, 1]
    found = {
        instance["InstanceId"] for reservation in _merge(pages, "Reservations") for instance in reservation["Instances"]
    }
    assert found == instance_ids

    # MaxResults given directly is the page size.
    assert [len(page["Reservations"]) for page in paginator.paginate(MaxResults=5)] == [
        5,
        5,
        1,
    ]

    searched = paginator.paginate(PaginationConfig={"PageSize": 5}).search("Reservations[].Instances[].InstanceId")
    assert set(searched) == instance_ids

    first = paginator.paginate(PaginationConfig={"MaxItems": 6, "PageSize": 5})
    first_reservations = _merge(list(first), "Reservations")
    assert len(first_reservations) == 6
    rest = paginator.paginate(PaginationConfig={"StartingToken": first.resume_token, "PageSize": 5})
    rest_reservations = _merge(list(rest), "Reservations")
    assert len(rest_reservations) == 5
    assert {r["ReservationId"] for r in first_reservations} | {r["ReservationId"] for r in rest_reservations} == {
        r["ReservationId"] for r in _merge(pages, "Reservations")
    }


# --- iam list_roles ----------------------------------------------------------------------

TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'


def test_iam_list_roles_pages(typed_client: TypedClientFactory) -> None:
    client = typed_client(iam)
    names = {f"botoloom-role-{i:02d}" for i in range(12)}
    for name in sorted(names):
        client.create_role(RoleName=name, AssumeRolePolicyDocument=TRUST, Path="/botoloom/")

    paginator = client.get_paginator("list_roles")
    pages = list(paginator.paginate(PathPrefix="/botoloom/", PaginationConfig={"PageSize": 5}))
    assert [len(page["Roles"]) for page in pages] == [5, 5, 2]
    assert [page["IsTruncated"] for page in pages] == [True, True, False]
    assert {role["RoleName"] for role in _merge(pages, "Roles")} == names

    full = paginator.paginate(PathPrefix="/botoloom/", PaginationConfig={"PageSize": 5}).build_full_result()
    assert full["Roles"] == _merge(pages, "Roles")

    first = paginator.paginate(PathPrefix="/botoloom/", PaginationConfig={"MaxItems": 7, "PageSize": 5})
    first_roles = [role["RoleName"] for role in _merge(list(first), "Roles")]
    assert len(first_roles) == 7
    rest = paginator.paginate(
        PathPrefix="/botoloom/",
        PaginationConfig={"StartingToken": first.resume_token, "PageSize": 5},
    )
    rest_roles = [role["RoleName"] for role in _merge(list(rest), "Roles")]
    assert len(rest_roles) == 5
    assert set(first_roles) | set(rest_roles) == names


# --- cloudwatch list_metrics -----------------------------------------------------------------


def test_cloudwatch_list_metrics_pages(typed_client: TypedClientFactory) -> None:
    # moto's server mode cannot read gzip-compressed request bodies; botocore
    # compresses PutMetricData bodies over 10 KiB unless told not to.
    client = typed_client(cloudwatch, config=Config(disable_request_compression=True))
    names = {f"metric-{i:04d}" for i in range(1010)}  # moto pages list_metrics by 500
    ordered = sorted(names)
    for start in range(0, len(ordered), 505):
        client.put_metric_data(
            Namespace="Botoloom/E2E",
            MetricData=[
                {
                    "MetricName": name,
                    "Value": 1.0,
                    "Unit": "Count",
                    "Dimensions": [{"Name": "Suite", "Value": "e2e"}],
                }
                for name in ordered[start : start + 505]
            ],
        )

    paginator = client.get_paginator("list_metrics")
    pages = list(paginator.paginate(Namespace="Botoloom/E2E"))
    assert [len(page["Metrics"]) for page in pages] == [500, 500, 10]
    assert {metric["MetricName"] for metric in _merge(pages, "Metrics")} == names

    full = paginator.paginate(Namespace="Botoloom/E2E").build_full_result()
    assert {metric["MetricName"] for metric in full["Metrics"]} == names
    assert len(full["Metrics"]) == 1010

    limited = paginator.paginate(Namespace="Botoloom/E2E", PaginationConfig={"MaxItems": 7})
    assert len(list(limited.search("Metrics[].MetricName"))) == 7
    assert limited.resume_token
