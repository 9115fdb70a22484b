import { recordedEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AuthRequest, AuthResponse, AuthRoute } from '../src/index.ts';

// The recorded event's methodArn: arn:aws:execute-api:us-west-2:123456789012:abc123/api/GET/users/bob
const request = AuthRequest.fromEvent(recordedEvent('authorizer-token'));
const BASE = 'arn:aws:execute-api:us-west-2:123456789012:abc123/api';

const resources = (routes: Array<string | AuthRoute>, req = request) => new AuthResponse({ routes, principalId: 'user' }).toDict(req).policyDocument.Statement[0]!.Resource;

test('the full result: principal, one Allow statement, context', () => {
  const result = new AuthResponse({ routes: ['/users/bob'], principalId: 'bob' }).toDict(request);
  assert.equal(result, {
    principalId: 'bob',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: [`${BASE}/*/users/bob`] }],
    },
    context: {},
  });
});

test('a string route allows every method on that path', () => {
  assert.equal(resources(['/users']), [`${BASE}/*/users`]);
  assert.equal(resources(['/users/{name}/orders']), [`${BASE}/*/users/{name}/orders`]);
});

test("the root route '/' is `{method}/`, as API Gateway writes it today (Chalice >= 1.21.2)", () => {
  assert.equal(resources(['/']), [`${BASE}/*/`]);
  assert.equal(resources([new AuthRoute('/', ['GET'])]), [`${BASE}/GET/`]);
});

test("'*' allows every path and method", () => {
  assert.equal(resources(['*']), [`${BASE}/*/*`]);
  assert.equal(resources([new AuthRoute('*', ['*'])]), [`${BASE}/*/*`]);
});

test('an AuthRoute gives one ARN per method, in order', () => {
  assert.equal(resources([new AuthRoute('/a', ['GET']), new AuthRoute('/a/b', ['GET', 'POST'])]), [`${BASE}/GET/a`, `${BASE}/GET/a/b`, `${BASE}/POST/a/b`]);
});

test('strings and AuthRoutes mix', () => {
  assert.equal(resources(['/a', new AuthRoute('/a/b', ['PUT', 'DELETE'])]), [`${BASE}/*/a`, `${BASE}/PUT/a/b`, `${BASE}/DELETE/a/b`]);
});

test('no routes: an empty resource list (API Gateway answers 403)', () => {
  assert.equal(resources([]), []);
});

test('only the API id and stage of the incoming ARN are kept', () => {
  const root = new AuthRequest('TOKEN', 't', 'arn:aws:execute-api:eu-west-1:111122223333:xyz/prod/GET/');
  assert.equal(resources(['/x/y', '/', new AuthRoute('/x/*', ['PATCH'])], root), [
    'arn:aws:execute-api:eu-west-1:111122223333:xyz/prod/*/x/y',
    'arn:aws:execute-api:eu-west-1:111122223333:xyz/prod/*/',
    'arn:aws:execute-api:eu-west-1:111122223333:xyz/prod/PATCH/x/*',
  ]);
});

test("a ':' in the requested path does not confuse the ARN parsing (Chalice >= 1.24.2)", () => {
  const colon = new AuthRequest('TOKEN', 't', 'arn:aws:execute-api:us-west-2:123:abc/dev/GET/items/a:b');
  assert.equal(resources(['/items/*', '*'], colon), ['arn:aws:execute-api:us-west-2:123:abc/dev/*/items/*', 'arn:aws:execute-api:us-west-2:123:abc/dev/*/*']);
});

test('context values become strings', () => {
  const result = new AuthResponse({
    routes: ['*'],
    principalId: 'user',
    context: { name: 'bob', age: 42, admin: false, roles: ['a', 'b'], extra: { x: 1 }, none: null, skipped: undefined },
  }).toDict(request);
  assert.equal(result.context, { name: 'bob', age: '42', admin: 'false', roles: '["a","b"]', extra: '{"x":1}', none: 'null' });
});

test('the response keeps what it was given', () => {
  const routes = ['/', new AuthRoute('/a', ['GET'])];
  const response = new AuthResponse({ routes, principalId: 'p', context: { k: 1 } });
  assert.is(response.routes, routes);
  assert.is(response.principalId, 'p');
  assert.equal(response.context, { k: 1 });
  assert.equal(new AuthResponse({ routes: [], principalId: 'p' }).context, {});
  const route = new AuthRoute('/a', ['GET', 'POST']);
  assert.is(route.path, '/a');
  assert.equal(route.methods, ['GET', 'POST']);
});

test('routes must be an array', () => {
  assert.throws(
    () => new AuthResponse({ routes: '/' as never, principalId: 'p' }),
    (e: Error) => e instanceof TypeError && /routes must be an array/.test(e.message),
  );
});

test.run();
