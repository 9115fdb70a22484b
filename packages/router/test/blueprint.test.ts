import { lambdaContext, recordedEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AuthResponse, Blueprint, Chalice, describeApp, lambdaHandler } from '../src/index.ts';
import { invoke, json } from './helpers.ts';

function makeBlueprint() {
  const bp = new Blueprint();
  bp.route('/', () => ({ hello: 'world' }));
  bp.route('/foo/{id}', (params, request) => ({ ...params, same: request === bp.currentRequest }));
  const auth = bp.authorizer(function bp_auth() {
    return new AuthResponse({ routes: ['*'], principalId: 'p' });
  });
  bp.route('/secret', { authorizer: auth }, () => ({}));
  bp.schedule('rate(5 minutes)', function cron() {});
  bp.onSnsMessage('MyTopic', function handle_sns_message() {});
  bp.onSqsMessage('q', function handle_sqs() {});
  bp.onS3Event({ bucket: 'b' }, function handle_s3() {});
  bp.onCwEvent({ source: ['aws.ec2'] }, function handle_cw() {});
  bp.lambdaFunction(function pure() {
    return bp.lambdaContext?.awsRequestId;
  });
  bp.onWsMessage(function ws_message() {});
  return bp;
}

test('urlPrefix prefixes routes; namePrefix prefixes every function but the websocket ones', async () => {
  const app = new Chalice({ appName: 'bp' });
  app.experimentalFeatureFlags.add('WEBSOCKETS');
  const bp = makeBlueprint();
  app.registerBlueprint(bp, { urlPrefix: '/api', namePrefix: 'bp_' });
  assert.equal(
    [...app.routes.paths()].map((p) => p.path),
    ['/api', '/api/foo/{id}', '/api/secret'],
  );
  assert.equal([...app.functions.keys()].sort(), [
    'bp_bp_auth',
    'bp_cron',
    'bp_handle_cw',
    'bp_handle_s3',
    'bp_handle_sns_message',
    'bp_handle_sqs',
    'bp_pure',
    'websocket_message',
  ]);
  const secret = describeApp(app).routes.find((r) => r.path === '/api/secret');
  assert.is(secret?.authorizer?.name, 'bp_bp_auth', 'routes refer to the prefixed authorizer');
  assert.equal(json(await invoke(app, { resource: '/api/foo/{id}', pathParameters: { id: '3' } })), { id: '3', same: true });
  assert.is(await lambdaHandler(app, 'bp_pure')({}, lambdaContext({ awsRequestId: 'r1' })), 'r1');
  assert.is(bp.currentApp, app);
  assert.is(bp.log, app.log);
});

test("without prefixes the blueprint's routes keep their paths", async () => {
  const app = new Chalice({ appName: 'bp2' });
  app.registerBlueprint(makeBlueprint());
  assert.equal(json(await app.handler(recordedEvent('rest-get') && { ...recordedEvent('rest-get'), requestContext: { resourcePath: '/', httpMethod: 'GET' } }, lambdaContext())), {
    hello: 'world',
  });
});

test("a blueprint's definition errors surface when it is registered", () => {
  const app = new Chalice({ appName: 'bp3' });
  app.route('/dup', () => ({}));
  const bp = new Blueprint();
  bp.route('/dup', function other() {});
  assert.throws(() => app.registerBlueprint(bp), /GET is already handled by view/);
});

test('currentApp before registration is a clear error', () => {
  assert.throws(() => new Blueprint().currentApp, /only available once the blueprint is registered/);
});

test('routes added to a blueprint after registration reach the app', async () => {
  const app = new Chalice({ appName: 'bp4' });
  const bp = new Blueprint();
  app.registerBlueprint(bp, { urlPrefix: '/late' });
  bp.route('/x', () => ({ late: true }));
  assert.equal(json(await invoke(app, { resource: '/late/x' })), { late: true });
});

test.run();
