"""Resources: wrong attribute types, parameters, collection items and waiter arguments."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import dynamodb, ec2, s3
from aws_typed.s3.service_resource import Bucket, Object


def attributes(obj: Object, instance: ec2.service_resource.Instance) -> None:
    length: str = obj.content_length  # E[mypy]: expression has type "int | None", variable has type "str"  # E[pyright]: type "int | None" is not assignable to declared type "str"
    count: int = obj.content_length  # E[mypy]: expression has type "int | None", variable has type "int"  # E[pyright]: type "int | None" is not assignable to declared type "int"
    name: int = obj.key  # E[mypy]: expression has type "str", variable has type "int"  # E[pyright]: type "str" is not assignable to declared type "int"
    launched: str = instance.launch_time  # E[mypy]: expression has type "datetime | None"  # E[pyright]: type "datetime | None" is not assignable
    instance.state["Name"]  # E[mypy]: value of type "InstanceStateTypeDef | None" is not indexable  # E[pyright]: object of type "None" is not subscriptable
    instance.id = "i-2"  # E[mypy]: property "id" defined in "Instance" is read-only  # E[pyright]: cannot assign to attribute "id"


def collections(bucket: Bucket) -> None:
    for item in bucket.objects:  # E[mypy]: "BucketObjectsCollectionManager" has no attribute "__iter__" (not iterable)  # E[pyright]: "BucketObjectsCollectionManager" is not iterable
        print(item)
    for summary in bucket.objects.all():
        summary.content_type  # E[mypy]: "ObjectSummary" has no attribute "content_type"  # E[pyright]: cannot access attribute "content_type" for class "ObjectSummary"
    first: Bucket = next(iter(bucket.objects.all()))  # E[mypy]: expression has type "ObjectSummary", variable has type "Bucket"  # E[pyright]: type "ObjectSummary" is not assignable to declared type "Bucket"
    bucket.objects.filter(Prefix=3)  # E[mypy]: argument "Prefix" to "filter" of "BucketObjectsCollectionManager" has incompatible type "int"  # E[pyright]: cannot be assigned to parameter "Prefix" of type "str"
    bucket.objects.filter(Bucket="other")  # E[mypy]: unexpected keyword argument "Bucket" for "filter"  # E[pyright]: no parameter named "Bucket"
    bucket.objects.page_size("10")  # E[mypy]: argument 1 to "page_size" of "CollectionManager" has incompatible type "str"  # E[pyright]: cannot be assigned to parameter "count" of type "int"
    bucket.objects.filter(Prefix="a/").limit(None)  # E[mypy]: argument 1 to "limit" of "ResourceCollection" has incompatible type "None"  # E[pyright]: "None" cannot be assigned to parameter "count"


def actions(res: s3.S3ServiceResource, bucket: Bucket, obj: Object) -> None:
    bucket.put_object(Bucket="other", Key="k")  # E[mypy]: unexpected keyword argument "Bucket" for "put_object" of "Bucket"  # E[pyright]: no parameter named "Bucket"
    bucket.put_object(Body=b"x")  # E[mypy]: missing named argument "Key" for "put_object" of "Bucket"  # E[pyright]: argument missing for parameter "Key"
    obj.delete(MFA=1)  # E[mypy]: argument "MFA" to "delete" of "Object" has incompatible type "int"  # E[pyright]: cannot be assigned to parameter "MFA" of type "str"
    obj.put(Body=12345)  # E[mypy]: argument "Body" to "put" of "Object" has incompatible type "int"  # E[pyright]: cannot be assigned to parameter "Body"
    res.Bucket(1)  # E[mypy]: argument 1 to "Bucket" of "S3ServiceResource" has incompatible type "int"  # E[pyright]: cannot be assigned to parameter "name" of type "str"
    bucket.Object()  # E[mypy]: missing positional argument "key" in call to "Object" of "Bucket"  # E[pyright]: argument missing for parameter "key"
    bucket.objects.delete(Bucket="b")  # E[mypy]: unexpected keyword argument "Bucket" for "delete"  # E[pyright]: no parameter named "Bucket"
    bucket.objects.delete(Delete={"Objects": []})  # E[mypy]: unexpected keyword argument "Delete" for "delete"  # E[pyright]: no parameter named "Delete"
    obj.upload_file(Filename=1)  # E[mypy]: argument "Filename" to "upload_file" of "S3ObjectMethods" has incompatible type "int"  # E[pyright]: cannot be assigned to parameter "Filename"
    bucket.upload_file("f")  # E[mypy]: missing positional argument "Key" in call to "upload_file"  # E[pyright]: argument missing for parameter "Key"


def waiters(bucket: Bucket, instance: ec2.service_resource.Instance) -> None:
    bucket.wait_until_exists(Bucket="b")  # E[mypy]: unexpected keyword argument "Bucket" for "wait_until_exists"  # E[pyright]: no parameter named "Bucket"
    bucket.wait_until_exists(WaiterConfig={"Delay": "1"})  # E[mypy]: TypedDict item "Delay" has type "int"  # E[pyright]: "Literal['1']" is not assignable to "int"
    instance.wait_until_running(InstanceIds=["i-1"])  # E[mypy]: unexpected keyword argument "InstanceIds" for "wait_until_running"  # E[pyright]: no parameter named "InstanceIds"
    instance.wait_until_runing()  # E[mypy]: "Instance" has no attribute "wait_until_runing"  # E[pyright]: cannot access attribute "wait_until_runing"


def dynamo(table: dynamodb.service_resource.Table) -> None:
    table.put_item(Item={"price": 1.5})  # E[mypy]: dict entry 0 has incompatible type "str": "float"  # E[pyright]: "float" is not assignable to type "TableAttributeValueTypeDef"
    table.query(KeyConditionExpression=3)  # E[mypy]: argument "KeyConditionExpression" to "query" of "Table" has incompatible type "int"; expected "str | ConditionBase"  # E[pyright]: cannot be assigned to parameter "KeyConditionExpression"
    table.query(TableName="t", KeyConditionExpression="pk = :pk")  # E[mypy]: unexpected keyword argument "TableName" for "query" of "Table"  # E[pyright]: no parameter named "TableName"
    table.get_item(Key={"pk": "a"}, ConsistentRead="yes")  # E[mypy]: argument "ConsistentRead" to "get_item" of "Table" has incompatible type "str"  # E[pyright]: cannot be assigned to parameter "ConsistentRead" of type "bool"
    table.batch_writer().put_item(Item={"n": 0.5})  # E[mypy]: dict entry 0 has incompatible type "str": "float"  # E[pyright]: "float" is not assignable to type "TableAttributeValueTypeDef"


def tagging(res: ec2.EC2ServiceResource, vpc: ec2.service_resource.Vpc) -> None:
    vpc.instances.filter(Filters=[{"Name": "a"}]).create_tags(Tags=[{"Key": 1}])  # E[mypy]: TypedDict item "Key" has type "str"  # E[pyright]: cannot be assigned to parameter "Tags"
    vpc.instances.create_tags(Resources=["i-1"], Tags=[])  # E[mypy]: unexpected keyword argument "Resources" for "create_tags"  # E[pyright]: no parameter named "Resources"
    res.create_tags(Tags=[{"Key": "k", "Value": "v"}])  # E[mypy]: missing named argument "Resources" for "create_tags" of "EC2ServiceResource"  # E[pyright]: argument missing for parameter "Resources"
