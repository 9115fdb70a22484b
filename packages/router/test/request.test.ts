import { lambdaContext, recordedEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Chalice, type Request } from '../src/index.ts';
import { invoke, json } from './helpers.ts';

function capture(): { app: Chalice; seen: () => Request } {
  const app = new Chalice({ appName: 'req' });
  let last: Request | undefined;
  const view = (_: unknown, request: Request) => {
    last = request;
    return request.toDict();
  };
  app.route('/users/{name}', view);
  app.route('/objects/{key}', { methods: ['PUT', 'POST'] }, view);
  app.route('/bin-echo', { methods: ['POST'], contentTypes: ['application/octet-stream'] }, (_, r) => {
    last = r;
    return null;
  });
  app.route('/form', { methods: ['POST'], contentTypes: ['application/x-www-form-urlencoded'] }, view);
  return { app, seen: () => last as Request };
}

test('request fields come from the recorded GET event', async () => {
  const { app, seen } = capture();
  const result = await app.handler(recordedEvent('rest-get'), lambdaContext());
  const r = seen();
  assert.is(r.method, 'GET');
  assert.equal(r.uriParams, { name: 'bob' });
  assert.is(r.path, '/users/{name}');
  assert.is(r.context.requestId, '7d3f1c2a-5b6e-4f70-8a91-b2c3d4e5f607');
  assert.is(r.stageVars, null);
  assert.is(r.jsonBody, null, 'no JSON body on a GET without content type');
  assert.is(r.rawBody.length, 0);
  assert.is(json(result).headers['x-testheader'], 'Foo');
});

test('headers have lower-case keys and case-insensitive look-up', async () => {
  const { app, seen } = capture();
  await app.handler(recordedEvent('rest-get'), lambdaContext());
  const headers = seen().headers;
  assert.is(headers['x-testheader'], 'Foo');
  assert.is(headers['X-TestHeader'], 'Foo');
  assert.is(headers['X-TESTHEADER'], 'Foo');
  assert.ok('USER-AGENT' in headers);
  assert.ok(Object.keys(headers).every((k) => k === k.toLowerCase()));
});

test('query params keep the last value per key; every value is reachable', async () => {
  const { app, seen } = capture();
  await app.handler(recordedEvent('rest-get'), lambdaContext());
  assert.equal({ ...seen().queryParams }, { 'include-greeting': 'true', tag: 'b' });
  assert.equal({ ...seen().multiValueQueryParams }, { 'include-greeting': ['true'], tag: ['a', 'b'] });
});

test('query keys and header names named like Object.prototype members are ordinary keys', async () => {
  const { app, seen } = capture();
  // As Lambda hands it over: JSON.parse makes `__proto__` an own key.
  const event = JSON.parse(JSON.stringify(recordedEvent('rest-get')).replace('"headers":{', '"headers":{"__proto__":"p","Constructor":"c",'));
  event.multiValueQueryStringParameters = JSON.parse('{"constructor":["1"],"__proto__":["x"],"toString":["2"]}');
  event.queryStringParameters = JSON.parse('{"constructor":"1","__proto__":"x","toString":"2"}');
  await app.handler(event, lambdaContext());
  const { queryParams, multiValueQueryParams, headers } = seen();
  assert.is(queryParams?.constructor, '1');
  assert.is(queryParams?.['__proto__'], 'x');
  assert.is(queryParams?.toString, '2');
  assert.ok(!('hasOwnProperty' in queryParams!), 'an inherited name is not a key');
  assert.equal(multiValueQueryParams?.['__proto__'], ['x']);
  assert.is(headers['__proto__'], 'p');
  assert.is(headers.constructor, 'c');
  assert.is(headers.hasOwnProperty, undefined);
  await app.handler({ ...event, multiValueQueryStringParameters: null }, lambdaContext());
  assert.is(seen().queryParams?.['__proto__'], 'x', 'from queryStringParameters alone');
  assert.ok(!('valueOf' in seen().queryParams!));
});

test('queryParams is null without a query string', async () => {
  const { app, seen } = capture();
  await invoke(app, { resource: '/users/{name}', pathParameters: { name: 'x' } });
  assert.is(seen().queryParams, null);
  assert.is(seen().multiValueQueryParams, null);
});

test('jsonBody parses a JSON body and stageVars come through', async () => {
  const { app, seen } = capture();
  await app.handler(recordedEvent('rest-post-json'), lambdaContext());
  assert.equal(seen().jsonBody, { foo: 'bar' });
  assert.equal(seen().stageVars, { table: 'objects-dev' });
  assert.is(new TextDecoder().decode(seen().rawBody), '{"foo": "bar"}');
});

test('invalid JSON sent as JSON is a 400 BadRequestError, not a 500', async () => {
  const app = new Chalice({ appName: 'badjson' });
  app.route('/echo', { methods: ['POST'] }, (_, r) => r.jsonBody as object);
  const result = await invoke(app, {
    resource: '/echo',
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: '{"oops"',
  });
  assert.is(result.statusCode, 400);
  assert.equal(json(result), { Code: 'BadRequestError', Message: 'Error Parsing JSON' });
});

test('a base64 body arrives as bytes', async () => {
  const { app, seen } = capture();
  await app.handler(recordedEvent('rest-post-binary'), lambdaContext());
  assert.equal([...seen().rawBody], [0xfe, 0xed]);
  assert.is(seen().jsonBody, null);
});

test('a form body is read from rawBody', async () => {
  const { app, seen } = capture();
  await invoke(app, {
    resource: '/form',
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'states=WA&states=CA',
  });
  const parsed = new URLSearchParams(new TextDecoder().decode(seen().rawBody));
  assert.equal(parsed.getAll('states'), ['WA', 'CA']);
});

test("toDict has the seed's snake_case keys and survives JSON", async () => {
  const { app } = capture();
  const result = await app.handler(recordedEvent('rest-get'), lambdaContext());
  const dict = json(result);
  assert.equal(Object.keys(dict).sort(), ['context', 'headers', 'method', 'path', 'query_params', 'stage_vars', 'uri_params']);
  assert.is(dict.method, 'GET');
  assert.equal(dict.uri_params, { name: 'bob' });
  assert.is(dict.context.resourcePath, '/users/{name}');
});

test.run();
