"""variants.Variant: the second half of a TypedDict's key, a frozen value instead of the
string language it replaced ("request~A,B~C", "in@"); labels, ordering, what it rejects."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from itertools import combinations

import pytest

from generator.types.variants import (
    ANY,
    FULL,
    FULLPART,
    IN,
    KINDS,
    OUT,
    PAGINATE,
    REQUEST,
    RESPONSE,
    WAIT,
    Variant,
    plain,
)

# Old variant strings, as the name table keyed them for the 424 services of the pinned
# botocore (s3, ec2, iam, glacier, sqs, sns, dynamodb, cloudwatch, cloudformation): a sample.
OLD = [
    "any",
    "full",
    "fullpart",
    "in",
    "in@",
    "out",
    "out@",
    "paginate",
    "request",
    "request~",
    "request~AlarmName",
    "request~Attribute,InstanceId",
    "request~Bucket",
    "request~Bucket,Delete",
    "request~Bucket,Key",
    "request~Bucket,Key,PartNumber,UploadId",
    "request~Bucket,Key,UploadId",
    "request~Bucket,Key,VersionId",
    "request~GroupName,PolicyName",
    "request~InstanceId",
    "request~InstanceIds",
    "request~Instances",
    "request~QueueUrl",
    "request~QueueUrl,ReceiptHandle",
    "request~Resources",
    "request~Resources,Tags",
    "request~accountId",
    "request~accountId,limit",
    "request~accountId,limit,statuscode,vaultName",
    "request~accountId,vaultName",
    "response",
    "response@",
    "wait",
    "wait~Bucket",
    "wait~Bucket,Key",
    "wait~InstanceIds",
    "wait~VpcIds",
]
# ... and those with optional members (after a second "~").
OLD_OPTIONAL = ["request~Bucket~VersioningConfiguration", "request~Namespace~MetricData", "request~Resources~Tags"]


def old(text: str) -> Variant:
    """The Variant an old variant string stood for (the language: kind, then "@" for the
    resource side, or "~" dropped members "~" optional members, each ","-separated)."""
    if text.endswith("@"):
        return Variant.on_resource(text[:-1])
    kind, *parts = text.split("~")
    if not parts:
        return plain(kind)
    drop, optional = (set(p.split(",")) - {""} for p in (parts + [""])[:2])
    return Variant.trim(kind, drop, optional)


def test_labels() -> None:
    assert IN.label == "input" and OUT.label == "output" and ANY.label == "input and output"
    assert REQUEST.label == "request" and RESPONSE.label == "response" and WAIT.label == "wait() request"
    assert PAGINATE.label == "paginate() request" and FULL.label == "build_full_result() value"
    assert FULLPART.label == "part of a build_full_result() value"
    # a resource-side or trimmed TypedDict is described by its kind
    assert Variant.on_resource("in").label == "input" and old("request~Bucket,Key").label == "request"


def test_fields_and_flavours() -> None:
    trimmed = old("request~accountId,vaultName~jobParameters")
    assert trimmed == Variant("request", trimmed=True, drop=("accountId", "vaultName"), optional=("jobParameters",))
    assert trimmed.trimmed and not trimmed.resource and not trimmed.plain and trimmed.input_side
    assert old("response@") == Variant("response", resource=True) and not old("response@").input_side
    assert old("request~") == Variant("request", trimmed=True)  # boto3 fills nothing, but converts
    assert all(plain(kind).plain and plain(kind) is plain(kind) == Variant(kind) for kind in KINDS)
    assert {IN, Variant("in"), Variant.on_resource("in")} == {IN, Variant.on_resource("in")}
    with pytest.raises(dataclasses.FrozenInstanceError):
        IN.kind = "out"  # type: ignore[misc]


def test_ordering_is_the_old_strings_order() -> None:
    # plain variants (the client's: the name table hands their names out over sorted keys)
    for a, b in combinations(sorted(KINDS), 2):
        assert plain(a) < plain(b) and (a < b)
    assert sorted(OLD, key=old) == sorted(OLD)
    assert sorted((f"S{i % 3}", old(t)) for i, t in enumerate(OLD)) == [
        (s, old(t)) for s, t in sorted((f"S{i % 3}", t) for i, t in enumerate(OLD))
    ]
    # Where the old text had optional members the orders part: "~" sorted after ",", but
    # a shorter drop tuple sorts first.  ec2's DeleteTagsRequest has both such keys; no
    # name is decided by sorting trimmed variants (naming/table.py sorts client keys only).
    assert old("request~Resources") < old("request~Resources~Tags") < old("request~Resources,Tags")
    assert "request~Resources,Tags" < "request~Resources~Tags"
    assert sorted(OLD_OPTIONAL, key=old) == sorted(OLD_OPTIONAL)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Variant("request~Bucket"),
        lambda: Variant("in@"),
        lambda: Variant(""),
        lambda: plain("input"),
        lambda: Variant("request", resource=True),
        lambda: Variant("wait", resource=True, trimmed=True),
        lambda: Variant("in", trimmed=True),
        lambda: Variant("request", drop=("Bucket",)),
    ],
)
def test_what_it_rejects(make: Callable[[], Variant]) -> None:
    with pytest.raises(ValueError):
        make()
