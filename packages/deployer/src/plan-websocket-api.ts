import { createHash } from 'node:crypto';
import { manageConnectionsStatement, websocketRouteFunctions, type IamPolicyDocument, type WebsocketApiResource } from '@chalice/packager';
import { canonicalJson, executeApiArn, lambdaIntegrationUri, permissionId, PRINCIPAL, websocketApiUrl } from './aws-names.ts';
import type { PlanContext } from './plan-context.ts';
import type { Instruction } from './plan-types.ts';
import { getRecorded } from './state.ts';

/**
 * The `websocket_api` entry's field the deployer adds to the original's schema.
 *
 * @example
 * const digest = (getRecorded(state, 'websocket_api', 'websocket_api') as RecordedWebsocketDigest | null)?.routes_sha256;
 */
export interface RecordedWebsocketDigest {
  /** See {@link websocketRoutesDigest}. */
  routes_sha256?: string;
}

/**
 * The hex SHA-256 of what the stage serves: each route key with its function's invoke URI,
 * and the stage's name. Recorded once the stage points at a deployment of them, so a
 * redeploy knows whether it must deploy again (API Gateway does not tell what a deployment
 * holds), and a deploy interrupted between a route change and the deployment deploys on re-run.
 *
 * @example
 * websocketRoutesDigest({ $default: invokeUri }, 'api'); // 'a3f1...'
 */
export function websocketRoutesDigest(routes: Record<string, string>, apiGatewayStage: string): string {
  return createHash('sha256').update(canonicalJson({ routes, apiGatewayStage })).digest('hex');
}

/**
 * The policy with `execute-api:ManageConnections` on the connections of the app's websocket
 * API, whose resources `arn` gives by path.
 *
 * @example
 * withManageConnections(document, (path) => executeApiArn(target, 'ws1234', path)).Statement.at(-1)?.Resource;
 * // the POST, GET and DELETE @connections ARNs of ws1234, in every stage
 */
export function withManageConnections(document: IamPolicyDocument, arn: (path: string) => string): IamPolicyDocument {
  return { ...document, Statement: [...document.Statement, manageConnectionsStatement(arn)] };
}

/**
 * The id of the app's websocket API if it exists before the deploy: the recorded one, else one
 * of that name (made by a deploy whose answer was lost; API Gateway v2 lists APIs, unlike
 * REST APIs by name). Found before anything is planned, since role policies name it.
 *
 * @example
 * ctx.websocketApi = { resourceName: api.resourceName, apiId: await existingWebsocketApi(ctx, api) };
 */
export async function existingWebsocketApi(ctx: PlanContext, api: WebsocketApiResource): Promise<string | null> {
  const recorded = getRecorded(ctx.state, api.resourceName, 'websocket_api');
  if (recorded && (await ctx.aws.getWebsocketApi(recorded.websocket_api_id))) return recorded.websocket_api_id;
  const [found] = await ctx.aws.findWebsocketApis(api.name);
  return found ?? null;
}

/**
 * Creates the websocket API when it does not exist, then the role policies waiting for its
 * id; makes its integrations and routes match the handlers (creating, re-pointing, deleting),
 * lets API Gateway invoke each handler, and deploys to the stage when what the stage serves
 * differs from what was last deployed. An unchanged API plans nothing.
 *
 * @example
 * const steps = await planWebsocketApi(ctx, getResource(graph, 'websocket_api', 'websocketApi'));
 */
export async function planWebsocketApi(ctx: PlanContext, api: WebsocketApiResource): Promise<Instruction[]> {
  const { resourceName, apiGatewayStage } = api;
  const routes = websocketRouteFunctions(api);
  const functions = [...new Set(Object.values(routes))];
  const uri = (fn: string) => lambdaIntegrationUri(ctx.target, ctx.functionArn(fn));
  const integration = (fn: string): Instruction => ({ kind: 'createWebsocketIntegration', message: null, websocketApi: resourceName, function: fn });
  const route = (routeKey: string, routeId: string | null): Instruction => ({
    kind: 'putWebsocketRoute',
    message: null,
    websocketApi: resourceName,
    routeKey,
    routeId,
    function: routes[routeKey]!,
  });
  const permission = (fn: string): Instruction => ({
    kind: 'addWebsocketApiPermission',
    message: null,
    websocketApi: resourceName,
    function: fn,
    functionName: ctx.fn(fn).functionName,
  });
  const deploy: Instruction = { kind: 'deployWebsocketApi', message: null, resourceName, apiGatewayStage, routes };

  const apiId = ctx.websocketApi?.apiId;
  if (!apiId) {
    const create: Instruction = { kind: 'createWebsocketApi', message: `Creating websocket api: ${api.name}`, resourceName, name: api.name, apiGatewayStage };
    const rolePolicies = ctx.graph.resources.flatMap((r) => ctx.afterWebsocketApi.get(r.resourceName) ?? []);
    return [create, ...rolePolicies, ...functions.map(integration), ...Object.keys(routes).map((key) => route(key, null)), ...functions.map(permission), deploy];
  }
  const recorded = getRecorded(ctx.state, resourceName, 'websocket_api');
  const record: Instruction[] =
    recorded?.websocket_api_id === apiId
      ? []
      : [
          {
            kind: 'record',
            message: null,
            resource: { name: resourceName, resource_type: 'websocket_api', websocket_api_id: apiId, websocket_api_url: websocketApiUrl(ctx.target, apiId, apiGatewayStage) },
          },
        ];

  const [integrations, remoteRoutes] = await Promise.all([ctx.aws.listWebsocketIntegrations(apiId), ctx.aws.listWebsocketRoutes(apiId)]);
  // Per function, the integration to keep: one with its URI, preferably one its routes target already.
  const targeted = new Set(remoteRoutes.filter((r) => routes[r.routeKey] !== undefined).map((r) => r.integrationId));
  const kept = new Map<string, string>();
  for (const fn of functions) {
    const candidates = integrations.filter((i) => i.integrationUri === uri(fn)).map((i) => i.integrationId);
    const chosen = candidates.find((id) => targeted.has(id)) ?? candidates[0];
    if (chosen) kept.set(fn, chosen);
  }
  const changes: Instruction[] = functions.filter((fn) => !kept.has(fn)).map(integration);
  for (const [routeKey, fn] of Object.entries(routes)) {
    const remote = remoteRoutes.find((r) => r.routeKey === routeKey);
    if (!remote || remote.integrationId !== kept.get(fn)) changes.push(route(routeKey, remote?.routeId ?? null));
  }
  // Routes go before integrations: API Gateway refuses to delete an integration a route targets.
  for (const remote of remoteRoutes) {
    if (routes[remote.routeKey] === undefined)
      changes.push({ kind: 'deleteWebsocketRoute', message: null, websocketApi: resourceName, routeKey: remote.routeKey, routeId: remote.routeId });
  }
  const keep = new Set(kept.values());
  for (const { integrationId } of integrations) {
    if (!keep.has(integrationId)) changes.push({ kind: 'deleteWebsocketIntegration', message: null, websocketApi: resourceName, integrationId });
  }

  const statementId = permissionId(PRINCIPAL.apiGateway, executeApiArn(ctx.target, apiId));
  const permissions: Instruction[] = [];
  for (const fn of functions) if (!(await ctx.hasPermission(fn, statementId))) permissions.push(permission(fn));
  const digest = websocketRoutesDigest(Object.fromEntries(Object.entries(routes).map(([key, fn]) => [key, uri(fn)])), apiGatewayStage);
  const stage = await ctx.aws.getWebsocketStage(apiId, apiGatewayStage);
  const deployed = record.length === 0 && (recorded as RecordedWebsocketDigest | null)?.routes_sha256 === digest && Boolean(stage?.deploymentId);
  return [...record, ...changes, ...permissions, ...(changes.length || !deployed ? [deploy] : [])];
}
