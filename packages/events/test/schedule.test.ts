import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Cron, Rate, scheduleExpressionString } from '../src/index.ts';

test('Rate gives AWS rate expressions, singular for 1', () => {
  assert.is(String(new Rate(1, Rate.HOURS)), 'rate(1 hour)');
  assert.is(String(new Rate(5, Rate.MINUTES)), 'rate(5 minutes)');
  assert.is(String(new Rate(2, Rate.DAYS)), 'rate(2 days)');
  assert.is(String(new Rate(1, Rate.MINUTES)), 'rate(1 minute)');
});

test('Rate rejects a value that is not a positive integer, or an unknown unit', () => {
  assert.throws(() => new Rate(0, Rate.HOURS), /positive integer, got 0/);
  assert.throws(() => new Rate(1.5, Rate.HOURS), /positive integer, got 1.5/);
  assert.throws(() => new Rate(1, 'WEEKS' as never), /Rate.MINUTES, Rate.HOURS or Rate.DAYS, got WEEKS/);
});

test('Cron gives the six-field expression', () => {
  assert.is(String(new Cron(15, 10, '?', '*', '6L', '2002-2005')), 'cron(15 10 ? * 6L 2002-2005)');
  assert.is(String(new Cron('0/5', '8-17', '?', '*', 'MON-FRI', '*')), 'cron(0/5 8-17 ? * MON-FRI *)');
  assert.is(String(new Cron(0, 8, 1, '*', '?', '*')), 'cron(0 8 1 * ? *)');
});

test('Cron cannot set both day-of-month and day-of-week', () => {
  assert.throws(() => new Cron(0, 10, '*', '*', 'MON', '*'), /dayOfMonth \(\*\) and dayOfWeek \(MON\) cannot both be set; use '\?' in one of them/);
});

test('schedule strings must be rate(...) or cron(...)', () => {
  assert.is(scheduleExpressionString('rate(1 hour)'), 'rate(1 hour)');
  assert.is(scheduleExpressionString(new Rate(3, Rate.DAYS)), 'rate(3 days)');
  assert.is(scheduleExpressionString(new Cron(0, 10, '*', '*', '?', '*')), 'cron(0 10 * * ? *)');
  assert.throws(() => scheduleExpressionString('every hour'), /Invalid schedule expression "every hour"/);
  assert.throws(() => scheduleExpressionString('rate()'), /Invalid schedule expression/);
});

test.run();
