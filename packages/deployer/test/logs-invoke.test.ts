import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { AwsFacade, LogEvent, LogQuery } from '../src/aws/facade.ts';
import { DeployError } from '../src/errors.ts';
import { invokeFunction } from '../src/invoke.ts';
import { formatLogEvent, parseSince, showLogs } from '../src/logs.ts';
import { emptyState, setRecorded, writeState } from '../src/state.ts';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:demo-dev';
const projectDir = mkdtempSync(join(tmpdir(), 'chalice-logs-'));
writeState(projectDir, 'dev', setRecorded(emptyState(), { name: 'api_handler', resource_type: 'lambda_function', lambda_arn: ARN }));

const event = (eventId: string, timestamp: number, message: string): LogEvent => ({ eventId, timestamp, message, logStreamName: '2026/12/01/[$LATEST]0123456789abcdef' });

/** Only the calls these commands make; anything else would throw. */
function fakeLogs(pages: Array<{ events: LogEvent[]; nextToken: string | null }>, queries: LogQuery[]): AwsFacade {
  return {
    async filterLogEvents(query: LogQuery) {
      queries.push({ ...query });
      return pages.shift() ?? { events: [], nextToken: null };
    },
  } as unknown as AwsFacade;
}

test('--since: durations back from now, or an ISO date; anything else is a clear error', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  assert.is(parseSince('30s', now), now - 30_000);
  assert.is(parseSince('10m', now), now - 600_000);
  assert.is(parseSince('2h', now), now - 7_200_000);
  assert.is(parseSince('1d', now), now - 86_400_000);
  assert.is(parseSince('2w', now), now - 2 * 604_800_000);
  assert.is(parseSince('2026-11-30T00:00:00Z', now), Date.parse('2026-11-30T00:00:00Z'));
  assert.throws(
    () => parseSince('yesterday', now),
    (e: Error) => e instanceof DeployError && e.code === 'INVALID_OPTION' && /--since must be a duration/.test(e.message),
  );
});

test('a bad --since is reported before anything else, even for a stage not deployed', async () => {
  await showLogs({ projectDir, stage: 'prod', since: 'soon', aws: fakeLogs([], []), onEvent: () => {} }).then(
    () => assert.unreachable('no error'),
    (error: DeployError) => assert.is(error.code, 'INVALID_OPTION'),
  );
});

test("log lines: time, the stream's short id, the trimmed message", () => {
  assert.is(formatLogEvent(event('1', Date.parse('2026-12-01T12:00:01.5Z'), 'hello\n')), '2026-12-01 12:00:01.500 012345 hello');
});

test("logs: every page of every event (no window, as 1.15.1), the function's log group, Lambda's own lines left out unless asked", async () => {
  const queries: LogQuery[] = [];
  const lines: string[] = [];
  const pages = () => [
    { events: [event('1', 1000, 'START RequestId: x Version: $LATEST'), event('2', 1001, 'demo - ERROR - boom')], nextToken: 'page2' },
    { events: [event('3', 1002, 'END RequestId: x'), event('4', 1003, 'REPORT RequestId: x Duration: 1 ms')], nextToken: null },
  ];
  const now = () => 601_000;
  await showLogs({ projectDir, aws: fakeLogs(pages(), queries), onEvent: (line) => lines.push(line), now });
  assert.equal(
    lines.map((l) => l.split(' ').slice(3).join(' ')),
    ['demo - ERROR - boom'],
  );
  assert.equal(queries, [
    { logGroupName: '/aws/lambda/demo-dev', startTime: undefined, nextToken: null },
    { logGroupName: '/aws/lambda/demo-dev', startTime: undefined, nextToken: 'page2' },
  ]);
  const all: string[] = [];
  await showLogs({ projectDir, aws: fakeLogs(pages(), []), includeLambdaMessages: true, onEvent: (line) => all.push(line), now });
  assert.is(all.length, 4);
});

test('logs --follow: polls from the newest event, shows each event once, stops on abort', async () => {
  const queries: LogQuery[] = [];
  const lines: string[] = [];
  const stop = new AbortController();
  const pages = [
    { events: [event('a', 5000, 'one'), event('b', 6000, 'two')], nextToken: null },
    { events: [event('b', 6000, 'two'), event('c', 6000, 'three')], nextToken: null },
    { events: [event('c', 6000, 'three'), event('d', 7000, 'four')], nextToken: null },
  ];
  const aws = fakeLogs(pages, queries);
  await showLogs({
    projectDir,
    aws,
    follow: true,
    pollMs: 1,
    now: () => 605_000,
    signal: stop.signal,
    onEvent: (line) => {
      lines.push(line.split(' ').slice(3).join(' '));
      if (lines.length === 4) stop.abort();
    },
  });
  assert.equal(lines, ['one', 'two', 'three', 'four']);
  assert.equal(
    queries.map((q) => q.startTime),
    [5000, 6000, 6000],
  );
});

test('logs --since sets the window; --follow without one starts 10 minutes back', async () => {
  const queries: LogQuery[] = [];
  await showLogs({ projectDir, since: '1h', aws: fakeLogs([], queries), onEvent: () => {}, now: () => 7_200_000 });
  const stop = new AbortController();
  stop.abort();
  await showLogs({ projectDir, follow: true, signal: stop.signal, aws: fakeLogs([], queries), onEvent: () => {}, now: () => 7_200_000 });
  assert.equal(
    queries.map((q) => q.startTime),
    [3_600_000, 6_600_000],
  );
});

test('logs --num-entries: stops after that many events shown, following or not', async () => {
  const pages = () => [
    { events: [event('1', 1, 'START RequestId: x'), event('2', 2, 'one'), event('3', 3, 'two')], nextToken: 'more' },
    { events: [event('4', 4, 'three')], nextToken: null },
  ];
  const lines: string[] = [];
  const queries: LogQuery[] = [];
  await showLogs({ projectDir, maxEntries: 2, aws: fakeLogs(pages(), queries), onEvent: (line) => lines.push(line.split(' ').slice(3).join(' ')) });
  assert.equal(lines, ['one', 'two']);
  assert.is(queries.length, 1, 'no page read past the last entry wanted');
  const followed: string[] = [];
  await showLogs({ projectDir, maxEntries: 3, follow: true, pollMs: 1, aws: fakeLogs(pages(), []), onEvent: (line) => followed.push(line) });
  assert.is(followed.length, 3);
});

test('logs and invoke name what is missing when the stage or function is not deployed', async () => {
  const aws = fakeLogs([], []);
  for (const call of [
    () => showLogs({ projectDir, stage: 'prod', aws, onEvent: () => {} }),
    () => invokeFunction({ projectDir, stage: 'prod', name: 'api_handler', payload: new Uint8Array(), aws }),
  ]) {
    try {
      await call();
      assert.unreachable('no error');
    } catch (error) {
      assert.instance(error, DeployError);
      assert.match((error as Error).message, /Stage "prod" is not deployed .*deployed[/\\]prod\.json.*chalice deploy --stage prod/);
    }
  }
  await invokeFunction({ projectDir, name: 'nope', payload: new Uint8Array(), aws }).then(
    () => assert.unreachable('no error'),
    (error: Error) => assert.match(error.message, /No function "nope" is deployed in stage "dev"; deployed: api_handler/),
  );
});

test('invoke: sends the payload to the deployed ARN and returns the answer and error type', async () => {
  const calls: Array<[string, string]> = [];
  const aws = {
    async invoke(name: string, payload: Uint8Array) {
      calls.push([name, new TextDecoder().decode(payload)]);
      return { statusCode: 200, payload: new TextEncoder().encode('{"errorMessage":"bad"}'), functionError: 'Unhandled' };
    },
  } as unknown as AwsFacade;
  const result = await invokeFunction({ projectDir, name: 'api_handler', payload: new TextEncoder().encode('{"x":1}'), aws });
  assert.equal(calls, [[ARN, '{"x":1}']]);
  assert.equal(result, { payload: '{"errorMessage":"bad"}', functionError: 'Unhandled' });
});

test.after(() => rmSync(projectDir, { recursive: true, force: true }));
test.run();
