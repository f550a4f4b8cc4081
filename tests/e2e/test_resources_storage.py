"""End to end on the moto server: typed s3 and glacier resources, collections, batch
actions, waiters and boto3's injected s3 transfer methods (real HTTP to 127.0.0.1)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from aws_typed import glacier, s3
from aws_typed.glacier.service_resource import Job, Vault
from aws_typed.s3.service_resource import Bucket, Object, ObjectSummary

pytestmark = pytest.mark.e2e

ResourceFactory = Callable[..., Any]
BUCKET = "botoloom-resources"


def test_s3_bucket_objects_filter_pages_and_batch_delete(typed_resource: ResourceFactory) -> None:
    res: s3.S3ServiceResource = typed_resource(s3)
    bucket = res.create_bucket(Bucket=BUCKET)
    assert isinstance(bucket, Bucket) and bucket.name == BUCKET
    bucket.wait_until_exists(WaiterConfig={"Delay": 1, "MaxAttempts": 5})

    for i in range(25):
        made = bucket.put_object(Key=f"logs/{i:02d}.txt", Body=b"x" * i, ContentType="text/plain")
        assert isinstance(made, Object) and made.key == f"logs/{i:02d}.txt"
    bucket.put_object(Key="other/keep.txt", Body=b"keep")

    # found again through the service resource's collection
    res.create_bucket(Bucket="other-bucket")
    assert [b.name for b in res.buckets.filter(Prefix="botoloom-")] == [BUCKET]
    assert sorted(b.name for b in res.buckets.all()) == [BUCKET, "other-bucket"]
    found = res.Bucket(BUCKET)
    assert found == bucket and isinstance(found.creation_date, datetime)

    logs = found.objects.filter(Prefix="logs/").page_size(10)
    pages = list(logs.pages())
    assert [len(page) for page in pages] == [10, 10, 5]
    items = list(logs)
    assert all(isinstance(item, ObjectSummary) for item in items)
    assert [item.key for item in items] == [f"logs/{i:02d}.txt" for i in range(25)]
    assert [item.size for item in items] == list(range(25))
    assert [o.key for o in found.objects.filter(Prefix="logs/").limit(3)] == [
        "logs/00.txt",
        "logs/01.txt",
        "logs/02.txt",
    ]

    summary = items[3]
    obj = summary.Object()
    obj.wait_until_exists()
    assert obj.content_length == 3 and obj.content_type == "text/plain"
    assert obj.get()["Body"].read() == b"xxx"
    assert summary.get()["ContentLength"] == 3

    deleted = found.objects.filter(Prefix="logs/").page_size(10).delete()
    assert [len(batch["Deleted"]) for batch in deleted] == [10, 10, 5]
    assert [o.key for o in found.objects.all()] == ["other/keep.txt"]
    found.objects.delete()
    found.delete()
    found.wait_until_not_exists(WaiterConfig={"Delay": 1, "MaxAttempts": 3})


def test_s3_injected_transfer_methods(typed_resource: ResourceFactory, typed_client: Any, tmp_path: Path) -> None:
    res: s3.S3ServiceResource = typed_resource(s3)
    bucket = res.create_bucket(Bucket=BUCKET)
    source = tmp_path / "source.bin"
    source.write_bytes(b"botoloom " * 1000)

    bucket.upload_file(source, "a/file.bin", ExtraArgs={"ContentType": "application/octet-stream"})
    bucket.upload_fileobj(io.BytesIO(b"from a buffer"), "a/buffer.bin")
    obj = bucket.Object("a/object.bin")
    obj.upload_file(str(source))
    bucket.Object("a/object-fileobj.bin").upload_fileobj(io.BytesIO(b"object buffer"))

    bucket.download_file("a/file.bin", tmp_path / "bucket.bin")
    assert (tmp_path / "bucket.bin").read_bytes() == source.read_bytes()
    obj.download_file(str(tmp_path / "object.bin"))
    assert (tmp_path / "object.bin").read_bytes() == source.read_bytes()
    sink = io.BytesIO()
    bucket.download_fileobj("a/buffer.bin", sink)
    assert sink.getvalue() == b"from a buffer"
    sink = io.BytesIO()
    bucket.Object("a/object-fileobj.bin").download_fileobj(sink)
    assert sink.getvalue() == b"object buffer"

    bucket.copy({"Bucket": BUCKET, "Key": "a/file.bin"}, "b/copied-by-bucket.bin")
    bucket.Object("b/copied-by-object.bin").copy({"Bucket": BUCKET, "Key": "a/buffer.bin"})
    assert bucket.Object("b/copied-by-bucket.bin").content_length == source.stat().st_size
    assert bucket.Object("b/copied-by-object.bin").get()["Body"].read() == b"from a buffer"

    # the typed client's injected methods (declared for type checkers, boto3's at run time)
    client: s3.S3Client = typed_client(s3)
    client.upload_file(str(source), BUCKET, "c/client.bin")
    client.download_file(BUCKET, "c/client.bin", str(tmp_path / "client.bin"))
    assert (tmp_path / "client.bin").read_bytes() == source.read_bytes()
    client.copy({"Bucket": BUCKET, "Key": "c/client.bin"}, BUCKET, "c/client-copy.bin")
    post = client.generate_presigned_post(BUCKET, "c/posted.txt", ExpiresIn=60)
    assert post["url"].startswith("http://127.0.0.1:") and post["fields"]["key"] == "c/posted.txt"
    assert sorted(o.key for o in bucket.objects.filter(Prefix="c/")) == ["c/client-copy.bin", "c/client.bin"]


def test_glacier_vault_archive_and_jobs(typed_resource: ResourceFactory) -> None:
    res: glacier.GlacierServiceResource = typed_resource(glacier)
    vault = res.create_vault(vaultName="botoloom-vault")  # accountId "-" is filled by botocore
    assert isinstance(vault, Vault) and vault.name == "botoloom-vault" and vault.account_id == "-"
    vault.load()
    assert vault.vault_name == "botoloom-vault" and vault.number_of_archives == 0

    res.create_vault(vaultName="other-vault")
    found = [v for v in res.vaults.filter() if v.name == "botoloom-vault"]
    assert found == [vault]
    account = res.Account("-")
    assert [v.name for v in account.vaults.limit(1)] == ["botoloom-vault"]

    archive = vault.upload_archive(body=b"archived bytes", archiveDescription="e2e")
    assert archive.vault_name == "botoloom-vault" and archive.id

    job = archive.initiate_archive_retrieval()
    assert isinstance(job, Job) and job.id
    jobs = list(vault.jobs.all())
    assert [j.id for j in jobs] == [job.id]
    job.load()
    assert job.action == "ArchiveRetrieval" and job.archive_id == archive.id
    archive.delete()
