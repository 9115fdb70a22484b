export { fromProxyResult, LocalGateway, TextResponse, type GatewayOptions } from './gateway.ts';
export type { LocalRequest, LocalResponse } from './http-types.ts';
export { localLambdaContext, type LocalFunction } from './lambda-context.ts';
export { allows, decodeJwtClaims, LocalAuthorizers, type AuthorizerOutcome } from './local-authorizers.ts';
export { applyEnvironment, localStage, projectConfig, type LocalStage } from './project.ts';
export { restEventFor, splitUrl, type EventSettings } from './rest-event.ts';
export { LocalServerError, startLocalServer, type LocalServer, type LocalServerOptions } from './server.ts';
export { TestClient, type TestClientOptions, type TestRequest, type TestResponse } from './test-client.ts';
