import { showLogs } from '@chalice/deployer';
import { printLine } from '../output.ts';

/** What `chalice logs` takes. */
export interface LogsCommand {
  projectDir: string;
  stage: string;
  name: string;
  since: string | undefined;
  /** Stop after this many events (`--num-entries`). */
  maxEntries: number | undefined;
  follow: boolean;
  includeLambdaMessages: boolean;
  profile: string | undefined;
}

/** `chalice logs`: prints a deployed function's logs; with `--follow`, until Ctrl-C. */
export async function logsCommand(options: LogsCommand): Promise<void> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  try {
    await showLogs({ ...options, signal: stop.signal, onEvent: printLine });
  } finally {
    process.off('SIGINT', onSignal);
  }
}
