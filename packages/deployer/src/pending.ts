import type { Instruction } from './plan-types.ts';
import type { PendingResource } from './state-types.ts';

/**
 * What a creating step is about to make, named as it can be found in AWS without the id the
 * create call answers with; `null` for a step that makes nothing of its own (an update, or
 * something deleted with its parent: permissions, policies, routes, deployments).
 *
 * @example
 * pendingOf(step); // { name: 'api_handler', resource_type: 'lambda_function', function_name: 'app-dev' }
 */
export function pendingOf(step: Instruction, lambdaArn: (resourceName: string) => string): PendingResource | null {
  switch (step.kind) {
    case 'createRole':
      return { name: step.resourceName, resource_type: 'iam_role', role_name: step.roleName };
    case 'createFunction':
      return { name: step.resourceName, resource_type: 'lambda_function', function_name: step.spec.functionName };
    case 'createRestApi':
      return { name: step.resourceName, resource_type: 'rest_api', api_name: step.name, tags: step.tags };
    case 'createWebsocketApi':
      return { name: step.resourceName, resource_type: 'websocket_api', api_name: step.name };
    case 'putRule':
      return { name: step.resourceName, resource_type: 'cloudwatch_event', rule_name: step.rule.ruleName };
    case 'subscribeSns':
      return { name: step.resourceName, resource_type: 'sns_event', topic_arn: step.topicArn, lambda_arn: lambdaArn(step.function) };
    case 'createEventSourceMapping':
      return { name: step.resourceName, resource_type: 'sqs_event', function_name: step.functionName, queue_arn: step.queueArn };
    case 'putBucketNotification':
      return { name: step.resourceName, resource_type: 's3_event', bucket: step.bucket, lambda_arn: lambdaArn(step.function) };
    default:
      return null;
  }
}
