import { createHash } from 'node:crypto';
import { createZip, type OpenApiDocument, type IamPolicyDocument } from '@chalice/packager';
import type {
  AwsFacade,
  BucketNotification,
  EventSourceMapping,
  FunctionSpec,
  InvokeResult,
  LogEvent,
  PatchOperation,
  Permission,
  RemoteFunction,
  RemoteRule,
  RuleSpec,
} from '../src/aws/facade.ts';
import { canonicalJson } from '../src/aws-names.ts';
import { FakeAwsError } from './fake-error.ts';
import { importDocument, newRestApi, patchRestApi, type FakeRestApi } from './fake-rest-api.ts';
import { FakeWebsocketApis } from './fake-websocket.ts';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

/** One call to the fake, as the tests inspect them. */
export interface Call {
  method: string;
  args: unknown[];
  mutating: boolean;
}

/**
 * Which mutating call fails: `before` it takes effect (the request was refused), or `after`
 * (it took effect but the answer was lost, as when a wait times out).
 */
export interface Failure {
  call: number;
  when: 'before' | 'after';
}

interface FakeFunction {
  spec: FunctionSpec;
  arn: string;
  codeSha256: string;
  reservedConcurrency: number | null;
  permissions: Map<string, Permission>;
}

const clone = <T>(value: T): T => structuredClone(value);

/**
 * An in-memory AWS behind the facade, strict where AWS is: creates fail on existing names,
 * functions need an existing role, S3 checks the function permission of a notification, and
 * nothing is cleaned up implicitly (a deleted function leaves its subscriptions, mappings and
 * notifications behind, so leaks show). Topics, queues and buckets are the user's, made with
 * `addTopic`/`addQueue`/`addBucket`.
 */
export class FakeAws implements AwsFacade {
  readonly region = REGION;
  readonly partition = 'aws';
  readonly calls: Call[] = [];
  failure: Failure | null = null;
  private mutations = 0;
  private ids = 0;

  readonly roles = new Map<string, { arn: string; trust: IamPolicyDocument; policies: Map<string, IamPolicyDocument> }>();
  readonly functions = new Map<string, FakeFunction>();
  readonly mappings = new Map<string, EventSourceMapping & { functionName: string }>();
  readonly restApis = new Map<string, FakeRestApi>();
  readonly rules = new Map<string, RemoteRule & { targets: Map<string, string> }>();
  readonly topics = new Map<string, Array<{ subscriptionArn: string; protocol: string; endpoint: string }>>();
  readonly queues = new Map<string, string>();
  readonly buckets = new Map<string, BucketNotification>();
  readonly websocket = new FakeWebsocketApis((prefix) => this.id(prefix, 10));

  addTopic(name: string): string {
    const arn = `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`;
    this.topics.set(arn, []);
    return arn;
  }

  addQueue(name: string): string {
    const arn = `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
    this.queues.set(name, arn);
    return arn;
  }

  addBucket(name: string, notification: BucketNotification = {}): void {
    this.buckets.set(name, clone(notification));
  }

  /** The mutating calls made so far, as `method` names. */
  mutatingCalls(): string[] {
    return this.calls.filter((c) => c.mutating).map((c) => c.method);
  }

  /** Everything a deploy made that is still there: empty after a clean delete. */
  leftovers(): string[] {
    const notifications = [...this.buckets].flatMap(([bucket, n]) => (n.LambdaFunctionConfigurations ?? []).map((c) => `notification ${bucket} -> ${c.LambdaFunctionArn}`));
    const subscriptions = [...this.topics.values()].flat().map((s) => `subscription ${s.subscriptionArn}`);
    return [
      ...[...this.roles.keys()].map((n) => `role ${n}`),
      ...[...this.functions.keys()].map((n) => `function ${n}`),
      ...[...this.mappings.keys()].map((n) => `mapping ${n}`),
      ...[...this.restApis.keys()].map((n) => `rest api ${n}`),
      ...[...this.websocket.apis.keys()].map((n) => `websocket api ${n}`),
      ...[...this.rules.keys()].map((n) => `rule ${n}`),
      ...subscriptions,
      ...notifications,
    ];
  }

  /** The whole remote state as canonical JSON, to compare two deploys' results. */
  snapshot(): string {
    const maps = { roles: this.roles, functions: this.functions, mappings: this.mappings, restApis: this.restApis, rules: this.rules, topics: this.topics, buckets: this.buckets };
    return canonicalJson({ ...(plain(maps) as object), websocketApis: this.websocket.snapshot() });
  }

  private async call<T>(method: string, args: unknown[], mutating: boolean, run: () => T): Promise<T> {
    this.calls.push({ method, args: clone(args.map((a) => (a instanceof Uint8Array ? `<${a.length} bytes>` : a))), mutating });
    if (!mutating) return run();
    this.mutations += 1;
    const fails = this.failure?.call === this.mutations ? this.failure.when : null;
    if (fails === 'before') throw new FakeAwsError('InjectedFailure', `${method} refused (mutating call ${this.mutations})`);
    const result = run();
    if (fails === 'after') throw new FakeAwsError('InjectedFailure', `${method} took effect but its answer was lost (mutating call ${this.mutations})`);
    return result;
  }

  private id(prefix: string, length: number): string {
    this.ids += 1;
    return `${prefix}${String(this.ids).padStart(length - prefix.length, '0')}`;
  }

  private fn(functionName: string): FakeFunction {
    const found = this.functions.get(functionName.split(':function:')[1] ?? functionName);
    if (!found) throw new FakeAwsError('ResourceNotFoundException', `Function not found: ${functionName}`);
    return found;
  }

  async accountId(): Promise<string> {
    return ACCOUNT;
  }

  // IAM
  getRole(roleName: string) {
    return this.call('getRole', [roleName], false, () => {
      const role = this.roles.get(roleName);
      return role ? { roleArn: role.arn } : null;
    });
  }

  createRole(roleName: string, trustPolicy: IamPolicyDocument) {
    return this.call('createRole', [roleName, trustPolicy], true, () => {
      if (this.roles.has(roleName)) throw new FakeAwsError('EntityAlreadyExists', `Role with name ${roleName} already exists.`);
      const arn = `arn:aws:iam::${ACCOUNT}:role/${roleName}`;
      this.roles.set(roleName, { arn, trust: clone(trustPolicy), policies: new Map() });
      return { roleArn: arn };
    });
  }

  getRolePolicy(roleName: string, policyName: string) {
    return this.call('getRolePolicy', [roleName, policyName], false, () => clone(this.roles.get(roleName)?.policies.get(policyName) ?? null));
  }

  putRolePolicy(roleName: string, policyName: string, document: IamPolicyDocument) {
    return this.call('putRolePolicy', [roleName, policyName, document], true, () => {
      const role = this.roles.get(roleName);
      if (!role) throw new FakeAwsError('NoSuchEntity', `The role with name ${roleName} cannot be found.`);
      role.policies.set(policyName, clone(document));
    });
  }

  deleteRole(roleName: string) {
    return this.call('deleteRole', [roleName], true, () => void this.roles.delete(roleName));
  }

  // Lambda
  getFunction(functionName: string) {
    return this.call('getFunction', [functionName], false, (): RemoteFunction | null => {
      const fn = this.functions.get(functionName);
      return fn ? { ...clone(fn.spec), functionArn: fn.arn, codeSha256: fn.codeSha256, reservedConcurrency: fn.reservedConcurrency } : null;
    });
  }

  createFunction(spec: FunctionSpec, zip: Uint8Array) {
    return this.call('createFunction', [spec, zip], true, () => {
      if (this.functions.has(spec.functionName)) throw new FakeAwsError('ResourceConflictException', `Function already exist: ${spec.functionName}`);
      if (![...this.roles.values()].some((r) => r.arn === spec.roleArn))
        throw new FakeAwsError('InvalidParameterValueException', `The role defined for the function cannot be assumed by Lambda: ${spec.roleArn}`);
      const arn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${spec.functionName}`;
      this.functions.set(spec.functionName, { spec: clone(spec), arn, codeSha256: sha256(zip), reservedConcurrency: null, permissions: new Map() });
      return { functionArn: arn };
    });
  }

  updateFunctionCode(functionName: string, zip: Uint8Array) {
    return this.call('updateFunctionCode', [functionName, zip], true, () => void (this.fn(functionName).codeSha256 = sha256(zip)));
  }

  updateFunctionConfiguration(functionName: string, spec: FunctionSpec) {
    return this.call('updateFunctionConfiguration', [functionName, spec], true, () => {
      const fn = this.fn(functionName);
      fn.spec = { ...clone(spec), tags: fn.spec.tags };
    });
  }

  setFunctionTags(functionArn: string, tags: Record<string, string>) {
    return this.call('setFunctionTags', [functionArn, tags], true, () => void (this.fn(functionArn).spec.tags = clone(tags)));
  }

  setReservedConcurrency(functionName: string, reserved: number | null) {
    return this.call('setReservedConcurrency', [functionName, reserved], true, () => void (this.fn(functionName).reservedConcurrency = reserved));
  }

  listPermissionIds(functionName: string) {
    return this.call('listPermissionIds', [functionName], false, () => [...this.fn(functionName).permissions.keys()]);
  }

  addPermission(functionName: string, permission: Permission) {
    return this.call('addPermission', [functionName, permission], true, () => {
      const { permissions } = this.fn(functionName);
      if (!permissions.has(permission.statementId)) permissions.set(permission.statementId, clone(permission));
    });
  }

  removePermission(functionName: string, statementId: string) {
    return this.call('removePermission', [functionName, statementId], true, () => void this.functions.get(functionName)?.permissions.delete(statementId));
  }

  deleteFunction(functionName: string) {
    return this.call('deleteFunction', [functionName], true, () => void this.functions.delete(functionName));
  }

  listEventSourceMappings(functionName: string) {
    return this.call('listEventSourceMappings', [functionName], false, () =>
      [...this.mappings.values()].filter((m) => m.functionName === functionName).map(({ uuid, eventSourceArn, batchSize }) => ({ uuid, eventSourceArn, batchSize })),
    );
  }

  createEventSourceMapping(functionName: string, eventSourceArn: string, batchSize: number) {
    return this.call('createEventSourceMapping', [functionName, eventSourceArn, batchSize], true, () => {
      this.fn(functionName);
      if (![...this.queues.values()].includes(eventSourceArn)) throw new FakeAwsError('InvalidParameterValueException', `Queue not found: ${eventSourceArn}`);
      if ([...this.mappings.values()].some((m) => m.functionName === functionName && m.eventSourceArn === eventSourceArn)) {
        throw new FakeAwsError('ResourceConflictException', `An event source mapping with SQS arn ${eventSourceArn} and function ${functionName} already exists.`);
      }
      const uuid = this.id('00000000-0000-0000-0000-', 36);
      this.mappings.set(uuid, { uuid, eventSourceArn, batchSize, functionName });
      return { uuid };
    });
  }

  updateEventSourceMapping(uuid: string, batchSize: number) {
    return this.call('updateEventSourceMapping', [uuid, batchSize], true, () => {
      const mapping = this.mappings.get(uuid);
      if (!mapping) throw new FakeAwsError('ResourceNotFoundException', `Event source mapping not found: ${uuid}`);
      mapping.batchSize = batchSize;
    });
  }

  deleteEventSourceMapping(uuid: string) {
    return this.call('deleteEventSourceMapping', [uuid], true, () => void this.mappings.delete(uuid));
  }

  invoke(functionName: string, payload: Uint8Array) {
    return this.call('invoke', [functionName, payload], false, (): InvokeResult => {
      this.fn(functionName);
      return { statusCode: 200, payload, functionError: null };
    });
  }

  // API Gateway
  getRestApi(restApiId: string) {
    return this.call('getRestApi', [restApiId], false, () => {
      const api = this.restApis.get(restApiId);
      if (!api) return null;
      const { name, endpointType, vpcEndpointIds, minimumCompressionSize, policy } = clone(api);
      return { restApiId, name, endpointType, vpcEndpointIds, minimumCompressionSize, hasPolicy: policy !== null };
    });
  }

  findRestApis(name: string) {
    return this.call('findRestApis', [name], false, () =>
      [...this.restApis.keys()]
        .filter((id) => this.restApis.get(id)!.name === name)
        .map((id) => {
          const { name: _name, endpointType, vpcEndpointIds, minimumCompressionSize, policy, tags } = clone(this.restApis.get(id)!);
          return { restApiId: id, name, endpointType, vpcEndpointIds, minimumCompressionSize, hasPolicy: policy !== null, tags };
        }),
    );
  }

  createRestApi(name: string, endpointType: string, tags: Record<string, string>) {
    return this.call('createRestApi', [name, endpointType, tags], true, () => {
      const restApiId = this.id('api', 10);
      this.restApis.set(restApiId, newRestApi(name, endpointType, tags));
      return { restApiId };
    });
  }

  tagRestApi(restApiId: string, tags: Record<string, string>) {
    return this.call('tagRestApi', [restApiId, tags], true, () => void Object.assign(this.api(restApiId).tags, tags));
  }

  putRestApi(restApiId: string, document: object) {
    return this.call('putRestApi', [restApiId, document], true, () => importDocument(this.api(restApiId), document as OpenApiDocument));
  }

  updateRestApi(restApiId: string, operations: PatchOperation[]) {
    return this.call('updateRestApi', [restApiId, operations], true, () => patchRestApi(this.api(restApiId), operations));
  }

  createDeployment(restApiId: string, stageName: string) {
    return this.call('createDeployment', [restApiId, stageName], true, () => {
      const api = this.api(restApiId);
      api.stages.set(stageName, clone(api.document));
    });
  }

  deleteRestApi(restApiId: string) {
    return this.call('deleteRestApi', [restApiId], true, () => void this.restApis.delete(restApiId));
  }

  /** A zip shaped as API Gateway's: one top folder, here holding a README naming the stage. */
  getSdk(restApiId: string, stageName: string, sdkType: string) {
    return this.call('getSdk', [restApiId, stageName, sdkType], false, () => {
      if (!this.api(restApiId).stages.has(stageName)) throw new FakeAwsError('NotFoundException', `Invalid stage identifier specified`);
      return createZip([{ path: `apiGateway-${sdkType}-sdk/README.md`, data: `SDK of ${restApiId}/${stageName}\n` }]);
    });
  }

  private api(restApiId: string) {
    const api = this.restApis.get(restApiId);
    if (!api) throw new FakeAwsError('NotFoundException', `Invalid API identifier specified ${ACCOUNT}:${restApiId}`);
    return api;
  }

  // API Gateway v2
  getWebsocketApi(apiId: string) {
    return this.call('getWebsocketApi', [apiId], false, () => {
      const api = this.websocket.apis.get(apiId);
      return api ? { apiId, name: api.name } : null;
    });
  }

  findWebsocketApis(name: string) {
    return this.call('findWebsocketApis', [name], false, () => this.websocket.find(name));
  }

  createWebsocketApi(name: string) {
    return this.call('createWebsocketApi', [name], true, () => this.websocket.create(name));
  }

  deleteWebsocketApi(apiId: string) {
    return this.call('deleteWebsocketApi', [apiId], true, () => void this.websocket.apis.delete(apiId));
  }

  listWebsocketIntegrations(apiId: string) {
    return this.call('listWebsocketIntegrations', [apiId], false, () =>
      [...this.websocket.api(apiId).integrations].map(([integrationId, integrationUri]) => ({ integrationId, integrationUri })),
    );
  }

  createWebsocketIntegration(apiId: string, integrationUri: string) {
    return this.call('createWebsocketIntegration', [apiId, integrationUri], true, () => this.websocket.createIntegration(apiId, integrationUri));
  }

  deleteWebsocketIntegration(apiId: string, integrationId: string) {
    return this.call('deleteWebsocketIntegration', [apiId, integrationId], true, () => this.websocket.deleteIntegration(apiId, integrationId));
  }

  listWebsocketRoutes(apiId: string) {
    return this.call('listWebsocketRoutes', [apiId], false, () => [...this.websocket.api(apiId).routes].map(([routeId, route]) => ({ routeId, ...route })));
  }

  createWebsocketRoute(apiId: string, routeKey: string, integrationId: string) {
    return this.call('createWebsocketRoute', [apiId, routeKey, integrationId], true, () => this.websocket.createRoute(apiId, routeKey, integrationId));
  }

  updateWebsocketRoute(apiId: string, routeId: string, integrationId: string) {
    return this.call('updateWebsocketRoute', [apiId, routeId, integrationId], true, () => this.websocket.updateRoute(apiId, routeId, integrationId));
  }

  deleteWebsocketRoute(apiId: string, routeId: string) {
    return this.call('deleteWebsocketRoute', [apiId, routeId], true, () => void this.websocket.apis.get(apiId)?.routes.delete(routeId));
  }

  createWebsocketDeployment(apiId: string) {
    return this.call('createWebsocketDeployment', [apiId], true, () => this.websocket.createDeployment(apiId));
  }

  getWebsocketStage(apiId: string, stageName: string) {
    return this.call('getWebsocketStage', [apiId, stageName], false, () => {
      const deploymentId = this.websocket.apis.get(apiId)?.stages.get(stageName);
      return deploymentId ? { deploymentId } : null;
    });
  }

  createWebsocketStage(apiId: string, stageName: string, deploymentId: string) {
    return this.call('createWebsocketStage', [apiId, stageName, deploymentId], true, () => this.websocket.createStage(apiId, stageName, deploymentId));
  }

  updateWebsocketStage(apiId: string, stageName: string, deploymentId: string) {
    return this.call('updateWebsocketStage', [apiId, stageName, deploymentId], true, () => this.websocket.updateStage(apiId, stageName, deploymentId));
  }

  // EventBridge
  getRule(ruleName: string) {
    return this.call('getRule', [ruleName], false, (): RemoteRule | null => {
      const rule = this.rules.get(ruleName);
      if (!rule) return null;
      const { targets: _targets, ...remote } = clone(rule);
      return remote;
    });
  }

  putRule(rule: RuleSpec) {
    return this.call('putRule', [rule], true, () => {
      const ruleArn = `arn:aws:events:${REGION}:${ACCOUNT}:rule/${rule.ruleName}`;
      this.rules.set(rule.ruleName, { ...clone(rule), ruleArn, targets: this.rules.get(rule.ruleName)?.targets ?? new Map() });
      return { ruleArn };
    });
  }

  listTargets(ruleName: string) {
    return this.call('listTargets', [ruleName], false, () => [...this.rule(ruleName).targets].map(([id, arn]) => ({ id, arn })));
  }

  putTarget(ruleName: string, target: { id: string; arn: string }) {
    return this.call('putTarget', [ruleName, target], true, () => void this.rule(ruleName).targets.set(target.id, target.arn));
  }

  deleteRule(ruleName: string) {
    return this.call('deleteRule', [ruleName], true, () => void this.rules.delete(ruleName));
  }

  private rule(ruleName: string) {
    const rule = this.rules.get(ruleName);
    if (!rule) throw new FakeAwsError('ResourceNotFoundException', `Rule ${ruleName} does not exist.`);
    return rule;
  }

  // SNS
  listSubscriptions(topicArn: string) {
    return this.call('listSubscriptions', [topicArn], false, () => clone(this.topic(topicArn)));
  }

  subscribe(topicArn: string, lambdaArn: string) {
    return this.call('subscribe', [topicArn, lambdaArn], true, () => {
      const subscriptions = this.topic(topicArn);
      // SNS answers a repeated subscription with the existing one.
      const existing = subscriptions.find((s) => s.protocol === 'lambda' && s.endpoint === lambdaArn);
      if (existing) return { subscriptionArn: existing.subscriptionArn };
      const subscriptionArn = `${topicArn}:${this.id('sub-', 12)}`;
      subscriptions.push({ subscriptionArn, protocol: 'lambda', endpoint: lambdaArn });
      return { subscriptionArn };
    });
  }

  unsubscribe(subscriptionArn: string) {
    return this.call('unsubscribe', [subscriptionArn], true, () => {
      for (const [arn, subscriptions] of this.topics)
        this.topics.set(
          arn,
          subscriptions.filter((s) => s.subscriptionArn !== subscriptionArn),
        );
    });
  }

  private topic(topicArn: string) {
    const subscriptions = this.topics.get(topicArn);
    if (!subscriptions) throw new FakeAwsError('NotFound', `Topic does not exist: ${topicArn}`);
    return subscriptions;
  }

  // SQS
  getQueueArn(queueName: string) {
    return this.call('getQueueArn', [queueName], false, () => {
      const arn = this.queues.get(queueName);
      if (!arn) throw new FakeAwsError('AWS.SimpleQueueService.NonExistentQueue', `The specified queue does not exist: ${queueName}`);
      return arn;
    });
  }

  // S3
  getBucketNotification(bucket: string) {
    return this.call('getBucketNotification', [bucket], false, () => clone(this.bucket(bucket)));
  }

  putBucketNotification(bucket: string, notification: BucketNotification) {
    return this.call('putBucketNotification', [bucket, notification], true, () => {
      this.bucket(bucket);
      // S3 tests each destination before it accepts the configuration.
      for (const config of notification.LambdaFunctionConfigurations ?? []) {
        const fn = this.functions.get(config.LambdaFunctionArn.split(':function:')[1] ?? '');
        const allowed = [...(fn?.permissions.values() ?? [])].some((p) => p.principal === 's3.amazonaws.com' && p.sourceArn === `arn:aws:s3:::${bucket}`);
        if (!allowed) throw new FakeAwsError('InvalidArgument', `Unable to validate the following destination configurations: ${config.LambdaFunctionArn}`);
      }
      this.buckets.set(bucket, clone(notification));
    });
  }

  private bucket(bucket: string): BucketNotification {
    const found = this.buckets.get(bucket);
    if (!found) throw new FakeAwsError('NoSuchBucket', `The specified bucket does not exist: ${bucket}`);
    return found;
  }

  // CloudWatch Logs
  filterLogEvents() {
    return this.call('filterLogEvents', [], false, () => ({ events: [] as LogEvent[], nextToken: null }));
  }
}

function plain(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]));
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** Base64 SHA-256, as Lambda reports a function's code. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}
