import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { entryModuleSource } from '../src/entry-module.ts';

const dir = mkdtempSync(join(tmpdir(), 'chalice-entry-'));

test('a REST-only app exports app.handler and does not import lambdaHandler', async () => {
  const source = entryModuleSource('./app.mjs', [{ exportName: 'api_handler', functionName: null }]);
  assert.not.match(source, /lambdaHandler/);
  writeFileSync(join(dir, 'app.mjs'), 'export const app = { handler: () => "rest" };\n');
  writeFileSync(join(dir, 'entry.mjs'), source);
  const module = await import(pathToFileURL(join(dir, 'entry.mjs')).href);
  assert.equal(Object.keys(module), ['api_handler']);
  assert.is(module.api_handler(), 'rest');
});

test('functions use lambdaHandler, with any valid function name as a string export name', () => {
  const source = entryModuleSource('./app.ts', [
    { exportName: 'api_handler', functionName: null },
    { exportName: 'my-fn', functionName: 'my-fn' },
    { exportName: 'app', functionName: 'app' },
  ]);
  assert.is(
    source,
    [
      'import { app } from "./app.ts";',
      'import { lambdaHandler } from "@chalice/router";',
      'const handler0 = app.handler;',
      'const handler1 = lambdaHandler(app, "my-fn");',
      'const handler2 = lambdaHandler(app, "app");',
      'export { handler0 as "api_handler", handler1 as "my-fn", handler2 as "app" };',
      '',
    ].join('\n'),
  );
});

test('two handlers with one export name are refused', () => {
  const twice = [
    { exportName: 'a', functionName: 'a' },
    { exportName: 'a', functionName: 'b' },
  ];
  assert.throws(() => entryModuleSource('./app.ts', twice), /Two handlers export "a"/);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
