import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const DIST = new URL('../dist/loader.js', import.meta.url).href;
const work = mkdtempSync(join(tmpdir(), 'chalice-bundling-'));

function sdkPackage(root: string): void {
  const dir = join(root, 'node_modules', '@aws-sdk', 'client-fake');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@aws-sdk/client-fake', version: '1.0.0', type: 'module', main: 'index.js' }));
  writeFileSync(join(dir, 'index.js'), 'export const marker = "BUNDLED-SDK";\n');
}

/** Bundles app.ts in a fresh process (NODE_PATH is read at start-up) and returns the output. */
function bundle(projectDir: string, env: Record<string, string> = {}): string {
  const script = `
    import { buildApp } from ${JSON.stringify(DIST)};
    const [output] = await buildApp({ projectDir: ${JSON.stringify(projectDir)}, mode: 'bundled', fallbackFrom: ${JSON.stringify(DIST)} }, { entryPoints: ['app.ts'] });
    process.stdout.write(output.text);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.is(result.status, 0, result.stderr);
  return result.stdout;
}

test('an @aws-sdk package the project installs is bundled; one it does not stays external, whatever NODE_PATH says', () => {
  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'app.ts'), "import { marker } from '@aws-sdk/client-fake';\nconsole.log(marker);\n");
  const elsewhere = join(work, 'store');
  sdkPackage(elsewhere);
  // pnpm's bin shims put their whole store on NODE_PATH: that is not the project installing it.
  const external = bundle(project, { NODE_PATH: join(elsewhere, 'node_modules') });
  assert.match(external, /from "@aws-sdk\/client-fake"/);
  assert.not.match(external, /BUNDLED-SDK/);
  sdkPackage(project);
  const bundled = bundle(project);
  assert.match(bundled, /BUNDLED-SDK/);
  assert.not.match(bundled, /from "@aws-sdk\/client-fake"/);
});

test('@chalice/events, authorizers and websocket imported directly are found without the project installing them', () => {
  const project = join(work, 'direct');
  mkdirSync(project);
  writeFileSync(
    join(project, 'app.ts'),
    "import { Rate } from '@chalice/events';\nimport { AuthResponse } from '@chalice/authorizers';\nimport { WebsocketDisconnectedError } from '@chalice/websocket';\nconsole.log(Rate, AuthResponse, WebsocketDisconnectedError);\n",
  );
  const bundled = bundle(project);
  for (const name of ['Rate', 'AuthResponse', 'WebsocketDisconnectedError']) assert.match(bundled, new RegExp(`var ${name} = class`), `${name} is bundled`);
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
