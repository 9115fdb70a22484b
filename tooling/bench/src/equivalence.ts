import { lambdaContext } from '@chalice/fixtures';
import { benchmarkEvents } from './events.ts';
import { IMPLEMENTATIONS, type ProxyAnswer } from './implementations.ts';

/** The part of an answer the four implementations must agree on. */
export interface Summary {
  statusCode: number;
  body: unknown;
  /** The headers the routes set, lower-case names; the media type only for Content-Type. */
  headers: Record<string, string>;
}

/** A difference between an implementation and the switch, for one event. */
export interface Mismatch {
  implementation: string;
  event: string;
  expected: Summary;
  actual: Summary;
}

// Each framework adds headers of its own (Hono a charset, Chalice the CORS allow-headers):
// compare only those the routes ask for.
const COMPARED_HEADERS = ['content-type', 'access-control-allow-origin', 'x-custom'];

/** Status, parsed body and the headers the routes set, whatever casing or header map a framework uses. */
export function summarize(answer: ProxyAnswer): Summary {
  const all: Record<string, string> = {};
  for (const [k, v] of Object.entries(answer.multiValueHeaders ?? {})) all[k.toLowerCase()] = v.join(',');
  for (const [k, v] of Object.entries(answer.headers ?? {})) all[k.toLowerCase()] = v;
  const headers: Record<string, string> = {};
  for (const name of COMPARED_HEADERS) if (all[name] !== undefined) headers[name] = all[name]!.split(';')[0]!.trim();
  return { statusCode: answer.statusCode, body: answer.body ? JSON.parse(answer.body) : null, headers };
}

/**
 * Runs every benchmark event once through every implementation and lists where one answers
 * unlike the switch. Each gets its own copy of the event, so none can see another's changes.
 */
export async function findMismatches(): Promise<{ events: number; mismatches: Mismatch[] }> {
  const events = benchmarkEvents();
  const handlers = Object.entries(IMPLEMENTATIONS).map(([name, make]) => [name, make()] as const);
  const mismatches: Mismatch[] = [];
  for (const event of events) {
    const answers = [];
    for (const [name, handler] of handlers) answers.push([name, summarize(await handler(structuredClone(event), lambdaContext()))] as const);
    const expected = answers[0]![1];
    for (const [name, actual] of answers) {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push({ implementation: name, event: `${event.httpMethod} ${event.path} (${event.resource})`, expected, actual });
      }
    }
  }
  return { events: events.length, mismatches };
}

/** A readable account of the first few mismatches, for the benchmark's abort message. */
export function describeMismatches(mismatches: Mismatch[], limit = 5): string {
  const lines = mismatches
    .slice(0, limit)
    .flatMap((m) => [`${m.implementation} on ${m.event}:`, `  switch: ${JSON.stringify(m.expected)}`, `  ${m.implementation}: ${JSON.stringify(m.actual)}`]);
  if (mismatches.length > limit) lines.push(`... and ${mismatches.length - limit} more`);
  return lines.join('\n');
}
