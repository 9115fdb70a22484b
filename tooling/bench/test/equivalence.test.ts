import { lambdaContext, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { IMPLEMENTATIONS } from '../src/apps.ts';
import { findMismatches } from '../src/equivalence.ts';
import { benchmarkEvents } from '../src/events.ts';

test('the event corpus covers routes, raised 404s, 405s and unknown paths', () => {
  const events = benchmarkEvents();
  assert.ok(events.length >= 200 && events.length <= 300, `${events.length} events`);
  assert.ok(events.some((e) => e.httpMethod === 'PATCH'));
  assert.ok(events.some((e) => e.resource === '/{proxy+}'));
  assert.ok(events.some((e) => e.pathParameters?.id === 'missing'));
});

test('all four implementations answer every event with the same status and body', async () => {
  const { events, mismatches } = await findMismatches();
  assert.ok(events > 0);
  assert.equal(mismatches, []);
});

test('the comparison would notice a difference', async () => {
  const handler = IMPLEMENTATIONS.chalice!();
  const answer = await handler(restEvent({ resource: '/users/{id}', pathParameters: { id: 'missing' } }), lambdaContext());
  assert.is(answer.statusCode, 404);
  assert.equal(JSON.parse(answer.body), { Code: 'NotFoundError', Message: 'user missing' });
});

test.run();
