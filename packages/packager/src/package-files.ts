import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import type { ZipEntry } from './zip.ts';

// Code in chalicelib/ reaches the package through the bundle, not as files.
const CODE = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'];

/**
 * The files a package carries besides the bundle: `chalicelib/`'s non-code files under
 * `chalicelib/`, and the contents of `vendor/` at the root. Dotfiles are left out (editor and
 * OS litter would make the package machine-dependent); each list is sorted.
 *
 * @example
 * const { chalicelib, vendor } = projectFiles('/work/my-app');
 * chalicelib.map((e) => e.path); // ['chalicelib/data.json']
 */
export function projectFiles(projectDir: string): { chalicelib: ZipEntry[]; vendor: ZipEntry[] } {
  return {
    chalicelib: filesUnder(projectDir, 'chalicelib', CODE).map((entry) => ({ ...entry, path: `chalicelib/${entry.path}` })),
    vendor: filesUnder(projectDir, 'vendor', []),
  };
}

function filesUnder(projectDir: string, folder: string, ignore: string[]): ZipEntry[] {
  const dir = join(projectDir, folder);
  if (!existsSync(dir)) return [];
  const paths = fg.sync('**/*', { cwd: dir, onlyFiles: true, dot: false, ignore }).sort();
  return paths.map((path) => ({ path, data: readFileSync(join(dir, path)), mode: statSync(join(dir, path)).mode }));
}
