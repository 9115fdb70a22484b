import type { CloudWatchEventResource, S3BucketNotificationResource, ScheduledEventResource, SnsSubscriptionResource, SqsEventSourceResource } from '@chalice/packager';
import type { RemoteRule, RuleSpec } from './aws/facade.ts';
import { bucketArn, PRINCIPAL, ruleArn, sameJson, topicArn } from './aws-names.ts';
import type { PlanContext } from './plan-context.ts';
import type { Instruction } from './plan-types.ts';
import { hasNotification, lambdaNotification } from './s3-notification.ts';

/**
 * The id of the one target of a Chalice rule, as the original names it.
 *
 * @example
 * await aws.putTarget(ruleName, { id: RULE_TARGET_ID, arn: lambdaArn });
 */
export const RULE_TARGET_ID = '1';

/**
 * A rule (schedule or event pattern), its target and the permission for EventBridge.
 *
 * @example
 * const steps = await planRule(ctx, getResource(graph, 'every_hour-event', 'scheduledEvent'));
 */
export async function planRule(ctx: PlanContext, resource: ScheduledEventResource | CloudWatchEventResource): Promise<Instruction[]> {
  const { resourceName, ruleName, lambdaFunction } = resource;
  // The original records schedules and event patterns alike, as `cloudwatch_event`.
  const resourceType = 'cloudwatch_event';
  const { replaced } = ctx.current(resourceName, resourceType, (r) => r.rule_name === ruleName);
  const rule: RuleSpec =
    resource.kind === 'scheduledEvent'
      ? { ruleName, scheduleExpression: resource.scheduleExpression, description: resource.description }
      : { ruleName, eventPattern: JSON.stringify(resource.eventPattern), description: '' };
  // A rule deleted just above (another type under this name) is gone by the time this runs.
  const remote = replaced.length ? null : await ctx.aws.getRule(ruleName);
  const steps: Instruction[] = [...replaced];
  if (remote && sameRule(remote, rule)) steps.push(...ctx.recordIfChanged({ name: resourceName, resource_type: resourceType, rule_name: ruleName }));
  else steps.push({ kind: 'putRule', message: null, resourceName, rule });
  const targets = remote ? await ctx.aws.listTargets(ruleName) : [];
  if (!targets.some((t) => t.id === RULE_TARGET_ID && t.arn === ctx.functionArn(lambdaFunction))) {
    steps.push({ kind: 'putTarget', message: null, ruleName, targetId: RULE_TARGET_ID, function: lambdaFunction });
  }
  // By the ARN the rule's name gives, as the executor's deleteRule removes it.
  return [...steps, ...(await ctx.permission(lambdaFunction, PRINCIPAL.events, ruleArn(ctx.target, ruleName)))];
}

function sameRule(remote: RemoteRule, wanted: RuleSpec): boolean {
  const pattern = (text: string | undefined) => (text === undefined ? null : JSON.parse(text));
  return (
    (remote.scheduleExpression ?? null) === (wanted.scheduleExpression ?? null) &&
    sameJson(pattern(remote.eventPattern), pattern(wanted.eventPattern)) &&
    (remote.description ?? '') === wanted.description
  );
}

/**
 * The function subscribed to the topic, with the permission for SNS to invoke it.
 *
 * @example
 * const steps = await planSnsSubscription(ctx, getResource(graph, 'on_alert-sns-subscription', 'snsSubscription'));
 */
export async function planSnsSubscription(ctx: PlanContext, resource: SnsSubscriptionResource): Promise<Instruction[]> {
  const { resourceName, topic, lambdaFunction } = resource;
  const arn = topicArn(ctx.target, topic);
  const { recorded, replaced } = ctx.current(resourceName, 'sns_event', (r) => r.topic_arn === arn);
  const lambdaArn = ctx.functionArn(lambdaFunction);
  const steps = [...replaced, ...(await ctx.permission(lambdaFunction, PRINCIPAL.sns, arn))];
  const mine = (await ctx.aws.listSubscriptions(arn)).filter((s) => s.protocol === 'lambda' && s.endpoint === lambdaArn);
  const found = mine.find((s) => s.subscriptionArn === recorded?.subscription_arn) ?? mine[0];
  if (found) {
    return [
      ...steps,
      ...ctx.recordIfChanged({ name: resourceName, resource_type: 'sns_event', topic, topic_arn: arn, subscription_arn: found.subscriptionArn, lambda_arn: lambdaArn }),
    ];
  }
  const message = `Subscribing ${ctx.fn(lambdaFunction).functionName} to SNS topic ${topic}`;
  return [...steps, { kind: 'subscribeSns', message, resourceName, topic, topicArn: arn, function: lambdaFunction }];
}

/**
 * The event source mapping from the queue to the function, with its batch size.
 *
 * @example
 * const steps = await planSqsEventSource(ctx, getResource(graph, 'on_job-sqs-event-source', 'sqsEventSource'));
 */
export async function planSqsEventSource(ctx: PlanContext, resource: SqsEventSourceResource): Promise<Instruction[]> {
  const { resourceName, queue, batchSize, lambdaFunction } = resource;
  const queueArn = await ctx.aws.getQueueArn(queue);
  const { recorded, replaced } = ctx.current(resourceName, 'sqs_event', (r) => r.queue_arn === queueArn);
  const { functionName } = ctx.fn(lambdaFunction);
  const mappings = ctx.newFunctions.has(lambdaFunction) ? [] : await ctx.aws.listEventSourceMappings(functionName);
  const ours = mappings.filter((m) => m.eventSourceArn === queueArn);
  const found = ours.find((m) => m.uuid === recorded?.event_uuid) ?? ours[0];
  if (!found) {
    const message = `Subscribing ${functionName} to SQS queue ${queue}`;
    return [...replaced, { kind: 'createEventSourceMapping', message, resourceName, queue, queueArn, batchSize, function: lambdaFunction, functionName }];
  }
  const update: Instruction[] = found.batchSize === batchSize ? [] : [{ kind: 'updateEventSourceMapping', message: null, uuid: found.uuid, batchSize }];
  const entry = { name: resourceName, resource_type: 'sqs_event', queue, queue_arn: queueArn, event_uuid: found.uuid, lambda_arn: ctx.functionArn(lambdaFunction) } as const;
  return [...replaced, ...update, ...ctx.recordIfChanged(entry)];
}

/**
 * The bucket's notification to the function, merged into the bucket's configuration, with the
 * permission for S3 to invoke it first (S3 checks it when the configuration is written).
 *
 * @example
 * const steps = await planS3Notification(ctx, getResource(graph, 'on_upload-s3event', 's3BucketNotification'));
 */
export async function planS3Notification(ctx: PlanContext, resource: S3BucketNotificationResource): Promise<Instruction[]> {
  const { resourceName, bucket, events, prefix, suffix, lambdaFunction } = resource;
  const { replaced } = ctx.current(resourceName, 's3_event', (r) => r.bucket === bucket);
  const lambdaArn = ctx.functionArn(lambdaFunction);
  const steps = [...replaced, ...(await ctx.permission(lambdaFunction, PRINCIPAL.s3, bucketArn(ctx.target, bucket), ctx.target.accountId))];
  if (hasNotification(await ctx.aws.getBucketNotification(bucket), lambdaNotification(lambdaArn, events, prefix, suffix))) {
    return [...steps, ...ctx.recordIfChanged({ name: resourceName, resource_type: 's3_event', bucket, lambda_arn: lambdaArn })];
  }
  const message = `Configuring S3 events in bucket ${bucket} to function ${ctx.fn(lambdaFunction).functionName}`;
  return [...steps, { kind: 'putBucketNotification', message, resourceName, bucket, events, prefix, suffix, function: lambdaFunction }];
}
