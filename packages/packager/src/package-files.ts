import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ZipEntry } from './zip.ts';

// Code in chalicelib/ reaches the package through the bundle, not as files.
const CODE = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'];

/**
 * The files a package carries besides the bundle: `chalicelib/`'s non-code files under
 * `chalicelib/`, and the contents of `vendor/` at the root. Dotfiles are left out (editor and
 * OS litter would make the package machine-dependent); each list is sorted.
 *
 * @example
 * const { chalicelib, vendor } = await projectFiles('/work/my-app');
 * chalicelib.map((e) => e.path); // ['chalicelib/data.json']
 */
export async function projectFiles(projectDir: string): Promise<{ chalicelib: ZipEntry[]; vendor: ZipEntry[] }> {
  const chalicelib = await filesUnder(projectDir, 'chalicelib', CODE);
  return {
    chalicelib: chalicelib.map((entry) => ({ ...entry, path: `chalicelib/${entry.path}` })),
    vendor: await filesUnder(projectDir, 'vendor', []),
  };
}

// fast-glob takes a good part of `chalice package`'s start-up: loaded only for a folder to walk.
async function filesUnder(projectDir: string, folder: string, ignore: string[]): Promise<ZipEntry[]> {
  const dir = join(projectDir, folder);
  if (!existsSync(dir)) return [];
  const { default: fg } = await import('fast-glob');
  const paths = fg.sync('**/*', { cwd: dir, onlyFiles: true, dot: false, ignore }).sort();
  return paths.map((path) => ({ path, data: readFileSync(join(dir, path)), mode: statSync(join(dir, path)).mode }));
}
