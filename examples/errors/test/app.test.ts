import { lambdaContext, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

const call = async (resource: string, pathParameters: Record<string, string> | null = null, method = 'GET') => {
  const saved = console.error;
  console.error = () => {};
  try {
    return await app.handler(restEvent({ resource, pathParameters, method }), lambdaContext());
  } finally {
    console.error = saved;
  }
};

test('an uncaught error is a 500 InternalServerError', async () => {
  app.debug = false;
  const result = await call('/unchecked/{city}', { city: 'vancouver' });
  assert.is(result.statusCode, 500);
  assert.equal(JSON.parse(result.body), { Code: 'InternalServerError', Message: 'An internal server error occurred.' });
});

test('with app.debug the 500 carries the stack trace', async () => {
  app.debug = true;
  const result = await call('/unchecked/{city}', { city: 'vancouver' });
  app.debug = false;
  assert.is(result.headers['Content-Type'], 'text/plain');
  assert.match(result.body, /TypeError: .*toUpperCase/);
  assert.match(result.body, /unchecked_state/);
});

test('BadRequestError names the valid choices', async () => {
  const result = await call('/cities/{city}', { city: 'vancouver' });
  assert.is(result.statusCode, 400);
  assert.equal(JSON.parse(result.body), {
    Code: 'BadRequestError',
    Message: "Unknown city 'vancouver', valid choices are: seattle, portland",
  });
  assert.equal(JSON.parse((await call('/cities/{city}', { city: 'seattle' })).body), { state: 'WA' });
});

test("the seed's /badrequest view", async () => {
  const result = await call('/badrequest');
  assert.is(result.statusCode, 400);
  assert.equal(JSON.parse(result.body), { Code: 'BadRequestError', Message: 'This is a bad request' });
});

test('other error classes give their own status', async () => {
  assert.is((await call('/items/{id}', { id: '1' })).statusCode, 404);
  const conflict = await call('/items/{id}', { id: '1' }, 'PUT');
  assert.is(conflict.statusCode, 409);
  assert.equal(JSON.parse(conflict.body), { Code: 'ConflictError', Message: 'Item 1 already exists' });
});

test.run();
