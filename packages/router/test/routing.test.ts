import { lambdaContext, recordedEvent, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Chalice, checkRoutes, CORSConfig, DefinitionError, describeApp, matchRoute, proxyHandler } from '../src/index.ts';
import { captureConsole, invoke, json } from './helpers.ts';

function demoApp() {
  const app = new Chalice({ appName: 'demo' });
  app.route('/', () => ({ view: 'index' }));
  app.route('/users/{name}', ({ name }) => ({ name }));
  app.route('/users/me', () => ({ me: true }));
  app.route('/a/{first}/b/{second}', { methods: ['GET', 'POST'] }, (params) => params);
  app.route('/files/{path+}', ({ path }) => ({ path }));
  app.route('/cors', { methods: ['PUT', 'GET'], cors: true }, () => ({}));
  return app;
}

test('dispatches on the resource API Gateway matched, passing path parameters', async () => {
  const app = demoApp();
  const result = await app.handler(recordedEvent('rest-get'), lambdaContext());
  assert.is(result.statusCode, 200);
  assert.equal(JSON.parse(result.body), { name: 'bob' });
  assert.is(result.headers['Content-Type'], 'application/json');
});

test('params of several captures reach the view as one object', async () => {
  const result = await invoke(demoApp(), { resource: '/a/{first}/b/{second}', method: 'POST', pathParameters: { first: '1', second: 'x' } });
  assert.equal(json(result), { first: '1', second: 'x' });
});

const viaProxy = async (app: Chalice, path: string, method = 'GET') =>
  await proxyHandler(app)(restEvent({ resource: '/{proxy+}', path, method, pathParameters: { proxy: path.slice(1) } }), lambdaContext());

test('proxyHandler routes by path behind a greedy resource: literals win over captures', async () => {
  const app = demoApp();
  assert.equal(json(await viaProxy(app, '/users/me')), { me: true });
  assert.equal(json(await viaProxy(app, '/users/al%20ice')), { name: 'al ice' });
  assert.equal(json(await viaProxy(app, '/users/bob/')), { name: 'bob' }, 'trailing slash ignored');
  assert.equal(json(await viaProxy(app, '/files/a/b/c.txt')), { path: 'a/b/c.txt' });
  assert.equal(json(await viaProxy(app, '/')), { view: 'index' });
  assert.is((await viaProxy(app, '/users/bob', 'PATCH')).statusCode, 405);
});

test("an unknown resource or path gets API Gateway's 403 Missing Authentication Token", async () => {
  for (const result of [await invoke(demoApp(), { resource: '/{proxy+}', path: '/users/bob' }), await viaProxy(demoApp(), '/nope/here')]) {
    assert.is(result.statusCode, 403);
    assert.equal(json(result), { message: 'Missing Authentication Token' });
    assert.is(result.headers['x-amzn-ErrorType'], 'MissingAuthenticationTokenException');
  }
});

test('matchRoute gives the route path and decoded parameters', () => {
  const app = demoApp();
  const match = matchRoute(app.routes, '/a/x%2Fy/b/2');
  assert.is(match?.routes.path, '/a/{first}/b/{second}');
  assert.equal(match?.params, { first: 'x/y', second: '2' });
  assert.is(matchRoute(app.routes, '/a/x/b'), null);
  assert.is(matchRoute(app.routes, '/files'), null, 'a greedy parameter needs at least one segment');
});

test('a method the path lacks is a 405 naming it, with an Allow header', async () => {
  const result = await invoke(demoApp(), { resource: '/users/{name}', method: 'PATCH', pathParameters: { name: 'x' } });
  assert.is(result.statusCode, 405);
  assert.equal(json(result), { Code: 'MethodNotAllowedError', Message: 'Unsupported method: PATCH' });
  assert.is(result.headers.Allow, 'GET');
});

test('405 on a CORS path lists OPTIONS and carries the CORS headers', async () => {
  const result = await invoke(demoApp(), { resource: '/cors', method: 'DELETE' });
  assert.is(result.statusCode, 405);
  assert.is(result.headers.Allow, 'PUT, GET, OPTIONS');
  assert.is(result.headers['Access-Control-Allow-Origin'], '*');
});

test('OPTIONS on a CORS path is answered with the preflight headers', async () => {
  const result = await invoke(demoApp(), { resource: '/cors', method: 'OPTIONS' });
  assert.is(result.statusCode, 200);
  assert.is(result.headers['Access-Control-Allow-Methods'], 'PUT,GET,OPTIONS');
  assert.is(result.headers['Access-Control-Allow-Origin'], '*');
  assert.is(result.headers['Access-Control-Allow-Headers'], 'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key');
});

test('an event that is not a REST proxy event gets a clear 500, not a crash', async () => {
  const app = demoApp();
  for (const event of [recordedEvent('sqs'), {}, null, recordedEvent('eventbridge-scheduled')]) {
    const { lines, value: result } = await captureConsole(() => app.handler(event as never, lambdaContext()));
    assert.is(result.statusCode, 500);
    assert.match(json(result).Message, /not an API Gateway REST \(v1 proxy\) event/);
    assert.equal(lines, ['demo - ERROR - api_handler received an event that is not an API Gateway REST (v1 proxy) event']);
  }
});

test('app.handler always returns a promise (Lambda ignores plain return values), sync view or async', async () => {
  const app = new Chalice({ appName: 'sync' });
  app.route('/s', () => ({ a: 1 }));
  app.route('/a', async () => ({ a: 1 }));
  const sync = app.handler(restEvent({ resource: '/s' }), lambdaContext());
  const later = app.handler(restEvent({ resource: '/a' }), lambdaContext());
  assert.instance(sync, Promise);
  assert.instance(later, Promise);
  assert.equal(await sync, await later);
});

test('sibling path parameters with different names are refused, naming both routes', () => {
  const app = new Chalice({ appName: 'siblings' });
  app.route('/a/{x}', () => 1);
  app.route('/a/{x}/c', () => 2);
  app.route('/files/{path+}', () => 3);
  checkRoutes(app.routes);
  app.route('/a/{y}/b', () => 4);
  for (const check of [() => checkRoutes(app.routes), () => describeApp(app), () => matchRoute(app.routes, '/a/1')]) {
    assert.throws(check, (error: Error) => error instanceof DefinitionError && /"\/a\/\{y\}\/b".*\{y\}.*\{x\}.*"\/a\/\{x\}"/.test(error.message));
  }
  const greedy = new Chalice({ appName: 'greedy' });
  greedy.route('/files/{path+}', () => 1);
  greedy.route('/files/{rest+}', { methods: ['POST'] }, () => 2);
  assert.throws(() => checkRoutes(greedy.routes), /\{rest\+\} is a sibling of \{path\+\}/);
});

test('routes added later are found by path matching too', async () => {
  const app = demoApp();
  await viaProxy(app, '/users/x');
  app.route('/late/{id}', ({ id }) => ({ id }));
  assert.equal(json(await viaProxy(app, '/late/7')), { id: '7' });
});

test('routes with a shared CORSConfig instance on several methods are accepted', () => {
  const app = new Chalice({ appName: 'cors' });
  const cors = new CORSConfig({ allowOrigin: 'https://a.example' });
  app.route('/x', { methods: ['GET'], cors }, function get_x() {});
  app.route('/x', { methods: ['PUT'], cors: new CORSConfig({ allowOrigin: 'https://a.example' }) }, function put_x() {});
  assert.is(app.routes.get('/x')?.cors?.allowOrigin, 'https://a.example');
});

test.run();
