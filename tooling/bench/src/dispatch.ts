import { lambdaContext } from '@chalice/fixtures';
import { IMPLEMENTATIONS, type Handler } from './apps.ts';
import { findMismatches } from './equivalence.ts';
import { benchmarkEvents } from './events.ts';
import { median, table } from './stats.ts';

const ROUNDS = 15;
const ROUND_MS = 150;

/** Events per second of one implementation over the event list, for about `ROUND_MS`. */
async function measure(handler: Handler, events: any[], context: unknown): Promise<number> {
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (const event of events) await handler(event, context);
    done += events.length;
    elapsed = performance.now() - start;
  }
  return (done / elapsed) * 1000;
}

/**
 * Dispatch throughput of the four implementations, interleaved in one process (the order
 * rotates each round) so that machine noise hits them alike. Returns median events/s by name.
 */
export async function runDispatch(): Promise<Record<string, number>> {
  const { events: count, mismatches } = await findMismatches();
  if (mismatches.length) {
    console.error(JSON.stringify(mismatches.slice(0, 5), null, 2));
    throw new Error(`${mismatches.length} answers differ from the switch's: not measuring`);
  }
  console.log(`dispatch: ${count} events, identical status and body from every implementation`);
  // Frameworks may keep state on the event; each gets its own copies, reused across rounds.
  const names = Object.keys(IMPLEMENTATIONS);
  const handlers = names.map((n) => IMPLEMENTATIONS[n]!());
  const eventSets = names.map(() => benchmarkEvents());
  const context = lambdaContext();
  const samples: number[][] = names.map(() => []);
  for (let i = 0; i < names.length; i++) await measure(handlers[i]!, eventSets[i]!, context); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const i = (round + k) % names.length;
      samples[i]!.push(await measure(handlers[i]!, eventSets[i]!, context));
    }
  }
  const medians = Object.fromEntries(names.map((n, i) => [n, median(samples[i]!)]));
  const limit = medians.switch!;
  console.log(
    table([
      ['implementation', 'median events/s', 'ratio to switch'],
      ...names.map((n) => [n, Math.round(medians[n]!).toLocaleString('en-US'), (medians[n]! / limit).toFixed(3)]),
    ]),
  );
  return medians;
}

if (import.meta.url === `file://${process.argv[1]}`) await runDispatch();
