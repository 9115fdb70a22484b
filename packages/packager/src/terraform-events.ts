import type { CloudWatchEventResource, S3BucketNotificationResource, ScheduledEventResource, SnsSubscriptionResource, SqsEventSourceResource } from './graph-types.ts';
import { isTopicArn } from './naming.ts';
import { interpolate, jsonTemplate, reference, template, type TerraformBlock, type TerraformConfigBuilder, type TerraformExpression } from './terraform-values.ts';

// The deploying account's partition, region and id, for ARNs built from names. The region's
// `id` rather than its `name`: provider v6 deprecated `name` (for `region`, which v5 lacks), and
// `id` is the region's name in both.
const PARTITION = interpolate('data.aws_partition.chalice.partition');
const REGION = interpolate('data.aws_region.chalice.id');
const ACCOUNT = interpolate('data.aws_caller_identity.chalice.account_id');

/**
 * An `aws_lambda_permission` letting a service invoke a function.
 *
 * @example
 * permission('every_hour', 'events.amazonaws.com', reference('aws_cloudwatch_event_rule', 'every_hour-event', 'arn'));
 */
export function permission(lambdaFunction: string, principal: string, sourceArn: TerraformExpression | string): TerraformBlock {
  return {
    function_name: reference('aws_lambda_function', lambdaFunction, 'function_name'),
    action: 'lambda:InvokeFunction',
    principal,
    source_arn: sourceArn,
  };
}

/**
 * An EventBridge rule (a schedule or an event pattern), its target, and the permission.
 *
 * @example
 * eventRule(config, scheduledEvent); // aws_cloudwatch_event_rule.every_hour_event, ...
 */
export function eventRule(config: TerraformConfigBuilder, event: ScheduledEventResource | CloudWatchEventResource): void {
  const trigger: TerraformBlock =
    event.kind === 'scheduledEvent'
      ? { schedule_expression: event.scheduleExpression, ...(event.description ? { description: event.description } : {}) }
      : { event_pattern: jsonTemplate(event.eventPattern) };
  const rule = config.resource('aws_cloudwatch_event_rule', event.resourceName, { name: event.ruleName, ...trigger });
  config.resource('aws_cloudwatch_event_target', event.resourceName, {
    rule: reference('aws_cloudwatch_event_rule', rule, 'name'),
    target_id: event.resourceName,
    arn: reference('aws_lambda_function', event.lambdaFunction, 'arn'),
  });
  config.resource('aws_lambda_permission', event.resourceName, permission(event.lambdaFunction, 'events.amazonaws.com', reference('aws_cloudwatch_event_rule', rule, 'arn')));
}

/**
 * A notification of the graph with the Terraform name of its permission.
 *
 * @example
 * const n: BucketNotification = { ...notification, permission: 'on_upload_s3event' };
 */
export type BucketNotification = S3BucketNotificationResource & { permission: string };

/**
 * The permission letting S3 invoke one notification's function, by its Terraform name. The notification itself is
 * written per bucket by {@link bucketNotifications}.
 *
 * @example
 * s3Permission(config, notification); // aws_lambda_permission.on_upload_s3event
 */
export function s3Permission(config: TerraformConfigBuilder, notification: S3BucketNotificationResource): string {
  return config.resource('aws_lambda_permission', notification.resourceName, {
    ...permission(notification.lambdaFunction, 's3.amazonaws.com', template('arn:', PARTITION, `:s3:::${notification.bucket}`)),
    // Bucket ARNs name no account: without this, another account's bucket of that name could invoke.
    source_account: ACCOUNT,
  });
}

/**
 * One `aws_s3_bucket_notification` per bucket, holding every function's notification on it:
 * the resource owns the bucket's whole notification configuration (two on one bucket would
 * overwrite each other on every apply), so functions sharing a bucket share the resource. It
 * depends on the permissions, because S3 checks it may invoke each function when the
 * configuration is put.
 *
 * @example
 * const permission = s3Permission(config, onUpload);
 * bucketNotifications(config, [{ ...onUpload, permission }]); // aws_s3_bucket_notification.mybucket_notify
 */
export function bucketNotifications(config: TerraformConfigBuilder, notifications: BucketNotification[]): void {
  const byBucket = new Map<string, BucketNotification[]>();
  for (const n of notifications) byBucket.set(n.bucket, [...(byBucket.get(n.bucket) ?? []), n]);
  for (const [bucket, onBucket] of byBucket) {
    config.resource('aws_s3_bucket_notification', `${bucket}_notify`, {
      '//': "This resource owns the bucket's whole notification configuration: add the bucket's other notifications here, not in another resource.",
      bucket,
      lambda_function: onBucket.map((n) => ({
        id: n.resourceName,
        lambda_function_arn: reference('aws_lambda_function', n.lambdaFunction, 'arn'),
        events: n.events,
        ...(n.prefix ? { filter_prefix: n.prefix } : {}),
        ...(n.suffix ? { filter_suffix: n.suffix } : {}),
      })),
      depends_on: onBucket.map((n) => `aws_lambda_permission.${n.permission}`),
    });
  }
}

/**
 * A function's subscription to a topic (by name in the deploying account and region, or by
 * ARN), and the permission.
 *
 * @example
 * snsSubscription(config, subscription); // aws_sns_topic_subscription.on_message_sns_subscription
 */
export function snsSubscription(config: TerraformConfigBuilder, subscription: SnsSubscriptionResource): void {
  const topicArn = isTopicArn(subscription.topic) ? subscription.topic : template('arn:', PARTITION, ':sns:', REGION, ':', ACCOUNT, `:${subscription.topic}`);
  config.resource('aws_sns_topic_subscription', subscription.resourceName, {
    topic_arn: topicArn,
    protocol: 'lambda',
    endpoint: reference('aws_lambda_function', subscription.lambdaFunction, 'arn'),
  });
  config.resource('aws_lambda_permission', subscription.resourceName, permission(subscription.lambdaFunction, 'sns.amazonaws.com', topicArn));
}

/**
 * The ARN of a queue of the deploying account and region, by name.
 *
 * @example
 * queueArn('jobs'); // template 'arn:${data.aws_partition.chalice.partition}:sqs:...:jobs'
 */
export function queueArn(queue: string): TerraformExpression {
  return template('arn:', PARTITION, ':sqs:', REGION, ':', ACCOUNT, `:${queue}`);
}

/**
 * The mapping from a queue of the deploying account and region to a function.
 *
 * @example
 * sqsEventSource(config, source); // aws_lambda_event_source_mapping.on_batch_sqs_event_source
 */
export function sqsEventSource(config: TerraformConfigBuilder, source: SqsEventSourceResource): void {
  config.resource('aws_lambda_event_source_mapping', source.resourceName, {
    event_source_arn: queueArn(source.queue),
    function_name: reference('aws_lambda_function', source.lambdaFunction, 'arn'),
    batch_size: source.batchSize,
  });
}
