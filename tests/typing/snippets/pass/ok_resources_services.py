"""sqs, sns, iam, cloudformation, cloudwatch and glacier resources."""

from __future__ import annotations

from aws_typed import cloudformation, cloudwatch, glacier, iam, sns, sqs
from aws_typed.iam.service_resource import AccessKeyPair, PolicyVersion, User
from aws_typed.sqs.service_resource import Message, Queue


def queues(res: sqs.SQSServiceResource) -> list[str]:
    queue: Queue = res.create_queue(QueueName="q", Attributes={"VisibilityTimeout": "30"})
    queue.send_messages(Entries=[{"Id": "1", "MessageBody": "a"}])
    messages: list[Message] = queue.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=1)
    bodies = [m.body or "" for m in messages]
    messages[0].delete()
    for q in res.queues.filter(QueueNamePrefix="q"):
        print(q.url, q.attributes)
    return bodies


def topics(res: sns.SNSServiceResource, queue_arn: str) -> None:
    topic = res.create_topic(Name="t")
    subscription = topic.subscribe(Protocol="sqs", Endpoint=queue_arn)
    print(subscription.arn, topic.publish(Message="m").get("MessageId"))


def users(res: iam.IAMServiceResource) -> None:
    user: User = res.create_user(UserName="ada")
    pair: AccessKeyPair = user.create_access_key_pair()
    print(pair.secret, [k.id for k in user.access_keys.all()], user.arn)
    policy = res.create_policy(PolicyName="p", PolicyDocument="{}")
    version: PolicyVersion | None = policy.default_version
    if version is not None and version.document is not None:
        print(version.document["Statement"])
    for u in res.users.filter(PathPrefix="/"):
        print(u.name)


def stacks(res: cloudformation.CloudFormationServiceResource) -> None:
    stack = res.create_stack(StackName="s", TemplateBody="{}")
    for s in res.stacks.filter(StackName="s"):
        print(s.stack_status, s.creation_time.isoformat())
    print([r.logical_id for r in stack.resource_summaries.all()])


def metrics(res: cloudwatch.CloudWatchServiceResource) -> None:
    metric = res.Metric("ns", "m")
    metric.put_data(MetricData=[{"MetricName": "m", "Value": 1.0}])
    alarm = metric.put_alarm(AlarmName="a", EvaluationPeriods=1, ComparisonOperator="GreaterThanThreshold", Threshold=1.0)
    print(alarm.state_value, alarm.threshold)
    res.alarms.filter(AlarmNamePrefix="a").delete()


def vaults(res: glacier.GlacierServiceResource) -> None:
    vault = res.create_vault(vaultName="v")
    archive = vault.upload_archive(body=b"x")
    job = archive.initiate_archive_retrieval(jobParameters={"Type": "archive-retrieval", "ArchiveId": archive.id, "Tier": "Bulk"})
    for j in vault.jobs.limit(10):
        print(j.id, j.status_code, job.id)
