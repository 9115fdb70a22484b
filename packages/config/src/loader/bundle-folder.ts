import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let folder: string | undefined;
let written = 0;

// Made on first use, once per process: mkdtemp picks a new random name (so nobody can have
// planted a symlink there) with mode 0700 (so nobody else reads the bundles or their source maps).
function bundleFolder(): string {
  if (folder === undefined) {
    const made = mkdtempSync(join(tmpdir(), 'chalice-app-'));
    folder = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return folder;
}

/**
 * A fresh file path for an app bundle, in this process's private temporary folder (made with
 * `mkdtemp`, mode 0700, removed when the process exits).
 *
 * @example
 * const path = bundlePath(); // /tmp/chalice-app-Xa1b2c/app-1.mjs
 */
export function bundlePath(): string {
  return join(bundleFolder(), `app-${++written}.mjs`);
}

/**
 * Writes a bundle to a path from {@link bundlePath}: only the owner may read it, and an existing
 * file or symlink there is an error rather than followed.
 *
 * @example
 * writeBundle(bundlePath(), code);
 */
export function writeBundle(path: string, code: Uint8Array): void {
  writeFileSync(path, code, { flag: 'wx', mode: 0o600 });
}

/**
 * Deletes a bundle that is no longer needed (already imported, or superseded); a missing one is fine.
 *
 * @example
 * discardBundle(previous);
 */
export function discardBundle(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone (the folder is removed at exit too): nothing to do.
  }
}
