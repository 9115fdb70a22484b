export { fromProxyResult, LocalGateway, type GatewayOptions } from './gateway.ts';
export type { LocalRequest, LocalResponse } from './http-types.ts';
export { localLambdaContext, type LocalFunction } from './lambda-context.ts';
export { allows, decodeJwtClaims, LocalAuthorizers, type AuthorizerOutcome } from './local-authorizers.ts';
export { restEventFor, splitUrl, type EventSettings } from './rest-event.ts';
