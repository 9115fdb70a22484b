import { lambdaContext, recordedEvent, restEvent } from '@chalice/fixtures';
import { describeApp, lambdaHandler } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

const ARN = 'arn:aws:execute-api:us-west-2:123456789012:abc123/api';
const authorize = (token: string) => lambdaHandler(app, 'demo_auth')({ ...recordedEvent('authorizer-token'), authorizationToken: token }, lambdaContext());

test('the built-in authorizer allows "/" and GET /users/* for the token "allow"', async () => {
  const result = (await authorize('allow')) as any;
  assert.is(result.principalId, 'user');
  assert.equal(result.policyDocument.Statement[0], {
    Action: 'execute-api:Invoke',
    Effect: 'Allow',
    Resource: [`${ARN}/*/`, `${ARN}/GET/users/*`],
  });
  assert.equal(result.context, { plan: 'gold', seats: '3' }, 'context values become strings');
});

test('any other token gets no resources', async () => {
  const result = (await authorize('deny')) as any;
  assert.equal(result.policyDocument.Statement[0].Resource, []);
});

test('the view sees what the authorizer put in the request context', async () => {
  const event = restEvent({ resource: '/' });
  event.requestContext.authorizer = { principalId: 'user', plan: 'gold' };
  const body = JSON.parse((await app.handler(event, lambdaContext())).body);
  assert.equal(body.context.authorizer, { principalId: 'user', plan: 'gold' });
});

test('every authorizer kind and the API key flag are in the app model', () => {
  const routes = Object.fromEntries(describeApp(app).routes.map((r) => [r.path, r]));
  assert.equal(routes['/']!.authorizer, { kind: 'builtin', name: 'demo_auth', header: 'Authorization', ttlSeconds: 30, executionRole: null });
  assert.is(routes['/authenticated']!.apiKeyRequired, true);
  assert.is(routes['/iam-role']!.authorizer?.kind, 'iam');
  assert.is(routes['/user-pools']!.authorizer?.kind, 'cognito');
  assert.is(routes['/custom-auth']!.authorizer?.name, 'MyCustomAuth');
});

test.run();
