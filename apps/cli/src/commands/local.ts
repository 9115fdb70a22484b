import { startLocalServer } from '@chalice/local';
import { checkFeatureFlags } from '../experimental.ts';

/** What `chalice local` takes. */
export interface LocalCommand {
  projectDir: string;
  host: string;
  port: number;
  stage: string;
  autoreload: boolean;
}

/** `chalice local`: serves the project until Ctrl-C, then stops cleanly. */
export async function serveLocal(options: LocalCommand): Promise<void> {
  const server = await startLocalServer({ ...options, check: checkFeatureFlags });
  process.stdout.write(`Serving on ${server.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  process.stdout.write('Stopped.\n');
}
