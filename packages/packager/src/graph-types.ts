import type { CorsModel, RouteModel } from '@chalice/router';

/** An IAM policy document, as AWS reads it. */
export interface IamPolicyDocument {
  Version: '2012-10-17';
  Statement: Array<Record<string, unknown>>;
}

/** Fields every resource has: a name unique in the graph, and the names it needs first. */
interface ResourceBase {
  /** Unique in the graph; the key of the resource in `.chalice/deployed/<stage>.json`. */
  resourceName: string;
  /** `resourceName`s of the resources this one refers to, to be created before it. */
  dependsOn: string[];
}

/** The one zip every Lambda function of the app runs from. */
export interface DeploymentPackageResource extends ResourceBase {
  kind: 'deploymentPackage';
  /** The module inside the zip that exports every handler (`app.mjs`). */
  entryFile: string;
}

/**
 * Where a managed role's policy comes from: generated from the app's source (with the VPC
 * network-interface statement when a function runs in a VPC), or a file in `.chalice/`.
 */
export type RolePolicy = { source: 'autogen'; vpcNeeded: boolean; document: IamPolicyDocument } | { source: 'file'; filename: string; document: IamPolicyDocument };

/** An IAM role Chalice creates and owns: `default-role` (shared) or `<function>_role`. */
export interface ManagedIamRoleResource extends ResourceBase {
  kind: 'managedIamRole';
  roleName: string;
  trustPolicy: IamPolicyDocument;
  policy: RolePolicy;
}

/** A role the user made (`manage_iam_role: false` with `iam_role_arn`). */
export interface PreCreatedIamRoleResource extends ResourceBase {
  kind: 'preCreatedIamRole';
  roleArn: string;
}

/** What a Lambda function is for; templates name and wire it accordingly. */
export type FunctionPurpose = 'api' | 'authorizer' | 'event' | 'pure' | 'websocket';

/** One Lambda function with every setting resolved for the stage. */
export interface LambdaFunctionResource extends ResourceBase {
  kind: 'lambdaFunction';
  purpose: FunctionPurpose;
  /** `<app>-<stage>-<name>`; the API handler's is `<app>-<stage>`. */
  functionName: string;
  /** `<file>.<export>` in the deployment package, e.g. `app.api_handler`. */
  handler: string;
  /** The export of the entry module: `api_handler`, or the function's own name. */
  exportName: string;
  runtime: string;
  memorySize: number;
  timeout: number;
  environmentVariables: Record<string, string>;
  /** The user's tags plus `aws-chalice`. */
  tags: Record<string, string>;
  layers: string[];
  securityGroupIds: string[];
  subnetIds: string[];
  reservedConcurrency: number | null;
  /** `resourceName` of the role. */
  role: string;
  /** `resourceName` of the deployment package. */
  deploymentPackage: string;
}

/** The REST API: API Gateway in front of the API handler, with its stage settings. */
export interface RestApiResource extends ResourceBase {
  kind: 'restApi';
  /** The API's name in API Gateway: the app name. */
  name: string;
  apiGatewayStage: string;
  endpointType: 'EDGE' | 'REGIONAL' | 'PRIVATE';
  /** VPC endpoint ids a PRIVATE API is reachable from. */
  vpceIds: string[];
  /** The resource policy: from `api_gateway_policy_file`, or the default one for a PRIVATE API. */
  policy: IamPolicyDocument | null;
  minimumCompressionSize: number | null;
  binaryTypes: string[];
  /** Every method of every route; the OpenAPI document is built from these. */
  routes: RouteModel[];
  /** Global CORS (`app.api.cors`), as data. */
  cors: CorsModel | null;
  /** `resourceName` of the API handler. */
  lambdaFunction: string;
  /** `resourceName`s of the built-in authorizers' functions. */
  authorizers: string[];
}

/** An EventBridge rule on a schedule, targeting a function. */
export interface ScheduledEventResource extends ResourceBase {
  kind: 'scheduledEvent';
  ruleName: string;
  scheduleExpression: string;
  description: string;
  lambdaFunction: string;
}

/** An EventBridge rule on an event pattern, targeting a function. */
export interface CloudWatchEventResource extends ResourceBase {
  kind: 'cloudWatchEvent';
  ruleName: string;
  eventPattern: Record<string, unknown>;
  lambdaFunction: string;
}

/** A notification of an existing bucket to a function. */
export interface S3BucketNotificationResource extends ResourceBase {
  kind: 's3BucketNotification';
  bucket: string;
  events: string[];
  prefix: string | null;
  suffix: string | null;
  lambdaFunction: string;
}

/** A function subscribed to an SNS topic (a name in the deploy's account and region, or an ARN). */
export interface SnsSubscriptionResource extends ResourceBase {
  kind: 'snsSubscription';
  topic: string;
  lambdaFunction: string;
}

/** An SQS event source mapping to a function. */
export interface SqsEventSourceResource extends ResourceBase {
  kind: 'sqsEventSource';
  /** The queue's name. */
  queue: string;
  batchSize: number;
  lambdaFunction: string;
}

/** The websocket API and the functions behind its route keys. */
export interface WebsocketApiResource extends ResourceBase {
  kind: 'websocketApi';
  /** `<app>-<stage>-websocket-api`. */
  name: string;
  apiGatewayStage: string;
  /** The route keys handled, e.g. `['$connect', '$default']`. */
  routes: string[];
  connectFunction: string | null;
  messageFunction: string | null;
  disconnectFunction: string | null;
}

/**
 * Every resource of an app, as plain JSON data. Templates, the deployer's planner and
 * `chalice local` switch over `kind` exhaustively, so a new kind cannot be forgotten.
 */
export type Resource =
  | DeploymentPackageResource
  | ManagedIamRoleResource
  | PreCreatedIamRoleResource
  | LambdaFunctionResource
  | RestApiResource
  | ScheduledEventResource
  | CloudWatchEventResource
  | S3BucketNotificationResource
  | SnsSubscriptionResource
  | SqsEventSourceResource
  | WebsocketApiResource;

/** A resource kind's name, e.g. `'lambdaFunction'`. */
export type ResourceKind = Resource['kind'];

/** The resource of one kind. */
export type ResourceOfKind<K extends ResourceKind> = Extract<Resource, { kind: K }>;

/** An app in one stage as resources, each after the resources it depends on. */
export interface AppGraph {
  appName: string;
  stage: string;
  resources: Resource[];
}
