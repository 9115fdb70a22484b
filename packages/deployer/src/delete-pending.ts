import { assertNever } from './assert-never.ts';
import type { AwsFacade } from './aws/facade.ts';
import { functionNameOf, permissionId, PRINCIPAL } from './aws-names.ts';
import { taggedStage } from './find-rest-api.ts';
import type { PendingResource } from './state-types.ts';

/** The executor's removals that a pending rule or bucket notification shares with recorded ones. */
export interface Removals {
  removeRule(ruleName: string): Promise<void>;
  removeNotification(bucket: string, lambdaArn: string): Promise<void>;
}

/**
 * Deletes what an interrupted create may have made, found by what it was making: by name
 * (role, function, rule, websocket API), by name and stage tag (REST API), by function and
 * source (SQS mapping, SNS subscription, bucket notification). Nothing found is not an error:
 * the create may never have reached AWS.
 *
 * @example
 * await deletePending(aws, { name: 'api_handler', resource_type: 'lambda_function', function_name: 'app-dev' }, removals);
 */
export async function deletePending(aws: AwsFacade, pending: PendingResource, removals: Removals): Promise<void> {
  switch (pending.resource_type) {
    case 'iam_role':
      return aws.deleteRole(pending.role_name);
    case 'lambda_function':
      return aws.deleteFunction(pending.function_name);
    case 'rest_api': {
      const stage = taggedStage(pending.tags);
      for (const api of await aws.findRestApis(pending.api_name)) if (stage !== null && taggedStage(api.tags) === stage) await aws.deleteRestApi(api.restApiId);
      return;
    }
    case 'websocket_api':
      for (const apiId of await aws.findWebsocketApis(pending.api_name)) await aws.deleteWebsocketApi(apiId);
      return;
    case 'cloudwatch_event':
      return removals.removeRule(pending.rule_name);
    case 's3_event':
      return removals.removeNotification(pending.bucket, pending.lambda_arn);
    case 'sns_event': {
      const subscriptions = await aws.listSubscriptions(pending.topic_arn);
      for (const s of subscriptions) if (s.protocol === 'lambda' && s.endpoint === pending.lambda_arn) await aws.unsubscribe(s.subscriptionArn);
      return aws.removePermission(functionNameOf(pending.lambda_arn), permissionId(PRINCIPAL.sns, pending.topic_arn));
    }
    case 'sqs_event':
      for (const m of await aws.listEventSourceMappings(pending.function_name)) if (m.eventSourceArn === pending.queue_arn) await aws.deleteEventSourceMapping(m.uuid);
      return;
    default:
      return assertNever(pending);
  }
}
