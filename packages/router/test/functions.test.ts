import { lambdaContext, recordedEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  AuthResponse,
  Chalice,
  CloudWatchEvent,
  Cron,
  describeApp,
  missingFeatureFlags,
  Rate,
  S3Event,
  type SNSEvent,
  type SQSEvent,
  UnexpectedEventError,
  type WebsocketEvent,
  lambdaHandler,
} from '../src/index.ts';

function eventApp() {
  const app = new Chalice({ appName: 'events' });
  const seen: Record<string, unknown> = {};
  app.schedule(new Rate(1, Rate.HOURS), function every_hour(event) {
    seen.every_hour = event;
    return 'tick';
  });
  app.schedule(new Cron(15, 10, '?', '*', '6L', '2002-2005'), { name: 'cron_job', description: 'nightly' }, (e) => (seen.cron_job = e));
  app.onCwEvent({ source: ['aws.codecommit'] }, function on_commit(event) {
    seen.on_commit = event;
  });
  app.onS3Event({ bucket: 'mybucket-name', prefix: 'images/', suffix: '.jpg' }, function handle_s3(event) {
    seen.handle_s3 = event;
  });
  app.onSnsMessage('my-demo-topic', function handle_sns(event) {
    seen.handle_sns = event;
  });
  app.onSqsMessage({ queue: 'my-queue', batchSize: 5 }, async function handle_sqs(event) {
    seen.handle_sqs = [...event].map((r) => r.body);
  });
  app.lambdaFunction(function custom_lambda_function(event: unknown, context) {
    return { event, name: context.functionName, current: app.lambdaContext?.awsRequestId };
  });
  app.lambdaFunction({ name: 'MyFunction' }, () => ({}));
  return { app, seen };
}

test('every event handler has a Lambda entry that gets its event object', async () => {
  const { app, seen } = eventApp();
  const ctx = lambdaContext();
  assert.is(await lambdaHandler(app, 'every_hour')(recordedEvent('eventbridge-scheduled'), ctx), 'tick');
  assert.instance(seen.every_hour, CloudWatchEvent);
  assert.is((seen.every_hour as CloudWatchEvent).detailType, 'Scheduled Event');
  await lambdaHandler(app, 'on_commit')(recordedEvent('eventbridge-codecommit'), ctx);
  assert.is((seen.on_commit as CloudWatchEvent).source, 'aws.codecommit');
  await lambdaHandler(app, 'handle_s3')(recordedEvent('s3'), ctx);
  assert.instance(seen.handle_s3, S3Event);
  assert.is((seen.handle_s3 as S3Event).key, 'images/my house(2).jpg');
  await lambdaHandler(app, 'handle_sns')(recordedEvent('sns'), ctx);
  assert.is((seen.handle_sns as SNSEvent).subject, 'TestSubject1');
  await lambdaHandler(app, 'handle_sqs')(recordedEvent('sqs'), ctx);
  assert.equal(seen.handle_sqs, ['{"order": 1}', 'second message']);
});

test('a pure function gets the raw event and context; app.lambdaContext is set while it runs', async () => {
  const { app } = eventApp();
  const pending = lambdaHandler(app, 'custom_lambda_function')({ a: 1 }, lambdaContext({ awsRequestId: 'req-9' }));
  assert.instance(pending, Promise, "a sync function's entry still returns a promise, or Lambda would drop the value");
  const result = (await pending) as any;
  assert.equal(result, { event: { a: 1 }, name: 'myapp-dev', current: 'req-9' });
});

test('an event of the wrong shape is a clear UnexpectedEventError, never a TypeError', async () => {
  const { app } = eventApp();
  for (const name of ['handle_s3', 'handle_sns', 'handle_sqs', 'every_hour']) {
    try {
      await lambdaHandler(app, name)({ hello: 'world' }, lambdaContext());
      assert.unreachable(`${name} accepted a wrong event`);
    } catch (error) {
      assert.instance(error, UnexpectedEventError);
    }
  }
});

test('an unknown function name is a clear error listing the known ones', () => {
  const { app } = eventApp();
  assert.throws(() => lambdaHandler(app, 'nope'), /No Lambda function named "nope" in app "events" \(known: every_hour, cron_job/);
});

test("describeApp gives every function's settings as plain data", () => {
  const { app } = eventApp();
  const model = describeApp(app);
  assert.equal(JSON.parse(JSON.stringify(model)), model, 'JSON round trip');
  const byName = Object.fromEntries(model.functions.map((f) => [f.name, f]));
  assert.equal(byName.every_hour, { kind: 'eventHandler', name: 'every_hour', source: { kind: 'schedule', expression: 'rate(1 hour)', description: '' } });
  assert.equal(byName.cron_job, {
    kind: 'eventHandler',
    name: 'cron_job',
    source: { kind: 'schedule', expression: 'cron(15 10 ? * 6L 2002-2005)', description: 'nightly' },
  });
  assert.equal(byName.handle_s3?.kind === 'eventHandler' && byName.handle_s3.source, {
    kind: 's3Event',
    bucket: 'mybucket-name',
    events: ['s3:ObjectCreated:*'],
    prefix: 'images/',
    suffix: '.jpg',
  });
  assert.equal(byName.handle_sqs?.kind === 'eventHandler' && byName.handle_sqs.source, { kind: 'sqsMessage', queue: 'my-queue', batchSize: 5 });
  assert.equal(byName.handle_sns?.kind === 'eventHandler' && byName.handle_sns.source, { kind: 'snsMessage', topic: 'my-demo-topic' });
  assert.equal(byName.MyFunction, { kind: 'pureFunction', name: 'MyFunction' });
});

test('built-in authorizers: Lambda entry, route model and TTL', async () => {
  const app = new Chalice({ appName: 'auth' });
  const auth = app.authorizer({ ttlSeconds: 30 }, function demo_auth(req) {
    return new AuthResponse({ routes: req.token === 'allow' ? ['/'] : [], principalId: 'user' });
  });
  app.route('/', { authorizer: auth, apiKeyRequired: true }, () => ({}));
  const result = (await lambdaHandler(app, 'demo_auth')(recordedEvent('authorizer-token'), lambdaContext())) as any;
  assert.is(result.principalId, 'user');
  assert.equal(result.policyDocument.Statement[0].Resource, ['arn:aws:execute-api:us-west-2:123456789012:abc123/api/*/']);
  const model = describeApp(app);
  assert.equal(model.functions[0], { kind: 'builtinAuthorizer', name: 'demo_auth', ttlSeconds: 30, executionRole: null, header: 'Authorization' });
  assert.is(model.routes[0]?.authorizer?.name, 'demo_auth');
  assert.is(model.routes[0]?.apiKeyRequired, true);
});

test('websocket handlers are recorded as the WEBSOCKETS experimental feature', async () => {
  const app = new Chalice({ appName: 'ws' });
  let got: WebsocketEvent | undefined;
  app.onWsConnect(() => {});
  app.onWsMessage((event) => {
    got = event;
  });
  app.onWsDisconnect(() => {});
  assert.equal(missingFeatureFlags(app), ['WEBSOCKETS']);
  app.experimentalFeatureFlags.add('WEBSOCKETS');
  assert.equal(missingFeatureFlags(app), []);
  assert.equal([...app.functions.keys()], ['websocket_connect', 'websocket_message', 'websocket_disconnect']);
  const reply = await lambdaHandler(app, 'websocket_message')(recordedEvent('websocket-message'), lambdaContext());
  assert.equal(reply, { statusCode: 200 });
  assert.is(got?.connectionId, 'Ab1Cd2Ef3Gh=');
  assert.is(app.websocketApi.endpoint, 'https://ws123.execute-api.us-west-2.amazonaws.com/api');
});

test('SQS events iterate their records', async () => {
  const app = new Chalice({ appName: 'q' });
  let bodies: string[] = [];
  app.onSqsMessage('my-queue', function drain(event: SQSEvent) {
    bodies = [...event].map((r) => r.body);
  });
  await lambdaHandler(app, 'drain')(recordedEvent('sqs'), lambdaContext());
  assert.equal(bodies, ['{"order": 1}', 'second message']);
});

test.run();
