import { fileURLToPath } from 'node:url';
import { commonJsFilesLoadedBy } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// The built package, found through its own name and `exports` map, as a user's project finds it.
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const loadsEsbuild = (specifiers: string[]) => commonJsFilesLoadedBy(specifiers, PACKAGE_DIR).some((file) => /[\\/]esbuild[\\/]/.test(file));

test('the check sees esbuild when it is imported', () => {
  assert.ok(loadsEsbuild(['esbuild']));
});

test('neither @chalice/config nor @chalice/config/loader loads esbuild on import (the loader does on its first build)', () => {
  assert.not.ok(loadsEsbuild(['@chalice/config']), '@chalice/config');
  assert.not.ok(loadsEsbuild(['@chalice/config/loader']), '@chalice/config/loader');
});

test('@chalice/config/loader resolves from the built dist and holds app loading; the main entry does not', async () => {
  const loader = await import('@chalice/config/loader');
  const main: Record<string, unknown> = await import('@chalice/config');
  assert.type(loader.loadApp, 'function');
  assert.type(loader.buildApp, 'function');
  assert.equal(loader.APP_FILES, ['app.ts', 'app.mts', 'app.js', 'app.mjs']);
  assert.is(main.loadApp, undefined);
  assert.type(main.loadConfig, 'function');
});

test.run();
