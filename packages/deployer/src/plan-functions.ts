import { managesConnections, rolePolicy, type LambdaFunctionResource, type ManagedIamRoleResource } from '@chalice/packager';
import type { FunctionSpec, RemoteFunction } from './aws/facade.ts';
import { executeApiArn, queueArn, roleArn, sameJson } from './aws-names.ts';
import type { PlanContext } from './plan-context.ts';
import type { Instruction, PlannedFunction } from './plan-types.ts';

/**
 * Creates a missing role, or updates its policy when it differs from AWS's. A policy that
 * names a websocket API this plan creates is put without it first (the role's functions need
 * the rest at once, e.g. to poll a queue), then again once the API exists.
 *
 * @example
 * const steps = await planRole(ctx, getResource(graph, 'default-role', 'managedIamRole'));
 */
export async function planRole(ctx: PlanContext, role: ManagedIamRoleResource): Promise<Instruction[]> {
  const { resourceName, roleName } = role;
  const { replaced } = ctx.current(resourceName, 'iam_role', (r) => r.role_name === roleName);
  const websocket = ctx.websocketApi && managesConnections(ctx.graph, role) ? ctx.websocketApi : null;
  const apiId = websocket?.apiId;
  const document = rolePolicy(ctx.graph, role, { queue: (queue) => queueArn(ctx.target, queue), websocketApi: apiId ? (path) => executeApiArn(ctx.target, apiId, path) : null });
  const put = { kind: 'putRolePolicy', resourceName, roleName, policyName: roleName, document, autogen: role.policy.source === 'autogen' } as const;
  const remote = await ctx.aws.getRole(roleName);
  if (!remote) {
    ctx.roles.set(resourceName, { ref: { recordedRole: resourceName }, arn: roleArn(ctx.target, roleName) });
    // Still a new role's first policy when completed: nothing to confirm.
    if (websocket && !websocket.apiId) ctx.afterWebsocketApi.set(resourceName, { ...put, message: null, previous: null, websocketApi: websocket.resourceName });
    return [
      ...replaced,
      { kind: 'createRole', message: `Creating IAM role: ${roleName}`, resourceName, roleName, trustPolicy: role.trustPolicy },
      { ...put, message: null, previous: null },
    ];
  }
  ctx.roles.set(resourceName, { ref: remote.roleArn, arn: remote.roleArn });
  const previous = await ctx.aws.getRolePolicy(roleName, roleName);
  const steps: Instruction[] = [...replaced];
  const message = `Updating policy for IAM role: ${roleName}`;
  const changed = !previous || !sameJson(previous, document);
  if (changed) steps.push({ ...put, message, previous });
  if (websocket && !websocket.apiId)
    ctx.afterWebsocketApi.set(resourceName, { ...put, message: changed ? null : message, previous: changed ? document : previous, websocketApi: websocket.resourceName });
  return [...steps, ...ctx.recordIfChanged({ name: resourceName, resource_type: 'iam_role', role_name: roleName, role_arn: remote.roleArn })];
}

/**
 * Creates a missing function; for an existing one, only the updates that differ from what
 * Lambda reports: code (by SHA-256), configuration, tags, reserved concurrency.
 *
 * @example
 * const steps = await planFunction(ctx, getResource(graph, 'api_handler', 'lambdaFunction'));
 */
export async function planFunction(ctx: PlanContext, fn: LambdaFunctionResource): Promise<Instruction[]> {
  const { resourceName, functionName } = fn;
  const { replaced } = ctx.current(resourceName, 'lambda_function', (r) => r.lambda_arn === ctx.functionArn(resourceName));
  const role = ctx.roles.get(fn.role);
  if (!role) throw new Error(`Function "${resourceName}" refers to role "${fn.role}", which the graph lists after it`);
  const spec: PlannedFunction = { ...functionSpec(fn), roleArn: role.ref };
  const remote = await ctx.aws.getFunction(functionName);
  if (!remote) {
    ctx.newFunctions.add(resourceName);
    const concurrency: Instruction[] =
      fn.reservedConcurrency === null ? [] : [{ kind: 'setReservedConcurrency', message: null, resourceName, functionName, reserved: fn.reservedConcurrency }];
    return [...replaced, { kind: 'createFunction', message: `Creating lambda function: ${functionName}`, resourceName, spec }, ...concurrency];
  }
  const updates: Instruction[] = [];
  if (remote.codeSha256 !== ctx.codeSha256) updates.push({ kind: 'updateFunctionCode', message: null, resourceName, functionName });
  if (!sameConfiguration(remote, { ...spec, roleArn: role.arn })) updates.push({ kind: 'updateFunctionConfiguration', message: null, resourceName, spec });
  if (!sameJson(remote.tags, fn.tags)) updates.push({ kind: 'setFunctionTags', message: null, resourceName, functionName, tags: fn.tags });
  // The seed prints one "Updating" line per function, whatever changed.
  if (updates[0]) updates[0].message = `Updating lambda function: ${functionName}`;
  if (remote.reservedConcurrency !== fn.reservedConcurrency) {
    const message = fn.reservedConcurrency === null ? null : `Updating lambda function concurrency limit: ${functionName}`;
    updates.push({ kind: 'setReservedConcurrency', message, resourceName, functionName, reserved: fn.reservedConcurrency });
  }
  return [...replaced, ...updates, ...ctx.recordIfChanged({ name: resourceName, resource_type: 'lambda_function', lambda_arn: remote.functionArn })];
}

function functionSpec(fn: LambdaFunctionResource): Omit<FunctionSpec, 'roleArn'> {
  return {
    functionName: fn.functionName,
    runtime: fn.runtime,
    handler: fn.handler,
    memorySize: fn.memorySize,
    timeout: fn.timeout,
    environment: fn.environmentVariables,
    layers: fn.layers,
    subnetIds: fn.subnetIds,
    securityGroupIds: fn.securityGroupIds,
    tags: fn.tags,
  };
}

// Lists Lambda keeps in order (layers) compare in order; VPC ids are sets.
function sameConfiguration(remote: RemoteFunction, spec: FunctionSpec): boolean {
  const sorted = (ids: string[]) => [...ids].sort();
  return (
    remote.roleArn === spec.roleArn &&
    remote.runtime === spec.runtime &&
    remote.handler === spec.handler &&
    remote.memorySize === spec.memorySize &&
    remote.timeout === spec.timeout &&
    sameJson(remote.environment, spec.environment) &&
    sameJson(remote.layers, spec.layers) &&
    sameJson(sorted(remote.subnetIds), sorted(spec.subnetIds)) &&
    sameJson(sorted(remote.securityGroupIds), sorted(spec.securityGroupIds))
  );
}
