import { API_HANDLER, DEFAULT_STAGE } from '@chalice/config';
import { functionNameOf } from './aws-names.ts';
import { deployedFunctionArn, facadeFor, type DeployedTarget } from './deployed-function.ts';
import { DeployError } from './errors.ts';
import type { LogEvent } from './aws/facade.ts';

/** What `chalice logs` shows. */
export interface LogsOptions extends DeployedTarget {
  /** The function's Chalice name (default `api_handler`). */
  name?: string;
  /**
   * Only events since then: a duration back from now (`30s`, `10m`, `2h`, `1d`, `1w`) or an ISO
   * date. Default: every event, or the last 10 minutes when following (as the original does).
   */
  since?: string;
  /** Keep polling for new events until `signal` aborts. */
  follow?: boolean;
  /** Stop after this many events (following too). Default: no limit. */
  maxEntries?: number;
  /** Include Lambda's own START / END / REPORT lines. */
  includeLambdaMessages?: boolean;
  /** Called for each event, oldest first. */
  onEvent: (line: string, event: LogEvent) => void;
  signal?: AbortSignal;
  /** Between polls when following (default 2 s; tests pass less). */
  pollMs?: number;
  now?: () => number;
}

const LAMBDA_LINES = /^(START|END|REPORT) RequestId/;
const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * The start time a `--since` value means, in ms since the epoch.
 *
 * @example
 * parseSince('10m', Date.parse('2026-01-01T00:10:00Z')); // Date.parse('2026-01-01T00:00:00Z')
 */
export function parseSince(since: string, now: number): number {
  const relative = /^(\d+)([smhdw])$/.exec(since.trim());
  if (relative) return now - Number(relative[1]) * UNITS[relative[2]!]!;
  const absolute = Date.parse(since);
  if (Number.isNaN(absolute))
    throw new DeployError('INVALID_OPTION', `--since must be a duration such as 30s, 10m, 2h, 1d or 1w, or an ISO date such as 2026-01-31T12:00:00Z; got "${since}"`);
  return absolute;
}

/**
 * A log line as the Python original prints it: the time, a short id of the log stream (so
 * lines of one container can be told apart), the message.
 *
 * @example
 * formatLogEvent({ eventId: '1', timestamp: 0, message: 'hi\n', logStreamName: '2026/01/01/[$LATEST]abcdef0123' });
 * // '1970-01-01 00:00:00.000 abcdef hi'
 */
export function formatLogEvent(event: LogEvent): string {
  const stream = event.logStreamName;
  const close = stream.indexOf(']');
  const shortId = close >= 0 ? stream.slice(close + 1, close + 7) : stream;
  const time = new Date(event.timestamp).toISOString().replace('T', ' ').replace('Z', '');
  return `${time} ${shortId} ${event.message.trim()}`;
}

/**
 * Prints a deployed function's CloudWatch Logs events, oldest first, optionally following
 * new ones. Lambda's own START/END/REPORT lines are left out unless asked for.
 *
 * @example
 * const stop = new AbortController();
 * await showLogs({ projectDir: '.', name: 'api_handler', follow: true, signal: stop.signal, onEvent: (line) => console.log(line) });
 */
export async function showLogs(options: LogsOptions): Promise<void> {
  const now = options.now ?? Date.now;
  const since = options.since ?? (options.follow ? '10m' : undefined);
  let startTime = since === undefined ? undefined : parseSince(since, now());
  let shown = 0;
  const arn = deployedFunctionArn(options.projectDir, options.stage ?? DEFAULT_STAGE, options.name ?? API_HANDLER);
  const aws = await facadeFor(options);
  const logGroupName = `/aws/lambda/${functionNameOf(arn)}`;
  // Following re-reads from the newest timestamp seen: events of that millisecond come twice.
  let seen = new Set<string>();
  for (;;) {
    let nextToken: string | null = null;
    let newest = startTime ?? 0;
    const seenNow = new Set<string>();
    do {
      const page = await aws.filterLogEvents({ logGroupName, startTime, nextToken });
      for (const event of page.events) {
        seenNow.add(event.eventId);
        newest = Math.max(newest, event.timestamp);
        if (seen.has(event.eventId)) continue;
        if (!options.includeLambdaMessages && LAMBDA_LINES.test(event.message.trim())) continue;
        options.onEvent(formatLogEvent(event), event);
        if (++shown === options.maxEntries) return;
      }
      nextToken = page.nextToken;
    } while (nextToken && !options.signal?.aborted);
    if (!options.follow || options.signal?.aborted) return;
    seen = seenNow;
    startTime = newest;
    await sleep(options.pollMs ?? 2_000, options.signal);
    if (options.signal?.aborted) return;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
