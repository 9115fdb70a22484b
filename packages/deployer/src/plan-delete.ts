import { assertNever } from './assert-never.ts';
import { functionNameOf } from './aws-names.ts';
import type { Instruction, Plan } from './plan-types.ts';
import type { DeployedState, PendingResource, RecordedResource } from './state-types.ts';

/**
 * The steps removing one recorded resource (and what wires it to its function: targets,
 * permissions, bucket notifications), with the original's messages.
 *
 * @example
 * deleteSteps({ name: 'api_handler', resource_type: 'lambda_function', lambda_arn: arn });
 * // [{ kind: 'deleteFunction', message: 'Deleting function: arn:aws:lambda:...', ... }]
 */
export function deleteSteps(recorded: RecordedResource): Instruction[] {
  const name = recorded.name;
  switch (recorded.resource_type) {
    case 'iam_role':
      return [{ kind: 'deleteRole', message: `Deleting IAM role: ${recorded.role_name}`, name, roleName: recorded.role_name }];
    case 'lambda_function':
      return [{ kind: 'deleteFunction', message: `Deleting function: ${recorded.lambda_arn}`, name, functionName: functionNameOf(recorded.lambda_arn) }];
    case 'rest_api':
      return [{ kind: 'deleteRestApi', message: `Deleting Rest API: ${recorded.rest_api_id}`, name, restApiId: recorded.rest_api_id }];
    case 'cloudwatch_event':
      return [{ kind: 'deleteRule', message: null, name, ruleName: recorded.rule_name }];
    case 's3_event':
      return [{ kind: 'removeBucketNotification', message: null, name, bucket: recorded.bucket, lambdaArn: recorded.lambda_arn }];
    case 'sns_event':
      return [{ kind: 'unsubscribeSns', message: null, name, subscriptionArn: recorded.subscription_arn, topicArn: recorded.topic_arn, lambdaArn: recorded.lambda_arn }];
    case 'sqs_event':
      return [{ kind: 'deleteEventSourceMapping', message: null, name, uuid: recorded.event_uuid }];
    case 'websocket_api':
      return [{ kind: 'deleteWebsocketApi', message: `Deleting Websocket API: ${recorded.websocket_api_id}`, name, websocketApiId: recorded.websocket_api_id }];
    default:
      return assertNever(recorded);
  }
}

/**
 * `chalice delete`: removes what interrupted creates may have made, then every recorded
 * resource, the last created first, so nothing is removed while something recorded after it
 * still refers to it.
 *
 * @example
 * await executePlan(planDelete(readState(projectDir, 'dev')), { aws, state, zip: new Uint8Array(), onState, onProgress });
 */
export function planDelete(state: DeployedState): Plan {
  return { instructions: [...pendingDeleteSteps(state.pending ?? []), ...[...state.resources].reverse().flatMap(deleteSteps)] };
}

/**
 * The steps finding and deleting what interrupted creates may have made, the last first: they
 * were the last things a deploy did, so they go before anything recorded.
 *
 * @example
 * pendingDeleteSteps(state.pending ?? []);
 */
export function pendingDeleteSteps(pending: PendingResource[]): Instruction[] {
  return [...pending].reverse().map((p) => ({ kind: 'deletePending', message: null, pending: p }));
}
