import { lambdaContext, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

const call = async (resource: string, method = 'GET', pathParameters: Record<string, string> | null = null, query?: Record<string, string>) =>
  await app.handler(restEvent({ resource, method, pathParameters, ...(query ? { query } : {}) }), lambdaContext());
const body = async (...args: Parameters<typeof call>) => JSON.parse((await call(...args)).body);

test('PUT /resource/{value}', async () => {
  assert.equal(await body('/resource/{value}', 'PUT', { value: 'foo' }), { value: 'foo' });
  assert.is((await call('/resource/{value}', 'GET', { value: 'foo' })).statusCode, 405);
});

test('one view for POST and PUT sees the method', async () => {
  assert.equal(await body('/myview', 'POST'), { method: 'POST' });
  assert.equal(await body('/myview', 'PUT'), { method: 'PUT' });
});

test('separate views per method on one path', async () => {
  assert.equal(await body('/split', 'POST'), { view: 'split_post' });
  assert.equal(await body('/split', 'PUT'), { view: 'split_put' });
  const other = await call('/split', 'DELETE');
  assert.is(other.statusCode, 405);
  assert.is(other.headers.Allow, 'POST, PUT');
});

test('several captures, and the query string', async () => {
  assert.equal(await body('/a/{first}/b/{second}', 'GET', { first: '1', second: '2' }), { first: '1', second: '2' });
  assert.equal(await body('/users/{name}', 'GET', { name: 'bob' }), { name: 'bob' });
  assert.equal(await body('/users/{name}', 'GET', { name: 'bob' }, { 'include-greeting': 'true' }), { name: 'bob', greeting: 'Hello, bob' });
});

test.run();
