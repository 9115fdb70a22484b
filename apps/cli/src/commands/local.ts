import { guardProcess, startLocalServer } from '@chalice/local';
import { checkFeatureFlags } from '../experimental.ts';
import { printLine } from '../output.ts';

/** What `chalice local` takes. */
export interface LocalCommand {
  projectDir: string;
  host: string;
  port: number;
  stage: string;
  autoreload: boolean;
}

/**
 * `chalice local`: serves the project until Ctrl-C, then stops cleanly. Whatever the app does
 * outside a request (a rejection nobody handles, a throw in a timer) is logged and the server
 * goes on; a `process.exit()` in the app is reported.
 */
export async function serveLocal(options: LocalCommand): Promise<void> {
  const unguard = guardProcess((line) =>
    process.stderr.write(`${line}
`),
  );
  try {
    const server = await startLocalServer({ ...options, check: checkFeatureFlags });
    // Listening before saying so: a Ctrl-C right after the line must still stop cleanly (and
    // remove the temporary bundles), not kill the process.
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    printLine(`Serving on ${server.url}`);
    await stopped;
    unguard();
    await server.close();
    printLine('Stopped.');
  } finally {
    unguard();
  }
}
