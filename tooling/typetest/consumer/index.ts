// A hand-rolled Lambda project that installs only @chalice/router (and the runtime packages it
// depends on) next to @types/aws-lambda. test/consumer.test.ts compiles it with strict and
// skipLibCheck false: every line must type-check against the packed .d.ts files.
import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyHandler,
  APIGatewayProxyResult,
  APIGatewayProxyWebsocketHandlerV2,
  APIGatewayTokenAuthorizerHandler,
  Context,
  EventBridgeEvent,
  EventBridgeHandler,
  Handler,
  S3Event as AwsS3Event,
  S3Handler,
  ScheduledEvent,
  ScheduledHandler,
  SNSEvent as AwsSNSEvent,
  SNSHandler,
  SQSEvent as AwsSQSEvent,
  SQSHandler,
} from 'aws-lambda';
import {
  AuthRequest,
  AuthResponse,
  Chalice,
  CloudWatchEvent,
  lambdaHandler,
  proxyHandler,
  S3Event,
  SNSEvent,
  SQSEvent,
  SQSRecord,
  WebsocketEvent,
  type LambdaContext,
  type ProxyResult,
} from '@chalice/router';

export const app = new Chalice({ appName: 'consumer' });
app.experimentalFeatureFlags.add('WEBSOCKETS');
app.route('/', () => ({ hello: 'world' }));
// A view may answer with a Fetch API Response.
app.route('/fetch', () => new Response('hi', { headers: { 'Content-Type': 'text/plain' } }));
app.authorizer({ name: 'auth' }, (req) => new AuthResponse({ routes: ['*'], principalId: req.token }));
app.onS3Event({ bucket: 'uploads' }, function on_upload(event) {
  console.log(event.bucket, event.key);
});
app.onSqsMessage({ queue: 'jobs' }, function on_job(event) {
  for (const record of event) console.log(record.body);
});
app.onSnsMessage({ topic: 'news' }, function on_news(event) {
  console.log(event.subject, event.message);
});
app.schedule('rate(1 hour)', function every_hour(event) {
  console.log(event.time);
});
app.onCwEvent({ source: ['shop'] }, function on_order(event) {
  console.log(event.detail);
});
app.lambdaFunction(function plain(event: { n: number }) {
  return event.n + 1;
});
app.onWsMessage(async (event) => {
  await app.websocketApi.send(event.connectionId, event.body ?? '');
});

// Our entries are the handler types @types/aws-lambda names for their triggers.
export const handler: APIGatewayProxyHandler = app.handler;
export const greedy: APIGatewayProxyHandler = proxyHandler(app);
export const on_upload: S3Handler = lambdaHandler(app, 'on_upload');
export const on_job: SQSHandler = lambdaHandler(app, 'on_job');
export const on_news: SNSHandler = lambdaHandler(app, 'on_news');
export const every_hour: ScheduledHandler = lambdaHandler(app, 'every_hour');
export const on_order: EventBridgeHandler<'Order Placed', { orderId: string }, void> = lambdaHandler(app, 'on_order');
export const plain: Handler<{ n: number }, number> = lambdaHandler(app, 'plain');
export const auth: APIGatewayTokenAuthorizerHandler = lambdaHandler(app, 'auth');
export const websocket_message: APIGatewayProxyWebsocketHandlerV2 = lambdaHandler(app, 'websocket_message');

// Their context, events and results are ours, and ours theirs where they carry the same data.
declare const context: Context;
declare const s3: AwsS3Event;
declare const sqs: AwsSQSEvent;
declare const sns: AwsSNSEvent;
declare const scheduled: ScheduledEvent;
declare const order: EventBridgeEvent<'Order Placed', { orderId: string }>;
const ours: LambdaContext = context;
export const events = [
  new S3Event(s3, context).key,
  new SQSEvent(sqs, ours).records.length,
  new SQSRecord(sqs.Records[0]!, context).body,
  new SNSEvent(sns, context).message,
  new CloudWatchEvent(scheduled, context).detailType,
];
export const orderId: string = new CloudWatchEvent(order, context).detail.orderId;
export const firstRecordTime: string | undefined = new S3Event(s3, context).toDict().Records[0]?.eventTime;

declare const proxyResult: ProxyResult;
export const theirResult: APIGatewayProxyResult = proxyResult;
export const policy: APIGatewayAuthorizerResult = new AuthResponse({ routes: ['*'], principalId: 'u' }).toDict(
  AuthRequest.fromEvent({ type: 'TOKEN', authorizationToken: 't', methodArn: 'arn:aws:execute-api:us-west-2:1:a/api/GET/' }),
);
export const connection = (event: Parameters<APIGatewayProxyWebsocketHandlerV2>[0]) => new WebsocketEvent(event, context).connectionId;
