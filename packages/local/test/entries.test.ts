import { fileURLToPath } from 'node:url';
import { commonJsFilesLoadedBy } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// The built package, found through its own name and `exports` map, as a user's project finds it.
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const loadsEsbuild = (specifiers: string[]) => commonJsFilesLoadedBy(specifiers, PACKAGE_DIR).some((file) => /[\\/]esbuild[\\/]/.test(file));

test('importing TestClient does not load esbuild (app loading imports it on first use)', () => {
  assert.not.ok(loadsEsbuild(['@chalice/local']), '@chalice/local');
  assert.not.ok(loadsEsbuild(['@chalice/local/test-client']), '@chalice/local/test-client');
});

test('@chalice/local/test-client resolves from the built dist to the same TestClient as the main entry', async () => {
  const sub = await import('@chalice/local/test-client');
  const main = await import('@chalice/local');
  assert.type(sub.TestClient, 'function');
  assert.is(sub.TestClient, main.TestClient);
  assert.is(sub.ConnectionRefusedError, main.ConnectionRefusedError);
  assert.not.ok('startLocalServer' in sub, 'the test client entry leaves the server out');
});

test('the main entry lists the public API only', async () => {
  const main = await import('@chalice/local');
  assert.equal(Object.keys(main).sort(), ['ConnectionRefusedError', 'LocalGateway', 'LocalServerError', 'TestClient', 'TestWebsocket', 'guardProcess', 'startLocalServer']);
});

test.run();
