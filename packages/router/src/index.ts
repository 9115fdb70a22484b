export { Chalice, type ChaliceOptions, type LambdaFunctionEntry } from './app.ts';
export { Blueprint } from './blueprint.ts';
export { APIGateway } from './api-gateway.ts';
export { CORSConfig, type CORSOptions } from './cors.ts';
export { matchesContentType } from './content-type.ts';
export {
  BadRequestError,
  ChaliceViewError,
  ConflictError,
  DefinitionError,
  errorText,
  ForbiddenError,
  MethodNotAllowedError,
  NotFoundError,
  RequestTimeoutError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableEntityError,
  UnsupportedMediaType,
} from './errors.ts';
export type { HeaderValues } from './headers.ts';
export { lambdaHandler, type LambdaEntry } from './lambda-entry.ts';
export { Logger, type LogLevelName } from './log.ts';
export { describeApp, missingFeatureFlags, type AppModel, type CorsModel, type RouteModel } from './model.ts';
export type {
  AuthorizerOptions,
  FunctionSettings,
  HttpMethod,
  LambdaHandler,
  NameOptions,
  RouteOptions,
  ScheduleOptions,
  WebsocketFunctionName,
  WebsocketRouteKey,
} from './registrar.ts';
export { Request, type RequestDict, type RestApiEvent, type RestRequestContext } from './request.ts';
export { Response, type ProxyResult, type ResponseInit } from './response.ts';
export { missingAuthenticationToken, preflightResult } from './rest-handler.ts';
export type { PathParams, PathSegment } from './route-path.ts';
export { checkRoutes, matchRoute } from './path-match.ts';
export { proxyHandler } from './proxy-handler.ts';
export { RouteTable, type PathMatch, type PathRoutes, type RouteEntry, type ViewFunction } from './route-table.ts';

// The runtime classes of the event, authorizer and websocket packages, so an app imports
// everything from '@chalice/router'.
export {
  CloudWatchEvent,
  Cron,
  Rate,
  S3Event,
  SNSEvent,
  SQSEvent,
  SQSRecord,
  UnexpectedEventError,
  type LambdaContext,
  type ScheduleExpression,
} from '@chalice/events';
export {
  AuthRequest,
  AuthResponse,
  AuthRoute,
  BuiltinAuthorizer,
  CognitoUserPoolAuthorizer,
  CustomAuthorizer,
  IAMAuthorizer,
  type Authorizer,
  type AuthorizerFunction,
  type AuthorizerModel,
} from '@chalice/authorizers';
export { WebsocketAPI, WebsocketDisconnectedError, WebsocketEvent, type ClientConfig, type EndpointOptions, type WebsocketLambdaEvent } from '@chalice/websocket';
