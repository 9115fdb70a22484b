// Compiled by types.test.ts: our types against @types/aws-lambda. Each expected-error directive
// marks a combination that must keep failing; the rest must keep compiling.
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyHandler,
  APIGatewayProxyHandlerV2,
  APIGatewayProxyWebsocketHandlerV2,
  APIGatewayTokenAuthorizerHandler,
  Context,
  EventBridgeEvent,
  S3Event as AwsS3Event,
  S3Handler,
  ScheduledHandler,
  SNSHandler,
  SQSEvent as AwsSQSEvent,
  SQSHandler,
} from 'aws-lambda';
import { AuthResponse, builtinAuthorizerHandler } from '@chalice/authorizers';
import { cloudWatchHandler, s3Handler, snsHandler, sqsHandler } from '@chalice/events';
import { websocketHandler, WebsocketAPI } from '@chalice/websocket';
import { Chalice, CloudWatchEvent, Request, S3Event, SQSEvent, type LambdaContext } from '../../src/index.ts';

const app = new Chalice({ appName: 'aws_lambda_types' });
declare const context: Context;
declare const ours: LambdaContext;
declare const s3: AwsS3Event;
declare const sqs: AwsSQSEvent;
declare const restEvent: APIGatewayProxyEvent;

// The standalone wrappers of each runtime package are the matching handler types.
export const onUpload: S3Handler = s3Handler(async (event) => console.log(event.key));
export const onJob: SQSHandler = sqsHandler((event) => console.log(event.records.length));
export const onNews: SNSHandler = snsHandler((event) => console.log(event.message));
export const everyHour: ScheduledHandler = cloudWatchHandler((event) => console.log(event.time));
export const auth: APIGatewayTokenAuthorizerHandler = builtinAuthorizerHandler((req) => new AuthResponse({ routes: ['*'], principalId: req.token }));
export const asyncAuth: APIGatewayTokenAuthorizerHandler = builtinAuthorizerHandler(async () => new AuthResponse({ routes: [], principalId: 'u' }));
export const onMessage: APIGatewayProxyWebsocketHandlerV2 = websocketHandler(() => undefined, new WebsocketAPI());
export const entry: APIGatewayProxyHandler = app.handler;

// A request's fields read through API Gateway's event as @types/aws-lambda types it.
export const request = new Request(restEvent, null, '/', 'GET');

// @ts-expect-error -- an authorizer that may answer null is not an APIGatewayTokenAuthorizerHandler
export const maybeAuth: APIGatewayTokenAuthorizerHandler = builtinAuthorizerHandler(() => null);

// @ts-expect-error -- app.handler answers REST (v1 proxy) events; an HTTP API v2 event has no resourcePath
export const v2: APIGatewayProxyHandlerV2 = app.handler;

// @ts-expect-error -- ours leaves out the deprecated done/fail/succeed: it stands in for theirs only as a parameter
export const theirs: Context = ours;

// @ts-expect-error -- an SQS batch is not an S3 notification
new S3Event(sqs, context);

// @ts-expect-error -- nor the other way round
new SQSEvent(s3, context);

// @ts-expect-error -- a context without getRemainingTimeInMillis is not a Lambda context
new S3Event(s3, { functionName: 'f' });

declare const order: EventBridgeEvent<'Order Placed', { orderId: string }>;
const placed = new CloudWatchEvent(order, context);
export const orderId: string = placed.detail.orderId;
// @ts-expect-error -- the detail type comes from the event
placed.detail.total;
