import { resourcesOfKind, type AppGraph, type Resource } from '@chalice/packager';
import { assertNever } from './assert-never.ts';
import type { AwsFacade } from './aws/facade.ts';
import { awsTarget } from './aws-names.ts';
import { PlanContext } from './plan-context.ts';
import { deleteSteps, pendingDeleteSteps } from './plan-delete.ts';
import { planRule, planS3Notification, planSnsSubscription, planSqsEventSource } from './plan-events.ts';
import { planFunction, planRole } from './plan-functions.ts';
import { planRestApi } from './plan-rest-api.ts';
import { existingWebsocketApi, planWebsocketApi } from './plan-websocket-api.ts';
import type { Instruction, Plan } from './plan-types.ts';
import type { DeployedState, PendingResource } from './state-types.ts';

export { planDelete } from './plan-delete.ts';

/**
 * What {@link planDeploy} compares.
 *
 * @example
 * const input: PlanDeployInput = { graph, state: readState(dir, 'dev'), aws, codeSha256: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=' };
 */
export interface PlanDeployInput {
  graph: AppGraph;
  state: DeployedState;
  /** Only its getters are called: planning changes nothing. */
  aws: AwsFacade;
  /** Base64 SHA-256 of the deployment package, as Lambda reports a function's code. */
  codeSha256: string;
}

/**
 * Diffs the app graph against the deployed state and what AWS reports, and returns the steps
 * that make AWS match the graph: creates for what is missing (recorded or not, gone from AWS
 * or never made), updates only for what differs, records for what exists but the state lacks,
 * then deletes of recorded resources the graph no longer has, the last created first. An
 * unchanged app plans no step that changes AWS.
 *
 * @example
 * const plan = await planDeploy({ graph, state: readState(projectDir, 'dev'), aws, codeSha256 });
 * console.log(formatPlan(plan));
 */
export async function planDeploy({ graph, state, aws, codeSha256 }: PlanDeployInput): Promise<Plan> {
  const ctx = new PlanContext(graph, state, aws, await awsTarget(aws), codeSha256);
  for (const api of resourcesOfKind(graph, 'websocketApi')) ctx.websocketApi = { resourceName: api.resourceName, apiId: await existingWebsocketApi(ctx, api) };
  const instructions: Instruction[] = [];
  for (const steps of await planInDependencyOrder(ctx, graph)) instructions.push(...steps);
  const inGraph = new Set(graph.resources.map((r) => r.resourceName));
  for (const recorded of [...state.resources].reverse()) {
    if (!inGraph.has(recorded.name)) instructions.push(...deleteSteps(recorded));
  }
  return { instructions: [...instructions, ...pendingSteps(state.pending ?? [], inGraph, instructions)] };
}

// Notes of creates a killed deploy left: what the app no longer has is found and deleted; for
// what it still has, the plan found and recorded the resource, or makes it again (either way
// recording it ends the note), or found it recorded and unchanged, and the note is dropped.
function pendingSteps(pending: PendingResource[], inGraph: Set<string>, planned: Instruction[]): Instruction[] {
  const recorded = new Set(planned.flatMap((step) => ('resourceName' in step ? [step.resourceName] : step.kind === 'record' ? [step.resource.name] : [])));
  const stale = pending.filter((p) => !inGraph.has(p.name));
  const settled = pending.filter((p) => inGraph.has(p.name) && !recorded.has(p.name));
  return [...pendingDeleteSteps(stale), ...settled.map((p): Instruction => ({ kind: 'forgetPending', message: null, name: p.name }))];
}

// Each resource is planned once the resources it depends on (those listed before it) are:
// their planning records what it reads (a role's ARN, whether a function is new). Resources
// that do not depend on each other then read AWS side by side, instead of one call at a time.
// The steps keep the graph's order, and a failure is the first in that order, as if planned
// one by one.
async function planInDependencyOrder(ctx: PlanContext, graph: AppGraph): Promise<Instruction[][]> {
  const byName = new Map<string, Promise<Instruction[]>>();
  const planned = graph.resources.map((resource) => {
    const before = resource.dependsOn.flatMap((name) => byName.get(name) ?? []);
    const steps = Promise.all(before).then(() => planResource(ctx, resource));
    byName.set(resource.resourceName, steps);
    return steps;
  });
  const settled = await Promise.allSettled(planned);
  return settled.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

function planResource(ctx: PlanContext, resource: Resource): Promise<Instruction[]> | Instruction[] {
  switch (resource.kind) {
    case 'deploymentPackage':
      // Built before planning; its hash is `codeSha256`.
      return [];
    case 'managedIamRole':
      return planRole(ctx, resource);
    case 'preCreatedIamRole':
      ctx.roles.set(resource.resourceName, { ref: resource.roleArn, arn: resource.roleArn });
      return [];
    case 'lambdaFunction':
      return planFunction(ctx, resource);
    case 'restApi':
      return planRestApi(ctx, resource);
    case 'scheduledEvent':
    case 'cloudWatchEvent':
      return planRule(ctx, resource);
    case 's3BucketNotification':
      return planS3Notification(ctx, resource);
    case 'snsSubscription':
      return planSnsSubscription(ctx, resource);
    case 'sqsEventSource':
      return planSqsEventSource(ctx, resource);
    case 'websocketApi':
      return planWebsocketApi(ctx, resource);
    default:
      return assertNever(resource);
  }
}
