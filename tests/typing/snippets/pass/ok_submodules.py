"""Every submodule of the package imported by its dotted path is the module, for the checkers
as at run time (issue #29, item 1: `import aws_typed.s3.client as m` once gave the factory at
run time). tests/runtime/test_interop.py imports the same list and checks it holds."""

from __future__ import annotations

import aws_typed._aio as m__aio
import aws_typed._conditions as m__conditions
import aws_typed._entry as m__entry
import aws_typed._injected as m__injected
import aws_typed._resources as m__resources
import aws_typed._runtime as m__runtime
import aws_typed._stubber as m__stubber
import aws_typed._types as m__types
import aws_typed.apigatewayv2 as m_apigatewayv2
import aws_typed.apigatewayv2.client as m_apigatewayv2_client
import aws_typed.apigatewayv2.exceptions as m_apigatewayv2_exceptions
import aws_typed.apigatewayv2.literals as m_apigatewayv2_literals
import aws_typed.apigatewayv2.paginators as m_apigatewayv2_paginators
import aws_typed.apigatewayv2.stubber as m_apigatewayv2_stubber
import aws_typed.apigatewayv2.type_defs as m_apigatewayv2_type_defs
import aws_typed.boto3 as m_boto3
import aws_typed.cloudformation as m_cloudformation
import aws_typed.cloudformation.client as m_cloudformation_client
import aws_typed.cloudformation.exceptions as m_cloudformation_exceptions
import aws_typed.cloudformation.literals as m_cloudformation_literals
import aws_typed.cloudformation.paginators as m_cloudformation_paginators
import aws_typed.cloudformation.resource_type_defs as m_cloudformation_resource_type_defs
import aws_typed.cloudformation.service_resource as m_cloudformation_service_resource
import aws_typed.cloudformation.stubber as m_cloudformation_stubber
import aws_typed.cloudformation.type_defs as m_cloudformation_type_defs
import aws_typed.cloudformation.waiters as m_cloudformation_waiters
import aws_typed.cloudwatch as m_cloudwatch
import aws_typed.cloudwatch.client as m_cloudwatch_client
import aws_typed.cloudwatch.exceptions as m_cloudwatch_exceptions
import aws_typed.cloudwatch.literals as m_cloudwatch_literals
import aws_typed.cloudwatch.paginators as m_cloudwatch_paginators
import aws_typed.cloudwatch.resource_type_defs as m_cloudwatch_resource_type_defs
import aws_typed.cloudwatch.service_resource as m_cloudwatch_service_resource
import aws_typed.cloudwatch.stubber as m_cloudwatch_stubber
import aws_typed.cloudwatch.type_defs as m_cloudwatch_type_defs
import aws_typed.cloudwatch.waiters as m_cloudwatch_waiters
import aws_typed.dynamodb as m_dynamodb
import aws_typed.dynamodb.client as m_dynamodb_client
import aws_typed.dynamodb.conditions as m_dynamodb_conditions
import aws_typed.dynamodb.exceptions as m_dynamodb_exceptions
import aws_typed.dynamodb.literals as m_dynamodb_literals
import aws_typed.dynamodb.paginators as m_dynamodb_paginators
import aws_typed.dynamodb.resource_type_defs as m_dynamodb_resource_type_defs
import aws_typed.dynamodb.service_resource as m_dynamodb_service_resource
import aws_typed.dynamodb.stubber as m_dynamodb_stubber
import aws_typed.dynamodb.type_defs as m_dynamodb_type_defs
import aws_typed.dynamodb.waiters as m_dynamodb_waiters
import aws_typed.ec2 as m_ec2
import aws_typed.ec2.client as m_ec2_client
import aws_typed.ec2.exceptions as m_ec2_exceptions
import aws_typed.ec2.literals as m_ec2_literals
import aws_typed.ec2.paginators as m_ec2_paginators
import aws_typed.ec2.resource_type_defs as m_ec2_resource_type_defs
import aws_typed.ec2.service_resource as m_ec2_service_resource
import aws_typed.ec2.stubber as m_ec2_stubber
import aws_typed.ec2.type_defs as m_ec2_type_defs
import aws_typed.ec2.waiters as m_ec2_waiters
import aws_typed.glacier as m_glacier
import aws_typed.glacier.client as m_glacier_client
import aws_typed.glacier.exceptions as m_glacier_exceptions
import aws_typed.glacier.literals as m_glacier_literals
import aws_typed.glacier.paginators as m_glacier_paginators
import aws_typed.glacier.resource_type_defs as m_glacier_resource_type_defs
import aws_typed.glacier.service_resource as m_glacier_service_resource
import aws_typed.glacier.stubber as m_glacier_stubber
import aws_typed.glacier.type_defs as m_glacier_type_defs
import aws_typed.glacier.waiters as m_glacier_waiters
import aws_typed.glue as m_glue
import aws_typed.glue.client as m_glue_client
import aws_typed.glue.exceptions as m_glue_exceptions
import aws_typed.glue.literals as m_glue_literals
import aws_typed.glue.paginators as m_glue_paginators
import aws_typed.glue.stubber as m_glue_stubber
import aws_typed.glue.type_defs as m_glue_type_defs
import aws_typed.iam as m_iam
import aws_typed.iam.client as m_iam_client
import aws_typed.iam.exceptions as m_iam_exceptions
import aws_typed.iam.literals as m_iam_literals
import aws_typed.iam.paginators as m_iam_paginators
import aws_typed.iam.resource_type_defs as m_iam_resource_type_defs
import aws_typed.iam.service_resource as m_iam_service_resource
import aws_typed.iam.stubber as m_iam_stubber
import aws_typed.iam.type_defs as m_iam_type_defs
import aws_typed.iam.waiters as m_iam_waiters
import aws_typed.lambda_ as m_lambda_
import aws_typed.lambda_.client as m_lambda__client
import aws_typed.lambda_.exceptions as m_lambda__exceptions
import aws_typed.lambda_.literals as m_lambda__literals
import aws_typed.lambda_.paginators as m_lambda__paginators
import aws_typed.lambda_.stubber as m_lambda__stubber
import aws_typed.lambda_.type_defs as m_lambda__type_defs
import aws_typed.lambda_.waiters as m_lambda__waiters
import aws_typed.s3 as m_s3
import aws_typed.s3.client as m_s3_client
import aws_typed.s3.exceptions as m_s3_exceptions
import aws_typed.s3.literals as m_s3_literals
import aws_typed.s3.paginators as m_s3_paginators
import aws_typed.s3.resource_type_defs as m_s3_resource_type_defs
import aws_typed.s3.service_resource as m_s3_service_resource
import aws_typed.s3.stubber as m_s3_stubber
import aws_typed.s3.type_defs as m_s3_type_defs
import aws_typed.s3.waiters as m_s3_waiters
import aws_typed.sns as m_sns
import aws_typed.sns.client as m_sns_client
import aws_typed.sns.exceptions as m_sns_exceptions
import aws_typed.sns.literals as m_sns_literals
import aws_typed.sns.paginators as m_sns_paginators
import aws_typed.sns.resource_type_defs as m_sns_resource_type_defs
import aws_typed.sns.service_resource as m_sns_service_resource
import aws_typed.sns.stubber as m_sns_stubber
import aws_typed.sns.type_defs as m_sns_type_defs
import aws_typed.sqs as m_sqs
import aws_typed.sqs.client as m_sqs_client
import aws_typed.sqs.exceptions as m_sqs_exceptions
import aws_typed.sqs.literals as m_sqs_literals
import aws_typed.sqs.paginators as m_sqs_paginators
import aws_typed.sqs.resource_type_defs as m_sqs_resource_type_defs
import aws_typed.sqs.service_resource as m_sqs_service_resource
import aws_typed.sqs.stubber as m_sqs_stubber
import aws_typed.sqs.type_defs as m_sqs_type_defs
import aws_typed.wafv2 as m_wafv2
import aws_typed.wafv2.client as m_wafv2_client
import aws_typed.wafv2.exceptions as m_wafv2_exceptions
import aws_typed.wafv2.literals as m_wafv2_literals
import aws_typed.wafv2.stubber as m_wafv2_stubber
import aws_typed.wafv2.type_defs as m_wafv2_type_defs

USED = (
    m__aio.AioSessionLike,
    m__conditions.Attr,
    m__entry.BaseSession,
    m__injected.BatchWriter,
    m__resources.BaseResource,
    m__runtime.BaseClient,
    m__stubber.ANY,
    m__types.BlobTypeDef,
    m_apigatewayv2.ApiGatewayV2Client,
    m_apigatewayv2_client.ApiGatewayV2Client,
    m_apigatewayv2_exceptions.ApiGatewayV2Exceptions,
    m_apigatewayv2_literals.AuthorizationTypeType,
    m_apigatewayv2_paginators.PAGINATORS,
    m_apigatewayv2_stubber.ANY,
    m_apigatewayv2_type_defs.ACMManagedTypeDef,
    m_boto3.ClientError,
    m_cloudformation.CloudFormationClient,
    m_cloudformation_client.CloudFormationClient,
    m_cloudformation_exceptions.CloudFormationExceptions,
    m_cloudformation_literals.AccountFilterTypeType,
    m_cloudformation_paginators.PAGINATORS,
    m_cloudformation_resource_type_defs.CancelUpdateStackInputStackCancelUpdateTypeDef,
    m_cloudformation_service_resource.CloudFormationServiceResource,
    m_cloudformation_stubber.ANY,
    m_cloudformation_type_defs.AccountGateResultTypeDef,
    m_cloudformation_waiters.WAITERS,
    m_cloudwatch.CloudWatchClient,
    m_cloudwatch_client.CloudWatchClient,
    m_cloudwatch_exceptions.CloudWatchExceptions,
    m_cloudwatch_literals.ActionsSuppressedByType,
    m_cloudwatch_paginators.PAGINATORS,
    m_cloudwatch_resource_type_defs.AlarmHistoryItemTypeDef,
    m_cloudwatch_service_resource.Alarm,
    m_cloudwatch_stubber.ANY,
    m_cloudwatch_type_defs.AlarmContributorTypeDef,
    m_cloudwatch_waiters.WAITERS,
    m_dynamodb.DynamoDBClient,
    m_dynamodb_client.DynamoDBClient,
    m_dynamodb_conditions.Attr,
    m_dynamodb_exceptions.DynamoDBExceptions,
    m_dynamodb_literals.ApproximateCreationDateTimePrecisionType,
    m_dynamodb_paginators.PAGINATORS,
    m_dynamodb_resource_type_defs.ArchivalSummaryTypeDef,
    m_dynamodb_service_resource.DynamoDBResourceClient,
    m_dynamodb_stubber.ANY,
    m_dynamodb_type_defs.ArchivalSummaryTypeDef,
    m_dynamodb_waiters.WAITERS,
    m_ec2.EC2Client,
    m_ec2_client.EC2Client,
    m_ec2_exceptions.EC2Exceptions,
    m_ec2_literals.AcceleratorManufacturerType,
    m_ec2_paginators.PAGINATORS,
    m_ec2_resource_type_defs.AcceptVpcPeeringConnectionRequestVpcPeeringConnectionAcceptTypeDef,
    m_ec2_service_resource.ClassicAddress,
    m_ec2_stubber.ANY,
    m_ec2_type_defs.AcceleratorCountRequestTypeDef,
    m_ec2_waiters.WAITERS,
    m_glacier.GlacierClient,
    m_glacier_client.GlacierClient,
    m_glacier_exceptions.GlacierExceptions,
    m_glacier_literals.ActionCodeType,
    m_glacier_paginators.PAGINATORS,
    m_glacier_resource_type_defs.ArchiveCreationOutputTypeDef,
    m_glacier_service_resource.Account,
    m_glacier_stubber.ANY,
    m_glacier_type_defs.AbortMultipartUploadInputTypeDef,
    m_glacier_waiters.WAITERS,
    m_glue.GlueClient,
    m_glue_client.GlueClient,
    m_glue_exceptions.GlueExceptions,
    m_glue_literals.AdditionalOptionKeysType,
    m_glue_paginators.PAGINATORS,
    m_glue_stubber.ANY,
    m_glue_type_defs.ActionOutputTypeDef,
    m_iam.IAMClient,
    m_iam_client.IAMClient,
    m_iam_exceptions.IAMExceptions,
    m_iam_literals.AccessAdvisorUsageGranularityTypeType,
    m_iam_paginators.PAGINATORS,
    m_iam_resource_type_defs.AddRoleToInstanceProfileRequestInstanceProfileAddRoleTypeDef,
    m_iam_service_resource.AccessKey,
    m_iam_stubber.ANY,
    m_iam_type_defs.AcceptDelegationRequestRequestTypeDef,
    m_iam_waiters.WAITERS,
    m_lambda_.LambdaClient,
    m_lambda__client.LambdaClient,
    m_lambda__exceptions.LambdaExceptions,
    m_lambda__literals.ApplicationLogLevelType,
    m_lambda__paginators.PAGINATORS,
    m_lambda__stubber.ANY,
    m_lambda__type_defs.AccountLimitTypeDef,
    m_lambda__waiters.WAITERS,
    m_s3.S3Client,
    m_s3_client.S3Client,
    m_s3_exceptions.S3Exceptions,
    m_s3_literals.AnalyticsS3ExportFileFormatType,
    m_s3_paginators.PAGINATORS,
    m_s3_resource_type_defs.AbortIncompleteMultipartUploadTypeDef,
    m_s3_service_resource.Bucket,
    m_s3_stubber.ANY,
    m_s3_type_defs.AbacStatusTypeDef,
    m_s3_waiters.WAITERS,
    m_sns.SNSClient,
    m_sns_client.SNSClient,
    m_sns_exceptions.SNSExceptions,
    m_sns_literals.LanguageCodeStringType,
    m_sns_paginators.PAGINATORS,
    m_sns_resource_type_defs.AddPermissionInputTopicAddPermissionTypeDef,
    m_sns_service_resource.PlatformApplication,
    m_sns_stubber.ANY,
    m_sns_type_defs.AddPermissionInputTopicAddPermissionTypeDef,
    m_sqs.SQSClient,
    m_sqs_client.SQSClient,
    m_sqs_exceptions.SQSExceptions,
    m_sqs_literals.MessageSystemAttributeNameType,
    m_sqs_paginators.PAGINATORS,
    m_sqs_resource_type_defs.AddPermissionRequestQueueAddPermissionTypeDef,
    m_sqs_service_resource.Message,
    m_sqs_stubber.ANY,
    m_sqs_type_defs.AddPermissionRequestQueueAddPermissionTypeDef,
    m_wafv2.WAFV2Client,
    m_wafv2_client.WAFV2Client,
    m_wafv2_exceptions.WAFV2Exceptions,
    m_wafv2_literals.ActionValueType,
    m_wafv2_stubber.ANY,
    m_wafv2_type_defs.APIKeySummaryTypeDef,
)
