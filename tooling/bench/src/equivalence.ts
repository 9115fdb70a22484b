import { lambdaContext } from '@chalice/fixtures';
import { IMPLEMENTATIONS } from './apps.ts';
import { benchmarkEvents } from './events.ts';

/** A difference between an implementation and the switch, for one event. */
export interface Mismatch {
  implementation: string;
  event: string;
  expected: { statusCode: number; body: unknown };
  actual: { statusCode: number; body: unknown };
}

const summary = (r: { statusCode: number; body: string }) => ({ statusCode: r.statusCode, body: r.body ? JSON.parse(r.body) : null });

/** Runs every event through every implementation and lists where one answers unlike the switch. */
export async function findMismatches(): Promise<{ events: number; mismatches: Mismatch[] }> {
  const events = benchmarkEvents();
  const handlers = Object.fromEntries(Object.entries(IMPLEMENTATIONS).map(([name, make]) => [name, make()]));
  const mismatches: Mismatch[] = [];
  for (const event of events) {
    const expected = summary(await handlers.switch!(structuredClone(event), lambdaContext()));
    for (const [name, handler] of Object.entries(handlers)) {
      const actual = summary(await handler(structuredClone(event), lambdaContext()));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push({ implementation: name, event: `${event.httpMethod} ${event.path}`, expected, actual });
      }
    }
  }
  return { events: events.length, mismatches };
}
