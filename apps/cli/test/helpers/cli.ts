import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

/** The built binary, as users run it (`pnpm build` first). */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** The repository's `examples/` folder. */
export const EXAMPLES = fileURLToPath(new URL('../../../../examples/', import.meta.url));

/** Runs the built `chalice` with `args` in `cwd` (`env` added to its environment), to its end, with its output as text. */
export const run = (args: string[], cwd = tmpdir(), env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
