export { assertNever, buildAppGraph, type BuiltGraph, type GraphOptions } from './build-graph.ts';
export { AppGraphError } from './graph-error.ts';
export { DEPLOYMENT_PACKAGE, ENTRY_FILE } from './graph-functions.ts';
export { getResource, resourcesOfKind } from './graph-query.ts';
export type {
  AppGraph,
  CloudWatchEventResource,
  DeploymentPackageResource,
  FunctionPurpose,
  LambdaFunctionResource,
  ManagedIamRoleResource,
  PolicyDocument,
  PreCreatedIamRoleResource,
  Resource,
  ResourceKind,
  ResourceOfKind,
  RestApiResource,
  RolePolicy,
  S3BucketNotificationResource,
  ScheduledEventResource,
  SnsSubscriptionResource,
  SqsEventSourceResource,
  WebsocketApiResource,
} from './graph-types.ts';
export { lambdaFunctionName, MAX_FUNCTION_NAME, templateResourceName } from './naming.ts';
export { basePolicy, LAMBDA_TRUST_POLICY, privateApiPolicy } from './policy.ts';
