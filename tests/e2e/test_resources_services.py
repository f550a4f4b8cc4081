"""End to end on the moto server: typed sqs, sns, iam, cloudformation and cloudwatch
resources (real HTTP to 127.0.0.1): created through the service resource, found again
through a filtered collection, attributes read, actions and batch actions run."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import pytest
from aws_typed import cloudformation, cloudwatch, iam, sns, sqs
from aws_typed.cloudformation.service_resource import Stack, StackResource, StackResourceSummary
from aws_typed.cloudwatch.service_resource import Alarm, Metric
from aws_typed.iam.service_resource import AccessKeyPair, Group, Policy, Role, User
from aws_typed.sns.service_resource import Subscription, Topic
from aws_typed.sqs.service_resource import Message, Queue

pytestmark = pytest.mark.e2e

ResourceFactory = Callable[..., Any]


def test_sqs_queue_messages(typed_resource: ResourceFactory) -> None:
    res: sqs.SQSServiceResource = typed_resource(sqs)
    queue = res.create_queue(QueueName="botoloom-jobs", Attributes={"VisibilityTimeout": "30"})
    assert isinstance(queue, Queue) and queue.url.endswith("/botoloom-jobs")
    res.create_queue(QueueName="other-queue")

    assert [q.url for q in res.queues.filter(QueueNamePrefix="botoloom-")] == [queue.url]
    found = res.get_queue_by_name(QueueName="botoloom-jobs")
    assert found == queue
    assert found.attributes is not None and found.attributes["VisibilityTimeout"] == "30"

    sent = found.send_message(MessageBody="one", MessageAttributes={"kind": {"DataType": "String", "StringValue": "a"}})
    assert sent["MessageId"]
    batch = found.send_messages(Entries=[{"Id": str(i), "MessageBody": f"body {i}"} for i in range(3)])
    assert len(batch["Successful"]) == 3

    messages: list[Message] = []
    while len(messages) < 4:
        got = found.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=0, MessageAttributeNames=["All"])
        assert got
        messages += got
    assert all(isinstance(m, Message) and m.queue_url == queue.url for m in messages)
    assert sorted(m.body or "" for m in messages) == ["body 0", "body 1", "body 2", "one"]
    first = next(m for m in messages if m.body == "one")
    assert first.message_attributes is not None and first.message_attributes["kind"]["StringValue"] == "a"
    first.change_visibility(VisibilityTimeout=0)
    first.delete()
    deleted = found.delete_messages(
        Entries=[{"Id": str(i), "ReceiptHandle": m.receipt_handle} for i, m in enumerate(messages[1:])]
    )
    assert len(deleted["Successful"]) == 3
    found.reload()
    assert found.attributes is not None and found.attributes["ApproximateNumberOfMessages"] == "0"
    found.delete()
    assert [q.url for q in res.queues.filter(QueueNamePrefix="botoloom-")] == []


def test_sns_topic_subscriptions(typed_resource: ResourceFactory) -> None:
    res: sns.SNSServiceResource = typed_resource(sns)
    sink = typed_resource(sqs).create_queue(QueueName="botoloom-sink")
    assert sink.attributes is not None
    queue_arn = sink.attributes["QueueArn"]
    topic = res.create_topic(Name="botoloom-events", Attributes={"DisplayName": "events"})
    assert isinstance(topic, Topic) and topic.arn.endswith(":botoloom-events")
    res.create_topic(Name="other-events")

    assert [t.arn for t in res.topics.filter() if t.arn.endswith("botoloom-events")] == [topic.arn]
    assert topic.attributes is not None and topic.attributes["DisplayName"] == "events"
    subscription = topic.subscribe(Protocol="sqs", Endpoint=queue_arn, ReturnSubscriptionArn=True)
    assert isinstance(subscription, Subscription)
    assert [s.arn for s in topic.subscriptions.all()] == [subscription.arn]
    assert [s.arn for s in res.subscriptions.filter()] == [subscription.arn]
    assert subscription.attributes is not None and subscription.attributes["Endpoint"] == queue_arn

    published = topic.publish(Message="hello", Subject="greeting")
    assert published["MessageId"]
    (delivered,) = sink.receive_messages(WaitTimeSeconds=0)
    assert json.loads(delivered.body or "{}")["Message"] == "hello"
    topic.set_attributes(AttributeName="DisplayName", AttributeValue="renamed")
    topic.reload()
    assert topic.attributes is not None and topic.attributes["DisplayName"] == "renamed"
    subscription.delete()
    topic.delete()
    assert [t.arn for t in res.topics.all()] == [t.arn for t in res.topics.all() if t.arn.endswith("other-events")]


TRUST = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }
)
POLICY = json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
)


def test_iam_users_groups_roles_policies(typed_resource: ResourceFactory) -> None:
    res: iam.IAMServiceResource = typed_resource(iam)
    user = res.create_user(UserName="ada", Path="/botoloom/")
    assert isinstance(user, User) and user.name == "ada"
    res.create_user(UserName="grace", Path="/elsewhere/")

    assert [u.name for u in res.users.filter(PathPrefix="/botoloom/")] == ["ada"]
    assert user.arn is not None and user.arn.endswith(":user/botoloom/ada") and isinstance(user.create_date, datetime)

    pair = user.create_access_key_pair()
    assert isinstance(pair, AccessKeyPair) and pair.secret and pair.user_name == "ada"
    assert [k.id for k in user.access_keys.all()] == [pair.id]
    key = user.AccessKey(pair.id)
    key.deactivate()
    assert [k.status for k in user.access_keys.all()] == ["Inactive"]

    group = res.create_group(GroupName="engineers")
    assert isinstance(group, Group)
    group.add_user(UserName="ada")
    assert [g.name for g in user.groups.all()] == ["engineers"]
    assert [u.name for u in group.users.all()] == ["ada"]

    role = res.create_role(RoleName="botoloom-role", AssumeRolePolicyDocument=TRUST)
    assert isinstance(role, Role)
    document = role.assume_role_policy_document  # a dict: botocore decodes policy documents
    assert document is not None and document["Statement"][0]["Action"] == "sts:AssumeRole"
    policy = res.create_policy(PolicyName="read-objects", PolicyDocument=POLICY)
    assert isinstance(policy, Policy) and policy.arn.startswith("arn:aws:iam::")
    role.attach_policy(PolicyArn=policy.arn)
    assert [p.arn for p in role.attached_policies.all()] == [policy.arn]
    version = policy.default_version
    assert version is not None and version.document is not None
    assert version.document["Statement"][0]["Action"] == "s3:GetObject"
    assert [r.name for r in policy.attached_roles.all()] == ["botoloom-role"]
    role.detach_policy(PolicyArn=policy.arn)
    group.remove_user(UserName="ada")
    key.delete()
    user.delete()
    assert [u.name for u in res.users.all()] == ["grace"]


TEMPLATE = json.dumps(
    {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "botoloom-stack-queue"}}},
        "Outputs": {"QueueName": {"Value": {"Fn::GetAtt": ["Queue", "QueueName"]}}},
    }
)


def test_cloudformation_stack_resources_and_events(typed_resource: ResourceFactory) -> None:
    res: cloudformation.CloudFormationServiceResource = typed_resource(cloudformation)
    stack = res.create_stack(StackName="botoloom-stack", TemplateBody=TEMPLATE, Tags=[{"Key": "team", "Value": "e2e"}])
    assert isinstance(stack, Stack) and stack.name == "botoloom-stack"
    res.create_stack(StackName="other-stack", TemplateBody=TEMPLATE.replace("botoloom-stack-queue", "other-queue"))

    found = list(res.stacks.filter(StackName="botoloom-stack"))
    assert found == [stack]
    assert stack.stack_status == "CREATE_COMPLETE" and isinstance(stack.creation_time, datetime)
    assert stack.tags == [{"Key": "team", "Value": "e2e"}]
    assert stack.outputs is not None and stack.outputs[0]["OutputValue"] == "botoloom-stack-queue"

    summaries = list(stack.resource_summaries.all())
    assert len(summaries) == 1 and isinstance(summaries[0], StackResourceSummary)
    assert summaries[0].logical_id == "Queue" and summaries[0].resource_type == "AWS::SQS::Queue"
    # (not summaries[0].Resource(): boto3 passes that one's identifiers swapped)
    resource = stack.Resource("Queue")
    assert isinstance(resource, StackResource) and resource.resource_status == "CREATE_COMPLETE"
    assert resource.physical_resource_id == summaries[0].physical_resource_id
    assert resource.Stack() == stack
    events = list(stack.events.all())
    assert events and all(e.stack_name == "botoloom-stack" for e in events)
    assert events[0].timestamp.tzinfo is not None

    stack.delete()
    assert [s.name for s in res.stacks.all()] == ["other-stack"]


def test_cloudwatch_metrics_and_alarms(typed_resource: ResourceFactory) -> None:
    res: cloudwatch.CloudWatchServiceResource = typed_resource(cloudwatch)
    metric = res.Metric("Botoloom/E2E", "Latency")
    assert isinstance(metric, Metric) and metric.namespace == "Botoloom/E2E" and metric.name == "Latency"
    now = datetime.now(timezone.utc)
    # MetricData replaces boto3's own [{"MetricName": ...}] whole, so it names the metric again
    metric.put_data(
        MetricData=[
            {"MetricName": "Latency", "Value": 12.5, "Unit": "Milliseconds", "Timestamp": now},
            {"MetricName": "Latency", "Value": 30.0, "Unit": "Milliseconds"},
        ]
    )
    res.Metric("Other/Namespace", "Count").put_data(MetricData=[{"MetricName": "Count", "Value": 1.0}])

    found = list(res.metrics.filter(Namespace="Botoloom/E2E"))
    assert found and all(isinstance(m, Metric) for m in found)
    assert {(m.namespace, m.name) for m in found} == {("Botoloom/E2E", "Latency")}  # moto lists it per datum

    for name in ("botoloom-high-latency", "botoloom-low-latency"):
        alarm = metric.put_alarm(
            AlarmName=name,
            Statistic="Average",
            Period=60,
            EvaluationPeriods=1,
            Threshold=20.0,
            ComparisonOperator="GreaterThanThreshold",
        )
        assert isinstance(alarm, Alarm) and alarm.name == name
    res.Metric("Other/Namespace", "Count").put_alarm(
        AlarmName="unrelated",
        Statistic="Sum",
        Period=60,
        EvaluationPeriods=1,
        Threshold=1.0,
        ComparisonOperator="GreaterThanThreshold",
    )

    mine = res.alarms.filter(AlarmNamePrefix="botoloom-")
    assert [a.name for a in mine] == ["botoloom-high-latency", "botoloom-low-latency"]
    high = res.Alarm("botoloom-high-latency")
    assert high.threshold == 20.0 and high.evaluation_periods == 1 and high.metric_name == "Latency"
    high.set_state(StateValue="ALARM", StateReason="e2e")
    high.reload()
    assert high.state_value == "ALARM"
    assert [a.name for a in metric.alarms.all()] == ["botoloom-high-latency", "botoloom-low-latency"]

    deleted = res.alarms.filter(AlarmNamePrefix="botoloom-").delete()  # batch action: DeleteAlarms
    assert len(deleted) == 1
    assert [a.name for a in res.alarms.all()] == ["unrelated"]
