import type { RestApiResource } from '@chalice/packager';
import { executeApiArn, permissionId, PRINCIPAL, restApiUrl } from './aws-names.ts';
import { adoptableRestApi, CHALICE_TAG } from './find-rest-api.ts';
import type { PlanContext } from './plan-context.ts';
import type { Instruction } from './plan-types.ts';
import { openApiDigest, restApiDocument } from './rest-api-document.ts';
import { restApiSettings, restApiSettingsChanges } from './rest-api-settings.ts';
import { statePath } from './state.ts';
import type { RecordedResource } from './state-types.ts';

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
 * Creates the REST API when it is neither recorded (and still in API Gateway) nor found by
 * name as the stage's (see {@link adoptableRestApi}: made by a killed deploy, or by Python
 * Chalice, whose state is not there); changes the API's own settings the import leaves alone
 * (endpoint type, VPC endpoints, compression, a removed policy) where AWS has others; imports
 * and deploys the OpenAPI document when it (or the stage) differs from what was last deployed,
 * or a changed setting needs a new deployment; lets API Gateway invoke the API handler and the
 * built-in authorizers where it cannot yet.
 *
 * @example
 * const steps = await planRestApi(ctx, getResource(graph, 'rest_api', 'restApi'));
 */
export async function planRestApi(ctx: PlanContext, api: RestApiResource): Promise<Instruction[]> {
  const { resourceName } = api;
  const { recorded } = ctx.current(resourceName, 'rest_api', () => true);
  const functions = [api.lambdaFunction, ...api.authorizers];
  const put: Instruction = { kind: 'putRestApi', message: null, resourceName, restApi: api };
  const permission = (name: string): Instruction => ({
    kind: 'addRestApiPermission',
    message: null,
    restApi: resourceName,
    function: name,
    functionName: ctx.fn(name).functionName,
  });
  const tags = { [CHALICE_TAG]: ctx.fn(api.lambdaFunction).tags[CHALICE_TAG]! };

  const remote = recorded ? await ctx.aws.getRestApi(recorded.rest_api_id) : null;
  const existing = recorded && remote ? { remote, digest: (recorded as RecordedRestApiDigest).openapi_sha256, steps: [] } : await adopted(ctx, api, tags);
  if (!existing) {
    const create: Instruction = {
      kind: 'createRestApi',
      message: 'Creating Rest API',
      resourceName,
      name: api.name,
      endpointType: api.endpointType,
      apiGatewayStage: api.apiGatewayStage,
      tags,
    };
    return [create, put, ...functions.map(permission)];
  }
  const restApiId = existing.remote.restApiId;
  const digest = openApiDigest(
    restApiDocument(api, ctx.target, (name) => ctx.functionArn(name)),
    api.apiGatewayStage,
  );
  const settings = restApiSettings(api);
  const changes = restApiSettingsChanges(existing.remote, settings);
  const what = changes.map((change) => change.what);
  // Before the import, whose deployment is what serves a new compression size or policy.
  const steps: Instruction[] = [...existing.steps];
  if (changes.length) steps.push({ kind: 'updateRestApiSettings', message: `Updating rest API settings: ${what.join(', ')}`, resourceName, settings, changes: what });
  if (existing.digest !== digest || changes.some((change) => change.redeploy)) steps.push({ ...put, message: 'Updating rest API' });
  const statementId = permissionId(PRINCIPAL.apiGateway, executeApiArn(ctx.target, restApiId));
  for (const name of functions) if (!(await ctx.hasPermission(name, statementId))) steps.push(permission(name));
  return steps;
}

// The stage's API found by name, recorded (and tagged, if it was not) before anything else uses it.
async function adopted(ctx: PlanContext, api: RestApiResource, tags: Record<string, string>) {
  const found = adoptableRestApi(await ctx.aws.findRestApis(api.name), ctx.graph.stage, statePath('.', ctx.graph.stage));
  if (!found) return null;
  const { restApiId } = found.api;
  const resource: RecordedResource = {
    name: api.resourceName,
    resource_type: 'rest_api',
    rest_api_id: restApiId,
    rest_api_url: restApiUrl(ctx.target, restApiId, api.apiGatewayStage),
  };
  const tag: Instruction[] = found.tagged ? [] : [{ kind: 'tagRestApi', message: null, restApiId, tags }];
  const steps: Instruction[] = [...tag, { kind: 'record', message: `Adopting existing Rest API: ${restApiId} (named ${api.name})`, resource }];
  return { remote: found.api, digest: undefined, steps };
}
