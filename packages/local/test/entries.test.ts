import { fileURLToPath } from 'node:url';
import { commonJsFilesLoadedBy } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// The built package, found through its own name and `exports` map, as a user's project finds it.
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const loadsEsbuild = (specifiers: string[]) => commonJsFilesLoadedBy(specifiers, PACKAGE_DIR).some((file) => /[\\/]esbuild[\\/]/.test(file));

test('importing TestClient does not load esbuild (app loading imports it on first use)', () => {
  assert.not.ok(loadsEsbuild(['@chalice/local']), '@chalice/local');
});

test.run();
