import { FakeAwsError } from './fake-error.ts';

interface FakeWebsocketApi {
  name: string;
  /** Integration id -> invoke URI. */
  integrations: Map<string, string>;
  routes: Map<string, { routeKey: string; integrationId: string }>;
  /** Deployment id -> what it serves: route key -> invoke URI, when it was made. */
  deployments: Map<string, Record<string, string>>;
  /** Stage name -> deployment id. */
  stages: Map<string, string>;
}

/**
 * API Gateway v2's websocket APIs for the fake, strict where API Gateway is: a route names an
 * existing integration and its key is unique, an integration a route targets cannot be
 * deleted, a deployment needs a route, a stage an existing deployment. Ids come from `id`, so
 * they follow the fake's one sequence.
 */
export class FakeWebsocketApis {
  readonly apis = new Map<string, FakeWebsocketApi>();

  constructor(private readonly id: (prefix: string) => string) {}

  create(name: string): { apiId: string } {
    const apiId = this.id('ws');
    this.apis.set(apiId, { name, integrations: new Map(), routes: new Map(), deployments: new Map(), stages: new Map() });
    return { apiId };
  }

  find(name: string): string[] {
    return [...this.apis].filter(([, api]) => api.name === name).map(([id]) => id);
  }

  createIntegration(apiId: string, integrationUri: string): { integrationId: string } {
    const integrationId = this.id('int');
    this.api(apiId).integrations.set(integrationId, integrationUri);
    return { integrationId };
  }

  deleteIntegration(apiId: string, integrationId: string): void {
    const api = this.api(apiId);
    if ([...api.routes.values()].some((r) => r.integrationId === integrationId)) {
      throw new FakeAwsError('ConflictException', `Integration ${integrationId} is the target of a route and cannot be deleted`);
    }
    api.integrations.delete(integrationId);
  }

  createRoute(apiId: string, routeKey: string, integrationId: string): { routeId: string } {
    const api = this.withIntegration(apiId, integrationId);
    if ([...api.routes.values()].some((r) => r.routeKey === routeKey)) throw new FakeAwsError('ConflictException', `Route with key ${routeKey} already exists for this API`);
    const routeId = this.id('route');
    api.routes.set(routeId, { routeKey, integrationId });
    return { routeId };
  }

  updateRoute(apiId: string, routeId: string, integrationId: string): void {
    const route = this.withIntegration(apiId, integrationId).routes.get(routeId);
    if (!route) throw new FakeAwsError('NotFoundException', `Invalid Route identifier specified ${routeId}`);
    route.integrationId = integrationId;
  }

  createDeployment(apiId: string): { deploymentId: string } {
    const api = this.api(apiId);
    if (api.routes.size === 0) throw new FakeAwsError('BadRequestException', 'At least one route is required before deploying the Api.');
    const deploymentId = this.id('dep');
    api.deployments.set(deploymentId, served(api));
    return { deploymentId };
  }

  createStage(apiId: string, stageName: string, deploymentId: string): void {
    const api = this.withDeployment(apiId, deploymentId);
    if (api.stages.has(stageName)) throw new FakeAwsError('ConflictException', `Stage ${stageName} already exists`);
    api.stages.set(stageName, deploymentId);
  }

  updateStage(apiId: string, stageName: string, deploymentId: string): void {
    const api = this.withDeployment(apiId, deploymentId);
    if (!api.stages.has(stageName)) throw new FakeAwsError('NotFoundException', 'Invalid stage identifier specified');
    api.stages.set(stageName, deploymentId);
  }

  /** An API's state without its ids (apart from the API's own, the key), which retries may shift. */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries(
      [...this.apis].map(([id, api]) => [
        id,
        {
          name: api.name,
          integrations: [...api.integrations.values()].sort(),
          routes: served(api),
          stages: Object.fromEntries([...api.stages].map(([stage, deploymentId]) => [stage, api.deployments.get(deploymentId)])),
        },
      ]),
    );
  }

  api(apiId: string): FakeWebsocketApi {
    const api = this.apis.get(apiId);
    if (!api) throw new FakeAwsError('NotFoundException', `Invalid API identifier specified ${apiId}`);
    return api;
  }

  private withIntegration(apiId: string, integrationId: string): FakeWebsocketApi {
    const api = this.api(apiId);
    if (!api.integrations.has(integrationId)) throw new FakeAwsError('NotFoundException', `Invalid Integration identifier specified ${integrationId}`);
    return api;
  }

  private withDeployment(apiId: string, deploymentId: string): FakeWebsocketApi {
    const api = this.api(apiId);
    if (!api.deployments.has(deploymentId)) throw new FakeAwsError('NotFoundException', `Invalid Deployment identifier specified ${deploymentId}`);
    return api;
  }
}

// What the API's routes serve now: route key -> the invoke URI of its integration.
function served(api: FakeWebsocketApi): Record<string, string> {
  return Object.fromEntries([...api.routes.values()].map((r) => [r.routeKey, api.integrations.get(r.integrationId)!]));
}
