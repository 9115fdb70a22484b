import type * as ApiGatewaySdk from '@aws-sdk/client-api-gateway';
import { AwsError } from './aws-error.ts';
import { call, callIfExists } from './call.ts';
import { lazyClient, loadSdk, type AwsContext } from './clients.ts';
import type { AwsFacade, RemoteRestApi, TaggedRestApi } from './facade.ts';
import { API_THROTTLED, withRetries } from './retry.ts';

/**
 * How the REST and websocket API calls send: `apigateway:<operation>` in errors, a slow second
 * round of throttling retries (API Gateway's per-account quotas outlast the SDK's), and, for
 * `sendIfExists`, `null` when API Gateway says the resource is not found.
 *
 * @example
 * const { send } = apiGatewaySenders(context);
 * await send('CreateDeployment', () => client.send(new sdk.CreateDeploymentCommand(input)));
 */
export function apiGatewaySenders(context: AwsContext) {
  const throttled =
    <T>(run: () => Promise<T>) =>
    () =>
      withRetries(run, API_THROTTLED, context.sleep);
  return {
    send: <T>(operation: string, run: () => Promise<T>): Promise<T> => call(`apigateway:${operation}`, throttled(run)),
    sendIfExists: <T>(operation: string, run: () => Promise<T>): Promise<T | null> => callIfExists(`apigateway:${operation}`, ['NotFoundException'], throttled(run)),
  };
}

/**
 * The facade's API Gateway (REST) calls. The API's whole definition is imported from the
 * packager's OpenAPI 3.0 document; every call gets a slow second round of throttling retries,
 * as API Gateway's per-account quotas outlast the SDK's.
 *
 * @example
 * const api = apiGatewayCalls(context);
 * const { restApiId } = await api.createRestApi('myapp', 'EDGE');
 * await api.putRestApi(restApiId, document);
 * await api.updateRestApi(restApiId, [{ op: 'replace', path: '/endpointConfiguration/types/EDGE', value: 'REGIONAL' }]);
 * await api.createDeployment(restApiId, 'api');
 * const zip = await api.getSdk(restApiId, 'api', 'javascript');
 */
export function apiGatewayCalls(
  context: AwsContext,
): Pick<AwsFacade, 'getRestApi' | 'findRestApis' | 'createRestApi' | 'tagRestApi' | 'putRestApi' | 'updateRestApi' | 'createDeployment' | 'deleteRestApi' | 'getSdk'> {
  const apigateway = lazyClient(
    () => loadSdk<typeof ApiGatewaySdk>('@aws-sdk/client-api-gateway'),
    (sdk) => new sdk.APIGatewayClient(context.clientConfig),
  );
  const { send, sendIfExists } = apiGatewaySenders(context);
  return {
    async getRestApi(restApiId) {
      const { client, sdk } = apigateway();
      const out = await sendIfExists('GetRestApi', () => client.send(new sdk.GetRestApiCommand({ restApiId })));
      return out ? remoteRestApi(out) : null;
    },
    async findRestApis(name) {
      const { client, sdk } = apigateway();
      const found: TaggedRestApi[] = [];
      let position: string | undefined;
      do {
        const out = await send('GetRestApis', () => client.send(new sdk.GetRestApisCommand({ position, limit: 500 })));
        for (const item of out.items ?? []) if (item.name === name) found.push({ ...remoteRestApi(item), tags: item.tags ?? {} });
        position = out.position;
      } while (position);
      return found;
    },
    async createRestApi(name, endpointType, tags) {
      const { client, sdk } = apigateway();
      const input = { name, tags, endpointConfiguration: { types: [endpointType as ApiGatewaySdk.EndpointType] } };
      const out = await send('CreateRestApi', () => client.send(new sdk.CreateRestApiCommand(input)));
      return { restApiId: out.id! };
    },
    async tagRestApi(restApiId, tags) {
      const { client, sdk } = apigateway();
      const resourceArn = `arn:${context.partition}:apigateway:${context.clientConfig.region}::/restapis/${restApiId}`;
      await send('TagResource', () => client.send(new sdk.TagResourceCommand({ resourceArn, tags })));
    },
    async putRestApi(restApiId, document) {
      const { client, sdk } = apigateway();
      // Warnings (e.g. an unsupported OpenAPI keyword) must not fail a deploy; errors still do.
      const input = { restApiId, mode: 'overwrite' as const, failOnWarnings: false, body: new TextEncoder().encode(JSON.stringify(document)) };
      await send('PutRestApi', () => client.send(new sdk.PutRestApiCommand(input)));
    },
    async updateRestApi(restApiId, patchOperations) {
      const { client, sdk } = apigateway();
      await send('UpdateRestApi', () => client.send(new sdk.UpdateRestApiCommand({ restApiId, patchOperations })));
    },
    async createDeployment(restApiId, stageName) {
      const { client, sdk } = apigateway();
      await send('CreateDeployment', () => client.send(new sdk.CreateDeploymentCommand({ restApiId, stageName })));
    },
    async deleteRestApi(restApiId) {
      const { client, sdk } = apigateway();
      await sendIfExists('DeleteRestApi', () => client.send(new sdk.DeleteRestApiCommand({ restApiId })));
    },
    async getSdk(restApiId, stageName, sdkType) {
      const { client, sdk } = apigateway();
      const out = await send('GetSdk', () => client.send(new sdk.GetSdkCommand({ restApiId, stageName, sdkType })));
      if (!out.body) throw new AwsError('AWS_CALL_FAILED', 'apigateway:GetSdk', `API Gateway sent no SDK for stage ${stageName} of REST API ${restApiId}`);
      return out.body;
    },
  };
}

// As API Gateway describes an API, in `get-rest-api` and each item of `get-rest-apis`.
function remoteRestApi(out: ApiGatewaySdk.RestApi): RemoteRestApi {
  const { endpointConfiguration: endpoint, minimumCompressionSize } = out;
  return {
    restApiId: out.id!,
    name: out.name!,
    // EDGE is API Gateway's default type, should a reply name none.
    endpointType: endpoint?.types?.[0] ?? 'EDGE',
    vpcEndpointIds: endpoint?.vpcEndpointIds ?? [],
    minimumCompressionSize: minimumCompressionSize ?? null,
    hasPolicy: Boolean(out.policy),
  };
}
