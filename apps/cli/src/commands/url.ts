import { getUrl } from '@chalice/deployer';
import { printLine } from '../output.ts';

/** `chalice url`: prints the stage's REST API URL, then its websocket URL, when deployed. */
export function urlCommand(options: { projectDir: string; stage: string }): void {
  printLine(getUrl(options));
}
