import { lambdaContext } from '@chalice/fixtures';
import { describeMismatches, findMismatches } from './equivalence.ts';
import { benchmarkEvents } from './events.ts';
import { IMPLEMENTATIONS, type Handler } from './implementations.ts';
import { median, table } from './stats.ts';

const ROUNDS = 15;
const ROUND_MS = 150;

/** Median events/s of one implementation, and its ratio to the switch. */
export interface DispatchResult {
  eventsPerSecond: number;
  /** Median events/s over the switch's median events/s. */
  ratio: number;
  /** The median of the per-round ratios (each round's own switch figure as the base). */
  roundRatio: number;
}

/** Events per second of one implementation over a whole event list, for about `ms`. */
export async function measure(handler: Handler, events: readonly any[], context: unknown, ms = ROUND_MS): Promise<number> {
  let done = 0;
  let elapsed = 0;
  const start = performance.now();
  while (elapsed < ms) {
    // Awaited one by one, as the Lambda runtime does: Hono and lambda-api are async throughout.
    for (const event of events) await handler(event, context);
    done += events.length;
    elapsed = performance.now() - start;
  }
  return (done / elapsed) * 1000;
}

/**
 * Dispatch throughput of the four implementations, interleaved in one process (the order
 * rotates each round) so that machine noise hits them alike. Refuses to measure unless all
 * four give the same answers.
 */
export async function runDispatch(): Promise<Record<string, DispatchResult>> {
  const { events: count, mismatches } = await findMismatches();
  if (mismatches.length) {
    throw new Error(`${mismatches.length} answers differ from the switch's, not measuring:\n${describeMismatches(mismatches)}`);
  }
  console.log(`dispatch: ${count} events, the same status, body and route headers from every implementation`);
  const names = Object.keys(IMPLEMENTATIONS);
  const handlers = names.map((n) => IMPLEMENTATIONS[n]!());
  // Each implementation gets its own events (a framework may write to them), reused across rounds.
  const eventSets = names.map(() => benchmarkEvents());
  const context = lambdaContext();
  const samples: number[][] = names.map(() => []);
  for (let i = 0; i < names.length; i++) await measure(handlers[i]!, eventSets[i]!, context); // warm-up: let V8 optimise
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const i = (round + k) % names.length;
      samples[i]!.push(await measure(handlers[i]!, eventSets[i]!, context));
    }
  }
  const base = samples[0]!; // the switch
  const results: Record<string, DispatchResult> = {};
  names.forEach((name, i) => {
    const eventsPerSecond = median(samples[i]!);
    results[name] = {
      eventsPerSecond,
      ratio: eventsPerSecond / median(base),
      roundRatio: median(samples[i]!.map((s, round) => s / base[round]!)),
    };
  });
  console.log(`${ROUNDS} interleaved rounds of ~${ROUND_MS} ms per implementation`);
  console.log(
    table([
      ['implementation', 'median events/s', 'ratio to switch', 'median per-round ratio'],
      ...names.map((n) => {
        const r = results[n]!;
        return [n, Math.round(r.eventsPerSecond).toLocaleString('en-US'), r.ratio.toFixed(3), r.roundRatio.toFixed(3)];
      }),
    ]),
  );
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await runDispatch();
