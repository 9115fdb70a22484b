import type * as ApiGatewayV2Sdk from '@aws-sdk/client-apigatewayv2';
import { apiGatewaySenders } from './api-gateway.ts';
import { lazyClient, loadSdk, type AwsContext } from './clients.ts';
import type { AwsFacade } from './facade.ts';

const TARGET_PREFIX = 'integrations/';

type WebsocketCalls = Pick<
  AwsFacade,
  | 'getWebsocketApi'
  | 'findWebsocketApis'
  | 'createWebsocketApi'
  | 'deleteWebsocketApi'
  | 'listWebsocketIntegrations'
  | 'createWebsocketIntegration'
  | 'deleteWebsocketIntegration'
  | 'listWebsocketRoutes'
  | 'createWebsocketRoute'
  | 'updateWebsocketRoute'
  | 'deleteWebsocketRoute'
  | 'createWebsocketDeployment'
  | 'getWebsocketStage'
  | 'createWebsocketStage'
  | 'updateWebsocketStage'
>;

/**
 * The facade's API Gateway v2 calls, for the websocket API: the API itself (protocol
 * WEBSOCKET, routes chosen by `$request.body.action`, as the original makes it), one Lambda
 * proxy integration per handler, routes targeting them, deployments and the stage. Lists are
 * read across pages; like the REST API's calls, every call gets a slow second round of
 * throttling retries, as API Gateway's per-account quotas outlast the SDK's.
 *
 * @example
 * const v2 = apiGatewayV2Calls(context);
 * const { apiId } = await v2.createWebsocketApi('chat-dev-websocket-api');
 * const { integrationId } = await v2.createWebsocketIntegration(apiId, invokeUri);
 * await v2.createWebsocketRoute(apiId, '$default', integrationId);
 * const { deploymentId } = await v2.createWebsocketDeployment(apiId);
 * await v2.createWebsocketStage(apiId, 'api', deploymentId);
 */
export function apiGatewayV2Calls(context: AwsContext): WebsocketCalls {
  const apigateway = lazyClient(
    () => loadSdk<typeof ApiGatewayV2Sdk>('@aws-sdk/client-apigatewayv2'),
    (sdk) => new sdk.ApiGatewayV2Client(context.clientConfig),
  );
  const { send, sendIfExists } = apiGatewaySenders(context);
  // API Gateway v2 pages with NextToken; a page may be empty and still have one.
  async function pages<T>(operation: string, page: (nextToken: string | undefined) => Promise<{ Items?: T[]; NextToken?: string }>): Promise<T[]> {
    const items: T[] = [];
    let nextToken: string | undefined;
    do {
      const out = await send(operation, () => page(nextToken));
      items.push(...(out.Items ?? []));
      nextToken = out.NextToken;
    } while (nextToken);
    return items;
  }
  return {
    async getWebsocketApi(apiId) {
      const { client, sdk } = apigateway();
      const out = await sendIfExists('GetApi', () => client.send(new sdk.GetApiCommand({ ApiId: apiId })));
      return out ? { apiId: out.ApiId!, name: out.Name! } : null;
    },
    async findWebsocketApis(name) {
      const { client, sdk } = apigateway();
      const apis = await pages('GetApis', (NextToken) => client.send(new sdk.GetApisCommand({ NextToken })));
      return apis.filter((api) => api.Name === name && api.ProtocolType === 'WEBSOCKET').map((api) => api.ApiId!);
    },
    async createWebsocketApi(name) {
      const { client, sdk } = apigateway();
      const input = { Name: name, ProtocolType: 'WEBSOCKET' as const, RouteSelectionExpression: '$request.body.action' };
      const out = await send('CreateApi', () => client.send(new sdk.CreateApiCommand(input)));
      return { apiId: out.ApiId! };
    },
    async deleteWebsocketApi(apiId) {
      const { client, sdk } = apigateway();
      await sendIfExists('DeleteApi', () => client.send(new sdk.DeleteApiCommand({ ApiId: apiId })));
    },
    async listWebsocketIntegrations(apiId) {
      const { client, sdk } = apigateway();
      const items = await pages('GetIntegrations', (NextToken) => client.send(new sdk.GetIntegrationsCommand({ ApiId: apiId, NextToken })));
      return items.map((item) => ({ integrationId: item.IntegrationId!, integrationUri: item.IntegrationUri ?? null }));
    },
    async createWebsocketIntegration(apiId, integrationUri) {
      const { client, sdk } = apigateway();
      const input = {
        ApiId: apiId,
        IntegrationType: 'AWS_PROXY' as const,
        IntegrationUri: integrationUri,
        ConnectionType: 'INTERNET' as const,
        // Binary frames reach the handler as base64 text, as the original configures it.
        ContentHandlingStrategy: 'CONVERT_TO_TEXT' as const,
      };
      const out = await send('CreateIntegration', () => client.send(new sdk.CreateIntegrationCommand(input)));
      return { integrationId: out.IntegrationId! };
    },
    async deleteWebsocketIntegration(apiId, integrationId) {
      const { client, sdk } = apigateway();
      await sendIfExists('DeleteIntegration', () => client.send(new sdk.DeleteIntegrationCommand({ ApiId: apiId, IntegrationId: integrationId })));
    },
    async listWebsocketRoutes(apiId) {
      const { client, sdk } = apigateway();
      const items = await pages('GetRoutes', (NextToken) => client.send(new sdk.GetRoutesCommand({ ApiId: apiId, NextToken })));
      return items.map((item) => ({
        routeId: item.RouteId!,
        routeKey: item.RouteKey!,
        integrationId: item.Target?.startsWith(TARGET_PREFIX) ? item.Target.slice(TARGET_PREFIX.length) : null,
      }));
    },
    async createWebsocketRoute(apiId, routeKey, integrationId) {
      const { client, sdk } = apigateway();
      const input = { ApiId: apiId, RouteKey: routeKey, Target: `${TARGET_PREFIX}${integrationId}` };
      const out = await send('CreateRoute', () => client.send(new sdk.CreateRouteCommand(input)));
      return { routeId: out.RouteId! };
    },
    async updateWebsocketRoute(apiId, routeId, integrationId) {
      const { client, sdk } = apigateway();
      const input = { ApiId: apiId, RouteId: routeId, Target: `${TARGET_PREFIX}${integrationId}` };
      await send('UpdateRoute', () => client.send(new sdk.UpdateRouteCommand(input)));
    },
    async deleteWebsocketRoute(apiId, routeId) {
      const { client, sdk } = apigateway();
      await sendIfExists('DeleteRoute', () => client.send(new sdk.DeleteRouteCommand({ ApiId: apiId, RouteId: routeId })));
    },
    async createWebsocketDeployment(apiId) {
      const { client, sdk } = apigateway();
      const out = await send('CreateDeployment', () => client.send(new sdk.CreateDeploymentCommand({ ApiId: apiId })));
      return { deploymentId: out.DeploymentId! };
    },
    async getWebsocketStage(apiId, stageName) {
      const { client, sdk } = apigateway();
      const out = await sendIfExists('GetStage', () => client.send(new sdk.GetStageCommand({ ApiId: apiId, StageName: stageName })));
      return out ? { deploymentId: out.DeploymentId ?? null } : null;
    },
    async createWebsocketStage(apiId, stageName, deploymentId) {
      const { client, sdk } = apigateway();
      await send('CreateStage', () => client.send(new sdk.CreateStageCommand({ ApiId: apiId, StageName: stageName, DeploymentId: deploymentId })));
    },
    async updateWebsocketStage(apiId, stageName, deploymentId) {
      const { client, sdk } = apigateway();
      await send('UpdateStage', () => client.send(new sdk.UpdateStageCommand({ ApiId: apiId, StageName: stageName, DeploymentId: deploymentId })));
    },
  };
}
