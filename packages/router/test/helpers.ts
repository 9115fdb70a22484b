import { format } from 'node:util';
import { lambdaContext, restEvent, type RestEventInput } from '@chalice/fixtures';
import type { Chalice, ProxyResult } from '../src/index.ts';

/** Sends a REST v1 event built from `input` through `app.handler` and awaits the result. */
export async function invoke(app: Chalice, input: RestEventInput, context = lambdaContext()): Promise<ProxyResult> {
  return await app.handler(restEvent(input), context);
}

/** The parsed JSON body of a result. */
export function json(result: ProxyResult): any {
  return JSON.parse(result.body);
}

/** Captures console output written while `fn` runs. */
export async function captureConsole<T>(fn: () => T | Promise<T>): Promise<{ lines: string[]; value: T }> {
  const lines: string[] = [];
  const saved = { debug: console.debug, info: console.info, warn: console.warn, error: console.error, log: console.log };
  // Formats like console does, so %s placeholders are filled as they would be on screen.
  const record = (...args: unknown[]) => lines.push(format(...args));
  Object.assign(console, { debug: record, info: record, warn: record, error: record, log: record });
  try {
    const value = await fn();
    return { lines, value };
  } finally {
    Object.assign(console, saved);
  }
}
