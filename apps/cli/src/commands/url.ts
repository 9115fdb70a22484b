import { getUrl } from '@chalice/deployer';

/** `chalice url`: prints the stage's REST API URL, then its websocket URL, when deployed. */
export function urlCommand(options: { projectDir: string; stage: string }): void {
  process.stdout.write(`${getUrl(options)}\n`);
}
