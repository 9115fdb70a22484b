import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { authorizerModel, BuiltinAuthorizer, CognitoUserPoolAuthorizer, CustomAuthorizer, IAMAuthorizer, type Authorizer } from '../src/index.ts';

const POOL = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc';
const URI = 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:Auth/invocations';

function throwsType(fn: () => unknown, message: RegExp) {
  assert.throws(fn, (e: Error) => e instanceof TypeError && message.test(e.message));
}

test('IAMAuthorizer', () => {
  const a = new IAMAuthorizer();
  assert.is(a.kind, 'iam');
  assert.is(a.name, 'sigv4');
  assert.equal(authorizerModel(a), { kind: 'iam', name: 'sigv4', header: 'Authorization' });
});

test('CognitoUserPoolAuthorizer: defaults and options', () => {
  const a = new CognitoUserPoolAuthorizer('MyPool', { providerArns: [POOL] });
  assert.is(a.kind, 'cognito');
  assert.is(a.name, 'MyPool');
  assert.equal(a.providerArns, [POOL]);
  assert.is(a.header, 'Authorization');
  assert.equal(a.scopes, []);
  const b = new CognitoUserPoolAuthorizer('Other', { providerArns: [POOL, POOL + '2'], header: 'X-Token', scopes: ['read'] });
  assert.equal(authorizerModel(b), { kind: 'cognito', name: 'Other', header: 'X-Token', providerArns: [POOL, POOL + '2'], scopes: ['read'] });
});

test('CognitoUserPoolAuthorizer: validation', () => {
  throwsType(() => new CognitoUserPoolAuthorizer('', { providerArns: [POOL] }), /name must be a non-empty string/);
  throwsType(() => new CognitoUserPoolAuthorizer('P', { providerArns: [] }), /providerArns must be a non-empty list.*received: \[\]/);
  throwsType(() => new CognitoUserPoolAuthorizer('P', { providerArns: POOL as never }), /providerArns must be a non-empty list/);
  throwsType(() => new CognitoUserPoolAuthorizer('P', { providerArns: [''] }), /providerArns/);
  throwsType(() => new CognitoUserPoolAuthorizer('P', {} as never), /providerArns/);
});

test('CustomAuthorizer: defaults and options', () => {
  const a = new CustomAuthorizer('MyCustomAuth', { authorizerUri: URI });
  assert.is(a.kind, 'custom');
  assert.is(a.name, 'MyCustomAuth');
  assert.is(a.authorizerUri, URI);
  assert.is(a.header, 'Authorization');
  assert.is(a.ttlSeconds, 300);
  assert.is(a.invokeRoleArn, null);
  const b = new CustomAuthorizer('C', { authorizerUri: URI, header: 'X-Auth', ttlSeconds: 0, invokeRoleArn: 'arn:aws:iam::1:role/r' });
  assert.equal(authorizerModel(b), {
    kind: 'custom',
    name: 'C',
    header: 'X-Auth',
    authorizerUri: URI,
    ttlSeconds: 0,
    invokeRoleArn: 'arn:aws:iam::1:role/r',
  });
});

test('CustomAuthorizer: validation', () => {
  throwsType(() => new CustomAuthorizer('', { authorizerUri: URI }), /CustomAuthorizer: the name must be a non-empty string/);
  throwsType(() => new CustomAuthorizer('C', { authorizerUri: '' }), /authorizerUri/);
  throwsType(() => new CustomAuthorizer('C', { authorizerUri: URI, ttlSeconds: 3601 }), /ttlSeconds must be an integer from 0 to 3600, received: 3601/);
  throwsType(() => new CustomAuthorizer('C', { authorizerUri: URI, ttlSeconds: -1 }), /ttlSeconds/);
});

test('BuiltinAuthorizer: defaults, options and model', () => {
  const fn = () => null;
  const a = new BuiltinAuthorizer({ name: 'my_auth' }, fn);
  assert.is(a.kind, 'builtin');
  assert.is(a.name, 'my_auth');
  assert.is(a.ttlSeconds, 300);
  assert.is(a.executionRole, null);
  assert.is(a.header, 'Authorization');
  assert.is(a.fn, fn);
  const b = new BuiltinAuthorizer({ name: 'b', ttlSeconds: 30, executionRole: 'arn:aws:iam::1:role/auth', header: 'X-Token' }, fn);
  assert.equal(authorizerModel(b), { kind: 'builtin', name: 'b', header: 'X-Token', ttlSeconds: 30, executionRole: 'arn:aws:iam::1:role/auth' });
});

test('BuiltinAuthorizer: validation', () => {
  const fn = () => null;
  throwsType(() => new BuiltinAuthorizer({ name: '' }, fn), /BuiltinAuthorizer: the name must be a non-empty string/);
  throwsType(() => new BuiltinAuthorizer({ name: 'a' }, 'nope' as never), /must be a function/);
  for (const ttl of [-1, 3601, 1.5, Number.NaN, '30']) {
    throwsType(() => new BuiltinAuthorizer({ name: 'a', ttlSeconds: ttl as number }, fn), /ttlSeconds must be an integer from 0 to 3600/);
  }
  assert.is(new BuiltinAuthorizer({ name: 'a', ttlSeconds: 0 }, fn).ttlSeconds, 0);
  assert.is(new BuiltinAuthorizer({ name: 'a', ttlSeconds: 3600 }, fn).ttlSeconds, 3600);
});

test('authorizerModel is plain JSON data, detached from the authorizer', () => {
  const all: Authorizer[] = [
    new IAMAuthorizer(),
    new CognitoUserPoolAuthorizer('P', { providerArns: [POOL] }),
    new CustomAuthorizer('C', { authorizerUri: URI }),
    new BuiltinAuthorizer({ name: 'b' }, () => null),
  ];
  for (const a of all) {
    const model = authorizerModel(a);
    assert.equal(JSON.parse(JSON.stringify(model)), model);
    assert.is(Object.getPrototypeOf(model), Object.prototype);
  }
  const pool = all[1] as CognitoUserPoolAuthorizer;
  const model = authorizerModel(pool) as { providerArns: string[] };
  model.providerArns.push('x');
  assert.equal(pool.providerArns, [POOL]);
});

test('authorizerModel rejects what is not an authorizer', () => {
  throwsType(() => authorizerModel({ kind: 'nope', name: 'x' } as never), /Not an authorizer: nope/);
});

test.run();
