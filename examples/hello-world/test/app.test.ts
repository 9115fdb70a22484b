import { lambdaContext, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

const get = async (resource: string, pathParameters: Record<string, string> | null = null) => await app.handler(restEvent({ resource, pathParameters }), lambdaContext());

test('GET / says hello', async () => {
  const result = await get('/');
  assert.is(result.statusCode, 200);
  assert.equal(JSON.parse(result.body), { hello: 'world' });
});

test('GET /cities/{city} captures the city', async () => {
  assert.equal(JSON.parse((await get('/cities/{city}', { city: 'seattle' })).body), { state: 'WA' });
  assert.equal(JSON.parse((await get('/cities/{city}', { city: 'portland' })).body), { state: 'OR' });
});

test('an unknown city is a 404 naming the valid choices', async () => {
  const result = await get('/cities/{city}', { city: 'vancouver' });
  assert.is(result.statusCode, 404);
  assert.equal(JSON.parse(result.body), {
    Code: 'NotFoundError',
    Message: "Unknown city 'vancouver', valid choices are: seattle, portland",
  });
});

test.run();
