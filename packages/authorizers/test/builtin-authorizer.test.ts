import { lambdaContext, recordedEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UnexpectedEventError } from '@chalice/events';
import { AuthRequest, AuthResponse, AuthRoute, builtinAuthorizerHandler } from '../src/index.ts';

const ARN = 'arn:aws:execute-api:us-west-2:123456789012:abc123/api';
const event = () => recordedEvent('authorizer-token');
const demo = (req: AuthRequest) => new AuthResponse({ routes: req.token === 'allow' ? ['/', new AuthRoute('/users/*', ['GET'])] : [], principalId: 'user' });

test('AuthRequest from the recorded TOKEN event', () => {
  const req = AuthRequest.fromEvent(event());
  assert.is(req.authType, 'TOKEN');
  assert.is(req.token, 'allow');
  assert.is(req.methodArn, `${ARN}/GET/users/bob`);
  const direct = new AuthRequest('TOKEN', 'tok', 'arn');
  assert.equal([direct.authType, direct.token, direct.methodArn], ['TOKEN', 'tok', 'arn']);
});

test('wrong-shaped events throw UnexpectedEventError', () => {
  const bad: unknown[] = [
    null,
    undefined,
    'TOKEN',
    {},
    { type: 'TOKEN', methodArn: 'arn' },
    { type: 'TOKEN', authorizationToken: 'allow' },
    { type: 'REQUEST', methodArn: 'arn', headers: { Authorization: 'allow' } },
    recordedEvent('rest-get'),
  ];
  for (const e of bad) {
    assert.throws(
      () => AuthRequest.fromEvent(e),
      (err: UnexpectedEventError) => err instanceof UnexpectedEventError && err.code === 'UNEXPECTED_EVENT' && /TOKEN authorizer/.test(err.expected),
    );
  }
});

test('the entry rejects a wrong-shaped event with UnexpectedEventError', async () => {
  try {
    await builtinAuthorizerHandler(() => null)({ hello: 'world' }, lambdaContext());
    assert.unreachable('accepted a wrong event');
  } catch (err) {
    assert.instance(err, UnexpectedEventError);
  }
});

test('a sync AuthResponse becomes the policy, always as a promise (Lambda ignores plain return values)', async () => {
  const handler = builtinAuthorizerHandler(demo);
  const pending = handler(event(), lambdaContext());
  assert.instance(pending, Promise);
  assert.equal(await pending, {
    principalId: 'user',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: [`${ARN}/*/`, `${ARN}/GET/users/*`] }],
    },
    context: {},
  });
});

test('a denied token gets an empty resource list', async () => {
  const e = event();
  e.authorizationToken = 'deny';
  const result = (await builtinAuthorizerHandler(demo)(e, lambdaContext())) as any;
  assert.equal(result.policyDocument.Statement[0].Resource, []);
});

test('an async AuthResponse becomes the policy, as a promise', async () => {
  const handler = builtinAuthorizerHandler(async (req) => new AuthResponse({ routes: ['*'], principalId: req.token, context: { n: 1 } }));
  const pending = handler(event(), lambdaContext());
  assert.instance(pending, Promise);
  const result = (await pending) as any;
  assert.is(result.principalId, 'allow');
  assert.equal(result.policyDocument.Statement[0].Resource, [`${ARN}/*/*`]);
  assert.equal(result.context, { n: '1' });
});

test('a plain object passes through unchanged, sync and async', async () => {
  const policy = { principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: [] }, context: { foo: 'bar' } };
  assert.is(await builtinAuthorizerHandler(() => policy)(event(), lambdaContext()), policy);
  assert.is(await builtinAuthorizerHandler(async () => policy)(event(), lambdaContext()), policy);
});

test('null and undefined pass through', async () => {
  assert.is(await builtinAuthorizerHandler(() => null)(event(), lambdaContext()), null);
  assert.is(await builtinAuthorizerHandler(() => undefined)(event(), lambdaContext()), undefined);
  assert.is(await builtinAuthorizerHandler(async () => null)(event(), lambdaContext()), null);
});

test('errors thrown by the function propagate', async () => {
  for (const fn of [
    () => {
      throw new Error('later');
    },
    async () => {
      throw new Error('later');
    },
  ]) {
    try {
      await builtinAuthorizerHandler(fn)(event(), lambdaContext());
      assert.unreachable('should have rejected');
    } catch (err) {
      assert.match((err as Error).message, 'later');
    }
  }
  try {
    await builtinAuthorizerHandler(async () => {
      throw new Error('later');
    })(event(), lambdaContext());
    assert.unreachable('should have rejected');
  } catch (err) {
    assert.match((err as Error).message, 'later');
  }
});

test('the function gets an AuthRequest built from the event', () => {
  const seen: AuthRequest[] = [];
  builtinAuthorizerHandler((req) => {
    seen.push(req);
    return null;
  })(event(), lambdaContext());
  assert.is(seen.length, 1);
  assert.instance(seen[0], AuthRequest);
  assert.is(seen[0]!.token, 'allow');
});

test.run();
