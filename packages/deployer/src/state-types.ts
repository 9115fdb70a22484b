/**
 * `.chalice/deployed/<stage>.json`, in the schema of the Python original (version 2.0, one
 * entry per resource), so an existing project's file reads unchanged and a user can compare.
 */
export interface DeployedState {
  schema_version: '2.0';
  backend: 'api';
  resources: RecordedResource[];
  /**
   * What a deploy was about to create and has not recorded yet, written before each create
   * call: a deploy killed after AWS made a resource but before its id was saved leaves the
   * means to find it (by name, or by function and source), so `delete` and the next deploy do.
   * Absent when empty; the original ignores the key.
   */
  pending?: PendingResource[];
}

/**
 * A resource a create call is making, named by what finds it in AWS without its id.
 *
 * @example
 * const pending: PendingResource = { name: 'on_job-sqs-event-source', resource_type: 'sqs_event', function_name: 'app-dev-on_job', queue_arn: arn };
 */
export type PendingResource =
  | { name: string; resource_type: 'iam_role'; role_name: string }
  | { name: string; resource_type: 'lambda_function'; function_name: string }
  | { name: string; resource_type: 'rest_api'; api_name: string; tags: Record<string, string> }
  | { name: string; resource_type: 'cloudwatch_event'; rule_name: string }
  | { name: string; resource_type: 's3_event'; bucket: string; lambda_arn: string }
  | { name: string; resource_type: 'sns_event'; topic_arn: string; lambda_arn: string }
  | { name: string; resource_type: 'sqs_event'; function_name: string; queue_arn: string }
  | { name: string; resource_type: 'websocket_api'; api_name: string };

/**
 * What the deployer recorded about one resource it created, keyed by the graph's
 * `resourceName` (`name`). Types and field names are the Python original's: a schedule is a
 * `cloudwatch_event` too.
 */
export type RecordedResource =
  | { name: string; resource_type: 'iam_role'; role_name: string; role_arn: string }
  | { name: string; resource_type: 'lambda_function'; lambda_arn: string }
  | { name: string; resource_type: 'rest_api'; rest_api_id: string; rest_api_url: string }
  | { name: string; resource_type: 'cloudwatch_event'; rule_name: string }
  | { name: string; resource_type: 's3_event'; bucket: string; lambda_arn: string }
  | { name: string; resource_type: 'sns_event'; topic: string; topic_arn: string; subscription_arn: string; lambda_arn: string }
  | { name: string; resource_type: 'sqs_event'; queue: string; queue_arn: string; event_uuid: string; lambda_arn: string }
  | { name: string; resource_type: 'websocket_api'; websocket_api_id: string; websocket_api_url: string };

/** A recorded resource's type, e.g. `'lambda_function'`. */
export type RecordedResourceType = RecordedResource['resource_type'];
