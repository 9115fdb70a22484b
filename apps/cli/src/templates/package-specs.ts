import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { UserError } from '../errors.ts';

/** The packages a new project depends on itself: its runtime, its test client, the CLI. */
export const PROJECT_PACKAGES = ['@chalice/router', '@chalice/local', 'chalice'] as const;
export type ProjectPackage = (typeof PROJECT_PACKAGES)[number];

/** What a new project's package.json names for the Chalice packages. */
export interface PackageSpecs {
  /** A version range or a `file:` tarball for each package the project depends on. */
  direct: Record<ProjectPackage, string>;
  /** `file:` tarballs forced for the packages those depend on (npm `overrides`), if any. */
  overrides: Record<string, string>;
}

/**
 * The specifiers for the registry: `^version` of each package as installed beside this CLI, so
 * a project follows the release it was made with.
 */
export function registrySpecs(): PackageSpecs {
  const direct = Object.fromEntries(PROJECT_PACKAGES.map((name) => [name, `^${installedVersion(name)}`])) as Record<ProjectPackage, string>;
  return { direct, overrides: {} };
}

/**
 * The specifiers for tarballs in `dir` (as given, from `cwd`; written by the repository's
 * `npm run pack`), relative to `projectDir`: the project's own packages as `file:` dependencies,
 * every other Chalice tarball there as an override, so npm never asks the registry for a package
 * that is not on it.
 */
export function tarballSpecs(dir: string, cwd: string, projectDir: string): PackageSpecs {
  const tarballs = readTarballs(dir, cwd);
  const spec = (name: string) => `file:${relative(projectDir, tarballs.get(name)!).split(sep).join('/')}`;
  const missing = PROJECT_PACKAGES.filter((name) => !tarballs.has(name));
  if (missing.length) throw new UserError(`--packages ${dir}: no tarball of ${missing.join(', ')} in it (run \`npm run pack\` in the chalice-ts repository)`);
  const direct = Object.fromEntries(PROJECT_PACKAGES.map((name) => [name, spec(name)])) as Record<ProjectPackage, string>;
  const others = [...tarballs.keys()].filter((name) => !(PROJECT_PACKAGES as readonly string[]).includes(name)).sort();
  return { direct, overrides: Object.fromEntries(others.map((name) => [name, spec(name)])) };
}

// The Chalice packages among the `*.tgz` files of `dir`, by the name their package.json gives.
function readTarballs(dir: string, cwd: string): Map<string, string> {
  const folder = resolve(cwd, dir);
  if (!existsSync(folder)) throw new UserError(`--packages ${dir}: no such folder`);
  const tarballs = new Map<string, string>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.tgz'))) {
    const name = tarballPackageName(join(folder, file));
    if (name === 'chalice' || name?.startsWith('@chalice/')) tarballs.set(name, join(folder, file));
  }
  return tarballs;
}

// npm tarballs are gzipped tar files whose manifest is `package/package.json`. A tar entry is a
// 512-byte header (name at 0, size in octal at 124) followed by its data padded to 512 bytes.
function tarballPackageName(file: string): string | undefined {
  let tar: Buffer;
  try {
    tar = gunzipSync(readFileSync(file));
  } catch {
    return undefined;
  }
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = tar.toString('utf8', offset, offset + 100).replace(/\0.*$/s, '');
    if (name === '') return undefined;
    const size = Number.parseInt(
      tar
        .toString('utf8', offset + 124, offset + 136)
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    );
    if (name === 'package/package.json') return (JSON.parse(tar.toString('utf8', offset + 512, offset + 512 + size)) as { name?: string }).name;
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

/** The version of `name` as installed for this CLI (the CLI's own for `chalice`). */
export function installedVersion(name: ProjectPackage): string {
  const start = name === 'chalice' ? import.meta.url : import.meta.resolve(name);
  for (let dir = dirname(fileURLToPath(start)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }) : {};
    if (manifest.name === name && manifest.version) return manifest.version;
    if (dirname(dir) === dir) throw new Error(`The package.json of ${name} was not found above ${fileURLToPath(start)}`);
  }
}
