// `npm run pack`: writes an installable tarball of every publishable package (not private) of
// packages/ and apps/ to one folder, default packages-out/. pnpm pack turns `workspace:*`
// dependencies into the packages' real versions, so npm installs the tarballs as they are.
// Run after a build (`npm run pack` builds first).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PNPM = ['-y', 'pnpm@12.4.2'];

/** The names of the packages that are published: those of packages/ and apps/ not marked private. */
export function publishablePackages(): string[] {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(ROOT, group)).flatMap((folder) => {
      const manifest = JSON.parse(readFileSync(join(ROOT, group, folder, 'package.json'), 'utf8')) as { name: string; private?: boolean };
      return manifest.private ? [] : [manifest.name];
    }),
  );
}

/**
 * Packs every publishable package into `dest` (emptied first) and returns the tarballs' paths.
 *
 * @example
 * const tarballs = packAll('/tmp/out'); // ['/tmp/out/chalice-0.1.0.tgz', '/tmp/out/chalice-router-0.1.0.tgz', ...]
 */
export function packAll(dest: string): string[] {
  const out = resolve(dest);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const filters = publishablePackages().flatMap((name) => ['--filter', name]);
  const run = spawnSync('npx', [...PNPM, '-r', ...filters, 'pack', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pnpm pack failed (${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
  return readdirSync(out)
    .filter((file) => file.endsWith('.tgz'))
    .sort()
    .map((file) => join(out, file));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tarballs = packAll(process.argv[2] ?? join(ROOT, 'packages-out'));
  process.stdout.write(`${tarballs.join('\n')}\n`);
}
