import { lambdaContext, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { describeMismatches, findMismatches, summarize } from '../src/equivalence.ts';
import { benchmarkEvents } from '../src/events.ts';
import { IMPLEMENTATIONS } from '../src/implementations.ts';
import { ROUTES } from '../src/routes.ts';

test('the event corpus covers every route, raised 404s, 405s and unknown paths', () => {
  const events = benchmarkEvents();
  assert.ok(events.length >= 200 && events.length <= 300, `${events.length} events`);
  for (const route of ROUTES) {
    assert.ok(
      events.some((e) => e.resource === route.path && e.httpMethod === route.method),
      `${route.method} ${route.path}`,
    );
  }
  assert.ok(events.some((e) => e.httpMethod === 'PATCH'));
  assert.ok(events.some((e) => e.resource === '/{proxy+}'));
  const userIds = new Set(events.filter((e) => e.resource === '/users/{id}' && e.httpMethod === 'GET').map((e) => e.pathParameters.id));
  assert.equal([...userIds].sort(), ['1', '42', 'ann', 'missing', 'x-9']);
});

test('all four implementations answer every event with the same status, body and route headers', async () => {
  const { events, mismatches } = await findMismatches();
  assert.ok(events > 0);
  assert.is(mismatches.length, 0, describeMismatches(mismatches));
});

test('the answers compared are the ones API Gateway and Chalice give', async () => {
  const handler = IMPLEMENTATIONS.chalice!();
  const ask = async (input: Parameters<typeof restEvent>[0]) => summarize(await handler(restEvent(input), lambdaContext()));
  assert.equal(await ask({ resource: '/users/{id}', pathParameters: { id: 'missing' } }), {
    statusCode: 404,
    body: { Code: 'NotFoundError', Message: 'user missing' },
    headers: { 'content-type': 'application/json' },
  });
  assert.equal((await ask({ resource: '/items', method: 'DELETE' })).body, { Code: 'MethodNotAllowedError', Message: 'Unsupported method: DELETE' });
  assert.equal((await ask({ resource: '/{proxy+}', path: '/nowhere' })).statusCode, 403);
  assert.equal((await ask({ resource: '/cors/data' })).headers['access-control-allow-origin'], '*');
});

test('a differing answer is reported', () => {
  const base = { statusCode: 200, body: { a: 1 }, headers: {} };
  const text = describeMismatches([{ implementation: 'x', event: 'GET /', expected: base, actual: { ...base, statusCode: 500 } }]);
  assert.match(text, 'x on GET /');
  assert.match(text, '"statusCode":500');
});

test.run();
