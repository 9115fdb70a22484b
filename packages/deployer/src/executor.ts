import { assertNever } from './assert-never.ts';
import type { AwsFacade, FunctionSpec } from './aws/facade.ts';
import {
  awsTarget,
  bucketArn,
  executeApiArn,
  functionNameOf,
  lambdaIntegrationUri,
  permissionId,
  PRINCIPAL,
  restApiUrl,
  ruleArn,
  websocketApiUrl,
  type AwsTarget,
} from './aws-names.ts';
import { DeployError } from './errors.ts';
import type { RecordedRestApiDigest } from './plan-rest-api.ts';
import type { Instruction, InstructionOfKind, Plan, PlannedFunction } from './plan-types.ts';
import { websocketRoutesDigest, withManageConnections, type RecordedWebsocketDigest } from './plan-websocket-api.ts';
import { lambdaNotification, withNotification, withoutFunction } from './s3-notification.ts';
import { openApiDigest, restApiDocument } from './rest-api-document.ts';
import { restApiSettingsChanges } from './rest-api-settings.ts';
import { deletePending } from './delete-pending.ts';
import { pendingOf } from './pending.ts';
import { getRecorded, removePending, removeRecorded, setPending, setRecorded, type RecordedOfType } from './state.ts';
import type { DeployedState, RecordedResource, RecordedResourceType } from './state-types.ts';

/**
 * What {@link executePlan} runs the plan with.
 *
 * @example
 * const options: ExecuteOptions = { aws, state, zip, onState: (s) => writeState(dir, 'dev', s) };
 */
export interface ExecuteOptions {
  aws: AwsFacade;
  /** The state before the plan; the executor records into a copy. */
  state: DeployedState;
  /** The deployment package, for the functions the plan creates or updates. */
  zip: Uint8Array;
  /** Called with the new state after every change to it: persist it here. */
  onState: (state: DeployedState) => void;
  /** Called with each step's message (the seed's lines), when it has one. */
  onProgress?: (message: string) => void;
}

/**
 * Runs a plan's steps in order. Values known only at run time (a new role's ARN, a function's
 * ARN, a new REST API's id) come from the state, where each creating step records what it
 * made before the next step runs, so a deploy failing at any step leaves a state a re-run
 * completes and a delete cleans up. Deletes succeed for resources already gone. A failure is
 * a {@link DeployError} (`DEPLOY_FAILED`) naming the step, with the AWS error as its cause.
 *
 * @example
 * const state = await executePlan(plan, { aws, state: readState(dir, 'dev'), zip, onState: (s) => writeState(dir, 'dev', s), onProgress: console.log });
 */
export async function executePlan(plan: Plan, options: ExecuteOptions): Promise<DeployedState> {
  const run = new Run(options, await awsTarget(options.aws));
  for (const [index, step] of plan.instructions.entries()) {
    if (step.message) options.onProgress?.(step.message);
    try {
      run.notePending(step);
      await run.step(step);
    } catch (error) {
      const what = `step ${index + 1} of ${plan.instructions.length} (${step.kind})`;
      throw new DeployError(
        'DEPLOY_FAILED',
        `${what} failed: ${(error as Error).message}. What was made so far is recorded: run the command again to finish, or \`chalice delete\` to remove it.`,
        { cause: error },
      );
    }
  }
  return run.state;
}

class Run {
  state: DeployedState;
  private readonly aws: AwsFacade;

  constructor(
    private readonly options: ExecuteOptions,
    private readonly target: AwsTarget,
  ) {
    this.state = options.state;
    this.aws = options.aws;
  }

  // Saved before the create call: if the process dies between AWS making the resource and
  // its record, the note is what `delete` and the next deploy find it by.
  notePending(step: Instruction): void {
    const pending = pendingOf(step, (name) => this.lambdaArn(name));
    if (!pending) return;
    this.state = setPending(this.state, pending);
    this.options.onState(this.state);
  }

  async step(step: Instruction): Promise<void> {
    const { aws } = this;
    switch (step.kind) {
      case 'createRole': {
        const { roleArn } = await aws.createRole(step.roleName, step.trustPolicy);
        return this.record({ name: step.resourceName, resource_type: 'iam_role', role_name: step.roleName, role_arn: roleArn });
      }
      case 'putRolePolicy': {
        const apiId = step.websocketApi ? this.websocketApiId(step.websocketApi) : null;
        return aws.putRolePolicy(step.roleName, step.policyName, apiId ? withManageConnections(step.document, (path) => executeApiArn(this.target, apiId, path)) : step.document);
      }
      case 'createFunction': {
        const { functionArn } = await aws.createFunction(this.spec(step.spec), this.options.zip);
        return this.record({ name: step.resourceName, resource_type: 'lambda_function', lambda_arn: functionArn });
      }
      case 'updateFunctionCode':
        return aws.updateFunctionCode(step.functionName, this.options.zip);
      case 'updateFunctionConfiguration':
        return aws.updateFunctionConfiguration(step.spec.functionName, this.spec(step.spec));
      case 'setFunctionTags':
        return aws.setFunctionTags(this.lambdaArn(step.resourceName), step.tags);
      case 'setReservedConcurrency':
        return aws.setReservedConcurrency(step.functionName, step.reserved);
      case 'createRestApi': {
        const { restApiId } = await aws.createRestApi(step.name, step.endpointType, step.tags);
        const url = restApiUrl(this.target, restApiId, step.apiGatewayStage);
        return this.record({ name: step.resourceName, resource_type: 'rest_api', rest_api_id: restApiId, rest_api_url: url });
      }
      case 'updateRestApiSettings':
        return this.updateRestApiSettings(step);
      case 'putRestApi':
        return this.putRestApi(step);
      case 'addRestApiPermission':
        return this.addApiPermission(step.functionName, this.restApiId(step.restApi));
      case 'createWebsocketApi': {
        const { apiId } = await aws.createWebsocketApi(step.name);
        const url = websocketApiUrl(this.target, apiId, step.apiGatewayStage);
        return this.record({ name: step.resourceName, resource_type: 'websocket_api', websocket_api_id: apiId, websocket_api_url: url });
      }
      case 'createWebsocketIntegration':
        await aws.createWebsocketIntegration(this.websocketApiId(step.websocketApi), this.integrationUri(step.function));
        return;
      case 'putWebsocketRoute':
        return this.putWebsocketRoute(step);
      case 'deleteWebsocketRoute':
        return aws.deleteWebsocketRoute(this.websocketApiId(step.websocketApi), step.routeId);
      case 'deleteWebsocketIntegration':
        return aws.deleteWebsocketIntegration(this.websocketApiId(step.websocketApi), step.integrationId);
      case 'addWebsocketApiPermission':
        return this.addApiPermission(step.functionName, this.websocketApiId(step.websocketApi));
      case 'deployWebsocketApi':
        return this.deployWebsocketApi(step);
      case 'putRule': {
        await aws.putRule(step.rule);
        return this.record({ name: step.resourceName, resource_type: 'cloudwatch_event', rule_name: step.rule.ruleName });
      }
      case 'putTarget':
        return aws.putTarget(step.ruleName, { id: step.targetId, arn: this.lambdaArn(step.function) });
      case 'addPermission':
        return aws.addPermission(step.functionName, step.permission);
      case 'subscribeSns': {
        const lambdaArn = this.lambdaArn(step.function);
        const { subscriptionArn } = await aws.subscribe(step.topicArn, lambdaArn);
        return this.record({
          name: step.resourceName,
          resource_type: 'sns_event',
          topic: step.topic,
          topic_arn: step.topicArn,
          subscription_arn: subscriptionArn,
          lambda_arn: lambdaArn,
        });
      }
      case 'createEventSourceMapping': {
        const { uuid } = await aws.createEventSourceMapping(step.functionName, step.queueArn, step.batchSize);
        const lambdaArn = this.lambdaArn(step.function);
        return this.record({ name: step.resourceName, resource_type: 'sqs_event', queue: step.queue, queue_arn: step.queueArn, event_uuid: uuid, lambda_arn: lambdaArn });
      }
      case 'updateEventSourceMapping':
        return aws.updateEventSourceMapping(step.uuid, step.batchSize);
      case 'putBucketNotification': {
        const lambdaArn = this.lambdaArn(step.function);
        const wanted = lambdaNotification(lambdaArn, step.events, step.prefix, step.suffix);
        await aws.putBucketNotification(step.bucket, withNotification(await aws.getBucketNotification(step.bucket), wanted));
        return this.record({ name: step.resourceName, resource_type: 's3_event', bucket: step.bucket, lambda_arn: lambdaArn });
      }
      case 'tagRestApi':
        return aws.tagRestApi(step.restApiId, step.tags);
      case 'record':
        return this.record(step.resource);
      case 'deletePending':
        await deletePending(aws, step.pending, { removeRule: (ruleName) => this.removeRule(ruleName), removeNotification: (bucket, arn) => this.removeNotification(bucket, arn) });
        return this.forgetPending(step.pending.name);
      case 'forgetPending':
        return this.forgetPending(step.name);
      case 'deleteRole':
        await aws.deleteRole(step.roleName);
        return this.forget(step.name);
      case 'deleteFunction':
        await aws.deleteFunction(step.functionName);
        return this.forget(step.name);
      case 'deleteRestApi':
        await aws.deleteRestApi(step.restApiId);
        return this.forget(step.name);
      case 'deleteWebsocketApi':
        await aws.deleteWebsocketApi(step.websocketApiId);
        return this.forget(step.name);
      case 'deleteRule':
        return this.deleteRule(step);
      case 'unsubscribeSns':
        await aws.unsubscribe(step.subscriptionArn);
        await aws.removePermission(functionNameOf(step.lambdaArn), permissionId(PRINCIPAL.sns, step.topicArn));
        return this.forget(step.name);
      case 'deleteEventSourceMapping':
        await aws.deleteEventSourceMapping(step.uuid);
        return this.forget(step.name);
      case 'removeBucketNotification':
        return this.removeBucketNotification(step);
      default:
        return assertNever(step);
    }
  }

  private async putRestApi(step: InstructionOfKind<'putRestApi'>): Promise<void> {
    const { restApi } = step;
    const recorded = this.recorded(step.resourceName, 'rest_api', 'REST API');
    const document = restApiDocument(restApi, this.target, (name) => this.lambdaArn(name));
    await this.aws.putRestApi(recorded.rest_api_id, document);
    await this.aws.createDeployment(recorded.rest_api_id, restApi.apiGatewayStage);
    // Recorded only once deployed: an interrupted import is imported again by the next run.
    const digest: RecordedRestApiDigest = { openapi_sha256: openApiDigest(document, restApi.apiGatewayStage) };
    this.record({ ...recorded, rest_api_url: restApiUrl(this.target, recorded.rest_api_id, restApi.apiGatewayStage), ...digest });
  }

  // Worked out against the API as it is now: the patch names the type it replaces, and a re-run
  // after a lost answer must not add a VPC endpoint twice.
  private async updateRestApiSettings(step: InstructionOfKind<'updateRestApiSettings'>): Promise<void> {
    const restApiId = this.restApiId(step.resourceName);
    const remote = await this.aws.getRestApi(restApiId);
    if (!remote) throw new Error(`REST API ${restApiId} is gone from API Gateway: run the command again to create it`);
    const operations = restApiSettingsChanges(remote, step.settings).flatMap((change) => change.operations);
    if (operations.length) await this.aws.updateRestApi(restApiId, operations);
  }

  // The route's integration is found by its function's URI: it may have been made by this run.
  private async putWebsocketRoute(step: InstructionOfKind<'putWebsocketRoute'>): Promise<void> {
    const apiId = this.websocketApiId(step.websocketApi);
    const uri = this.integrationUri(step.function);
    const integration = (await this.aws.listWebsocketIntegrations(apiId)).find((i) => i.integrationUri === uri);
    if (!integration) throw new Error(`The websocket API has no integration for function "${step.function}": the plan creates it first`);
    if (step.routeId) await this.aws.updateWebsocketRoute(apiId, step.routeId, integration.integrationId);
    else await this.aws.createWebsocketRoute(apiId, step.routeKey, integration.integrationId);
  }

  private async deployWebsocketApi(step: InstructionOfKind<'deployWebsocketApi'>): Promise<void> {
    const recorded = this.recorded(step.resourceName, 'websocket_api', 'Websocket API');
    const apiId = recorded.websocket_api_id;
    const { deploymentId } = await this.aws.createWebsocketDeployment(apiId);
    if (await this.aws.getWebsocketStage(apiId, step.apiGatewayStage)) await this.aws.updateWebsocketStage(apiId, step.apiGatewayStage, deploymentId);
    else await this.aws.createWebsocketStage(apiId, step.apiGatewayStage, deploymentId);
    // Recorded only once the stage serves it: an interrupted deploy deploys again on the next run.
    const uris = Object.fromEntries(Object.entries(step.routes).map(([routeKey, fn]) => [routeKey, this.integrationUri(fn)]));
    const digest: RecordedWebsocketDigest = { routes_sha256: websocketRoutesDigest(uris, step.apiGatewayStage) };
    this.record({ ...recorded, websocket_api_url: websocketApiUrl(this.target, apiId, step.apiGatewayStage), ...digest });
  }

  // The permission a rule gave its target function goes too: the function may stay (a handler
  // that is no longer scheduled keeps its name).
  private async deleteRule(step: InstructionOfKind<'deleteRule'>): Promise<void> {
    await this.removeRule(step.ruleName);
    this.forget(step.name);
  }

  private async removeRule(ruleName: string): Promise<void> {
    const targets = (await this.aws.getRule(ruleName)) ? await this.aws.listTargets(ruleName) : [];
    await this.aws.deleteRule(ruleName);
    const statementId = permissionId(PRINCIPAL.events, ruleArn(this.target, ruleName));
    for (const target of targets) if (target.arn.includes(':function:')) await this.aws.removePermission(functionNameOf(target.arn), statementId);
  }

  private async removeBucketNotification(step: InstructionOfKind<'removeBucketNotification'>): Promise<void> {
    await this.removeNotification(step.bucket, step.lambdaArn);
    this.forget(step.name);
  }

  private async removeNotification(bucket: string, lambdaArn: string): Promise<void> {
    const current = await this.aws.getBucketNotification(bucket);
    if (current.LambdaFunctionConfigurations?.some((n) => n.LambdaFunctionArn === lambdaArn)) {
      await this.aws.putBucketNotification(bucket, withoutFunction(current, lambdaArn));
    }
    await this.aws.removePermission(functionNameOf(lambdaArn), permissionId(PRINCIPAL.s3, bucketArn(this.target, bucket)));
  }

  private spec(planned: PlannedFunction): FunctionSpec {
    const { roleArn } = planned;
    if (typeof roleArn === 'string') return { ...planned, roleArn };
    return { ...planned, roleArn: this.recorded(roleArn.recordedRole, 'iam_role', 'IAM role').role_arn };
  }

  // What a step needs of a resource an earlier step made, or the planner found and recorded.
  private recorded<T extends RecordedResourceType>(resourceName: string, type: T, what: string): RecordedOfType<T> {
    const found = getRecorded(this.state, resourceName, type);
    if (!found) throw new Error(`${what} "${resourceName}" is not recorded: the plan creates or records it first`);
    return found;
  }

  private lambdaArn(resourceName: string): string {
    return this.recorded(resourceName, 'lambda_function', 'Lambda function').lambda_arn;
  }

  private restApiId(resourceName: string): string {
    return this.recorded(resourceName, 'rest_api', 'REST API').rest_api_id;
  }

  private websocketApiId(resourceName: string): string {
    return this.recorded(resourceName, 'websocket_api', 'Websocket API').websocket_api_id;
  }

  // Lets API Gateway invoke the function from every stage, method and route of the API.
  private addApiPermission(functionName: string, apiId: string): Promise<void> {
    const sourceArn = executeApiArn(this.target, apiId);
    return this.aws.addPermission(functionName, { statementId: permissionId(PRINCIPAL.apiGateway, sourceArn), principal: PRINCIPAL.apiGateway, sourceArn });
  }

  private integrationUri(functionResourceName: string): string {
    return lambdaIntegrationUri(this.target, this.lambdaArn(functionResourceName));
  }

  private record(resource: RecordedResource): void {
    this.state = setRecorded(this.state, resource);
    this.options.onState(this.state);
  }

  private forget(name: string): void {
    this.state = removeRecorded(this.state, name);
    this.options.onState(this.state);
  }

  private forgetPending(name: string): void {
    this.state = removePending(this.state, name);
    this.options.onState(this.state);
  }
}
