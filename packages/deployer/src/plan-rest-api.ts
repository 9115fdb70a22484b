import type { RestApiResource } from '@chalice/packager';
import { executeApiArn, permissionId, PRINCIPAL } from './aws-names.ts';
import type { PlanContext } from './plan-context.ts';
import type { Instruction } from './plan-types.ts';
import { openApiDigest, restApiDocument } from './rest-api-document.ts';
import { restApiSettings, restApiSettingsChanges } from './rest-api-settings.ts';

/**
 * The `rest_api` entry's field the deployer adds to the original's schema.
 *
 * @example
 * const digest = (getRecorded(state, 'rest_api', 'rest_api') as RecordedRestApiDigest | null)?.openapi_sha256;
 */
export interface RecordedRestApiDigest {
  /** See {@link openApiDigest}. */
  openapi_sha256?: string;
}

/**
 * Creates the REST API when it is not recorded or gone from AWS; changes the API's own
 * settings the import leaves alone (endpoint type, VPC endpoints, compression, a removed
 * policy) where AWS has others; imports and deploys the OpenAPI document when it (or the
 * stage) differs from what was last deployed, or a changed setting needs a new deployment;
 * lets API Gateway invoke the API handler and the built-in authorizers where it cannot yet.
 *
 * @example
 * const steps = await planRestApi(ctx, getResource(graph, 'rest_api', 'restApi'));
 */
export async function planRestApi(ctx: PlanContext, api: RestApiResource): Promise<Instruction[]> {
  const { resourceName } = api;
  const { recorded } = ctx.current(resourceName, 'rest_api', () => true);
  const functions = [api.lambdaFunction, ...api.authorizers];
  const put: Instruction = { kind: 'putRestApi', message: null, resourceName, restApi: api };
  const permission = (name: string): Instruction => ({ kind: 'addRestApiPermission', message: null, restApi: resourceName, function: name, functionName: ctx.fn(name).functionName });

  const remote = recorded ? await ctx.aws.getRestApi(recorded.rest_api_id) : null;
  if (!recorded || !remote) {
    const create: Instruction = { kind: 'createRestApi', message: 'Creating Rest API', resourceName, name: api.name, endpointType: api.endpointType, apiGatewayStage: api.apiGatewayStage };
    return [create, put, ...functions.map(permission)];
  }
  const digest = openApiDigest(restApiDocument(api, ctx.target, (name) => ctx.functionArn(name)), api.apiGatewayStage);
  const settings = restApiSettings(api);
  const changes = restApiSettingsChanges(remote, settings);
  const what = changes.map((change) => change.what);
  // Before the import, whose deployment is what serves a new compression size or policy.
  const steps: Instruction[] = changes.length ? [{ kind: 'updateRestApiSettings', message: `Updating rest API settings: ${what.join(', ')}`, resourceName, settings, changes: what }] : [];
  if ((recorded as RecordedRestApiDigest).openapi_sha256 !== digest || changes.some((change) => change.redeploy)) steps.push({ ...put, message: 'Updating rest API' });
  const statementId = permissionId(PRINCIPAL.apiGateway, executeApiArn(ctx.target, recorded.rest_api_id));
  for (const name of functions) if (!(await ctx.hasPermission(name, statementId))) steps.push(permission(name));
  return steps;
}
