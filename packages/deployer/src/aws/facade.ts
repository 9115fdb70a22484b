import type { IamPolicyDocument } from '@chalice/packager';

/**
 * The one boundary between the deployer and AWS: only the calls Chalice makes, in plain data.
 * The SDK implementation (`createAwsFacade`) owns retries (IAM role propagation, throttling)
 * and waits (a function's state and last update); the planner and executor only see this
 * interface, so their tests run against an in-memory fake. Getters return `null` for a
 * resource that does not exist; deletes of a resource already gone succeed.
 */
export interface AwsFacade {
  /** The region every call goes to. */
  readonly region: string;
  /** The caller's account id (STS), fetched once. */
  accountId(): Promise<string>;
  /** The ARN partition of the region: `aws`, `aws-cn` or `aws-us-gov`. */
  readonly partition: string;

  // IAM
  getRole(roleName: string): Promise<{ roleArn: string } | null>;
  createRole(roleName: string, trustPolicy: IamPolicyDocument): Promise<{ roleArn: string }>;
  getRolePolicy(roleName: string, policyName: string): Promise<IamPolicyDocument | null>;
  putRolePolicy(roleName: string, policyName: string, document: IamPolicyDocument): Promise<void>;
  /** Deletes the role's inline policies, then the role. */
  deleteRole(roleName: string): Promise<void>;

  // Lambda
  getFunction(functionName: string): Promise<RemoteFunction | null>;
  /** Creates the function and waits until it is Active; retries while the new role cannot be assumed yet. */
  createFunction(spec: FunctionSpec, zip: Uint8Array): Promise<{ functionArn: string }>;
  /** Replaces the code and waits until the update is done. */
  updateFunctionCode(functionName: string, zip: Uint8Array): Promise<void>;
  /** Replaces the configuration and waits until the update is done. */
  updateFunctionConfiguration(functionName: string, spec: FunctionSpec): Promise<void>;
  /** Sets the function's tags to exactly `tags` (adding, changing and removing keys). */
  setFunctionTags(functionArn: string, tags: Record<string, string>): Promise<void>;
  /** Sets reserved concurrency, or removes it with `null`. */
  setReservedConcurrency(functionName: string, reserved: number | null): Promise<void>;
  /** The statement ids of the function's resource policy. */
  listPermissionIds(functionName: string): Promise<string[]>;
  /** Lets a service invoke the function; an existing statement with this id is kept. */
  addPermission(functionName: string, permission: Permission): Promise<void>;
  removePermission(functionName: string, statementId: string): Promise<void>;
  deleteFunction(functionName: string): Promise<void>;
  listEventSourceMappings(functionName: string): Promise<EventSourceMapping[]>;
  createEventSourceMapping(functionName: string, eventSourceArn: string, batchSize: number): Promise<{ uuid: string }>;
  updateEventSourceMapping(uuid: string, batchSize: number): Promise<void>;
  deleteEventSourceMapping(uuid: string): Promise<void>;
  invoke(functionName: string, payload: Uint8Array): Promise<InvokeResult>;

  // API Gateway (REST)
  getRestApi(restApiId: string): Promise<RemoteRestApi | null>;
  /** The REST APIs of that name with their tags: API Gateway lets names repeat (Chalice names an API after its app, in every stage). */
  findRestApis(name: string): Promise<TaggedRestApi[]>;
  /** Creates the API with its tags in one call, so an API made by a killed deploy is found by them. */
  createRestApi(name: string, endpointType: string, tags: Record<string, string>): Promise<{ restApiId: string }>;
  /** Adds tags to an API (one made before Chalice tagged them, when it is adopted). */
  tagRestApi(restApiId: string, tags: Record<string, string>): Promise<void>;
  /** Overwrites the API with an OpenAPI 3.0 document (`put-rest-api`, mode overwrite). */
  putRestApi(restApiId: string, document: object): Promise<void>;
  /** Changes the API's own settings (`update-rest-api`), the operations applied in order. */
  updateRestApi(restApiId: string, operations: PatchOperation[]): Promise<void>;
  /** Deploys the API to a stage, creating the stage when needed. */
  createDeployment(restApiId: string, stageName: string): Promise<void>;
  deleteRestApi(restApiId: string): Promise<void>;
  /**
   * API Gateway's own SDK for a deployed stage (`GetSdk`), as the zip it sends; a stage or API
   * that does not exist is an `AwsError`.
   */
  getSdk(restApiId: string, stageName: string, sdkType: string): Promise<Uint8Array>;

  // API Gateway v2 (the websocket API)
  getWebsocketApi(apiId: string): Promise<{ apiId: string; name: string } | null>;
  /** The ids of the websocket APIs of that name: API Gateway lets names repeat, so there may be several. */
  findWebsocketApis(name: string): Promise<string[]>;
  /** A WEBSOCKET API whose routes are chosen by `$request.body.action`. */
  createWebsocketApi(name: string): Promise<{ apiId: string }>;
  /** Deletes the API with its routes, integrations, deployments and stages. */
  deleteWebsocketApi(apiId: string): Promise<void>;
  listWebsocketIntegrations(apiId: string): Promise<WebsocketIntegration[]>;
  /** A Lambda proxy (`AWS_PROXY`) integration; `integrationUri` is the function's invoke URI. */
  createWebsocketIntegration(apiId: string, integrationUri: string): Promise<{ integrationId: string }>;
  deleteWebsocketIntegration(apiId: string, integrationId: string): Promise<void>;
  listWebsocketRoutes(apiId: string): Promise<WebsocketRoute[]>;
  /** A route (`$connect`, `$default`, ...) whose target is the integration (`integrations/<id>`). */
  createWebsocketRoute(apiId: string, routeKey: string, integrationId: string): Promise<{ routeId: string }>;
  /** Points the route at another integration. */
  updateWebsocketRoute(apiId: string, routeId: string, integrationId: string): Promise<void>;
  deleteWebsocketRoute(apiId: string, routeId: string): Promise<void>;
  /** A snapshot of the API's routes and integrations, served once a stage points to it. */
  createWebsocketDeployment(apiId: string): Promise<{ deploymentId: string }>;
  getWebsocketStage(apiId: string, stageName: string): Promise<{ deploymentId: string | null } | null>;
  createWebsocketStage(apiId: string, stageName: string, deploymentId: string): Promise<void>;
  /** Points the stage at another deployment. */
  updateWebsocketStage(apiId: string, stageName: string, deploymentId: string): Promise<void>;

  // EventBridge
  getRule(ruleName: string): Promise<RemoteRule | null>;
  putRule(rule: RuleSpec): Promise<{ ruleArn: string }>;
  listTargets(ruleName: string): Promise<Array<{ id: string; arn: string }>>;
  putTarget(ruleName: string, target: { id: string; arn: string }): Promise<void>;
  /** Removes the rule's targets, then the rule. */
  deleteRule(ruleName: string): Promise<void>;

  // SNS
  listSubscriptions(topicArn: string): Promise<Array<{ subscriptionArn: string; protocol: string; endpoint: string }>>;
  subscribe(topicArn: string, lambdaArn: string): Promise<{ subscriptionArn: string }>;
  unsubscribe(subscriptionArn: string): Promise<void>;

  // SQS
  getQueueArn(queueName: string): Promise<string>;

  // S3
  getBucketNotification(bucket: string): Promise<BucketNotification>;
  putBucketNotification(bucket: string, notification: BucketNotification): Promise<void>;

  // CloudWatch Logs
  /** One page of a log group's events from `startTime` (ms), oldest first. */
  filterLogEvents(query: LogQuery): Promise<{ events: LogEvent[]; nextToken: string | null }>;
}

/** Everything about a function Chalice sets, as Lambda takes it. */
export interface FunctionSpec {
  functionName: string;
  runtime: string;
  handler: string;
  roleArn: string;
  memorySize: number;
  timeout: number;
  environment: Record<string, string>;
  layers: string[];
  subnetIds: string[];
  securityGroupIds: string[];
  tags: Record<string, string>;
}

/** A function as Lambda reports it. */
export interface RemoteFunction extends FunctionSpec {
  functionArn: string;
  /** Base64 SHA-256 of the deployment package, as Lambda reports it. */
  codeSha256: string;
  reservedConcurrency: number | null;
}

/** A resource-policy statement letting a service invoke a function. */
export interface Permission {
  statementId: string;
  principal: string;
  sourceArn: string;
  /** For S3, whose bucket ARNs name no account. */
  sourceAccount?: string;
}

/** An event source mapping (SQS) as Lambda reports it. */
export interface EventSourceMapping {
  uuid: string;
  eventSourceArn: string;
  batchSize: number;
}

/** A function's answer to an invocation. */
export interface InvokeResult {
  statusCode: number;
  payload: Uint8Array;
  /** `Unhandled` (or `Handled`) when the function failed. */
  functionError: string | null;
}

/**
 * The REST API's own settings that importing a document into an existing API leaves as they
 * were (see `rest-api-settings.ts`), as API Gateway reports them.
 */
export interface RestApiSettings {
  /** `EDGE`, `REGIONAL` or `PRIVATE`: Chalice gives an API one type. */
  endpointType: string;
  vpcEndpointIds: string[];
  minimumCompressionSize: number | null;
  /** Whether it has a resource policy; its text is not compared, as API Gateway rewrites it. */
  hasPolicy: boolean;
}

/** A REST API as API Gateway reports it. */
export interface RemoteRestApi extends RestApiSettings {
  restApiId: string;
  name: string;
}

/** A REST API as `get-rest-apis` lists it, with its tags. */
export interface TaggedRestApi extends RemoteRestApi {
  tags: Record<string, string>;
}

/**
 * One change of an `update-rest-api` call: `path` is a JSON Pointer into the API (`/` in a
 * segment escaped as `~1`); `value` is always a string, empty to clear a setting.
 */
export interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  path: string;
  value?: string;
}

/** An integration of the websocket API as API Gateway reports it. */
export interface WebsocketIntegration {
  integrationId: string;
  /** The invoke URI of the Lambda function behind it; `null` for an integration of another type. */
  integrationUri: string | null;
}

/** A route of the websocket API as API Gateway reports it. */
export interface WebsocketRoute {
  routeId: string;
  routeKey: string;
  /** The integration its target (`integrations/<id>`) names; `null` without one. */
  integrationId: string | null;
}

/** An EventBridge rule as Chalice makes it: a schedule or an event pattern. */
export interface RuleSpec {
  ruleName: string;
  scheduleExpression?: string;
  /** The pattern as JSON text. */
  eventPattern?: string;
  description: string;
}

/** A rule as EventBridge reports it. */
export interface RemoteRule extends RuleSpec {
  ruleArn: string;
}

/**
 * A bucket's whole notification configuration, as S3 stores it. The deployer changes only
 * the Lambda configurations it owns and writes the others back as they were.
 */
export interface BucketNotification {
  LambdaFunctionConfigurations?: LambdaNotification[];
  TopicConfigurations?: unknown[];
  QueueConfigurations?: unknown[];
  EventBridgeConfiguration?: unknown;
}

/** One Lambda notification of a bucket. */
export interface LambdaNotification {
  Id?: string;
  LambdaFunctionArn: string;
  Events: string[];
  Filter?: { Key: { FilterRules: Array<{ Name: string; Value: string }> } };
}

/** A query for `chalice logs`. */
export interface LogQuery {
  logGroupName: string;
  startTime?: number;
  nextToken?: string | null;
}

/** One log line. */
export interface LogEvent {
  /** Unique per event: following a log group sees some events twice. */
  eventId: string;
  timestamp: number;
  message: string;
  logStreamName: string;
}
