import { lambdaContext, recordedEvent, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

test('GET before PUT is a 404 naming the key; PUT stores the JSON body; GET returns it', async () => {
  const get = () => app.handler(restEvent({ resource: '/objects/{key}', pathParameters: { key: 'mykey' } }), lambdaContext());
  const missing = await get();
  assert.is(missing.statusCode, 404);
  assert.equal(JSON.parse(missing.body), { Code: 'NotFoundError', Message: 'mykey' });
  const put = await app.handler(recordedEvent('rest-post-json'), lambdaContext());
  assert.is(put.statusCode, 200);
  assert.is(put.body, 'null');
  assert.equal(JSON.parse((await get()).body), { mykey: { foo: 'bar' } });
});

test('introspect returns the request as data', async () => {
  const event = restEvent({ resource: '/introspect', headers: { 'X-TestHeader': 'Foo' }, query: { query1: 'value1', query2: 'value2' } });
  const dict = JSON.parse((await app.handler(event, lambdaContext())).body);
  assert.is(dict.method, 'GET');
  assert.equal(dict.query_params, { query1: 'value1', query2: 'value2' });
  assert.is(dict.headers['x-testheader'], 'Foo');
  assert.is(dict.uri_params, null);
  assert.is(dict.stage_vars, null);
  assert.is(dict.context.resourcePath, '/introspect');
  assert.is(dict.context.identity.sourceIp, '203.0.113.7');
});

test.run();
