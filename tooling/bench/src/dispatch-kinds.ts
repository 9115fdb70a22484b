import { lambdaContext } from '@chalice/fixtures';
import { measure } from './dispatch.ts';
import { benchmarkEvents } from './events.ts';
import { IMPLEMENTATIONS } from './implementations.ts';
import { median, table } from './stats.ts';

const ROUNDS = 9;
const ROUND_MS = 100;

/** The kind of an event, from the switch's answer: where a router's time goes differs by kind. */
async function kindOf(event: any): Promise<string> {
  const { statusCode } = await IMPLEMENTATIONS.switch!()(structuredClone(event), lambdaContext());
  if (statusCode === 403) return '403 unknown path';
  if (statusCode === 405) return '405 method';
  if (statusCode === 404) return '404 raised by view';
  if (event.resource === '/headers/echo') return '2xx reading a header';
  return event.body ? '2xx with JSON body' : '2xx without body';
}

/**
 * Chalice against the switch, event kind by kind (interleaved rounds, medians): the extra
 * nanoseconds per event show which paths of the router cost what.
 */
export async function runDispatchKinds(): Promise<void> {
  const byKind = new Map<string, any[]>();
  for (const event of benchmarkEvents()) {
    const kind = await kindOf(event);
    byKind.set(kind, [...(byKind.get(kind) ?? []), event]);
  }
  const handlers = [IMPLEMENTATIONS.switch!(), IMPLEMENTATIONS.chalice!()];
  const context = lambdaContext();
  const rows = [['event kind', 'events', 'switch ns/event', 'chalice ns/event', 'extra ns', 'ratio']];
  for (const [kind, events] of byKind) {
    const samples: number[][] = [[], []];
    for (const h of handlers) await measure(h, events, context, ROUND_MS); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const i of round % 2 ? [1, 0] : [0, 1]) samples[i]!.push(await measure(handlers[i]!, events, context, ROUND_MS));
    }
    const [sw, ch] = samples.map((s) => 1e9 / median(s)) as [number, number];
    rows.push([kind, String(events.length), sw.toFixed(0), ch.toFixed(0), (ch - sw).toFixed(0), (sw / ch).toFixed(2)]);
  }
  console.log(`dispatch by event kind: chalice against the switch, ${ROUNDS} interleaved rounds of ~${ROUND_MS} ms`);
  console.log(table(rows));
}

if (import.meta.url === `file://${process.argv[1]}`) await runDispatchKinds();
