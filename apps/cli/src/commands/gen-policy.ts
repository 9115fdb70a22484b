import { resolve } from 'node:path';
import { formatWarning, generatePolicy } from '@chalice/policygen';
import { printLine, printWarnings } from '../output.ts';

/**
 * `chalice gen-policy [--filename F]`: prints the IAM policy generated from the app's source
 * (the app module, or F, and every module it imports) as JSON on stdout; calls it could not
 * resolve go to stderr as `file:line:column: reason` lines.
 *
 * @example
 * await genPolicyCommand({ projectDir: process.cwd(), filename: 'src/app.ts' });
 */
export async function genPolicyCommand({ projectDir, filename }: { projectDir: string; filename?: string }): Promise<void> {
  const generated = generatePolicy({ projectDir, entryFiles: filename === undefined ? undefined : [resolve(projectDir, filename)] });
  printWarnings(generated.warnings.map(formatWarning));
  printLine(JSON.stringify(generated.policy, null, 2));
}
