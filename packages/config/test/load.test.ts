import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, loadConfig } from '../src/index.ts';

function project(configText?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-config-'));
  if (configText !== undefined) {
    mkdirSync(join(dir, '.chalice'));
    writeFileSync(join(dir, '.chalice', 'config.json'), configText);
  }
  return dir;
}

const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    assert.instance(error, ConfigError);
    return (error as Error).message;
  }
  return assert.unreachable('expected a ConfigError') as never;
};

test("loads and checks a project's config", () => {
  const dir = project(JSON.stringify({ version: '2.0', app_name: 'helloworld', stages: { dev: { api_gateway_stage: 'api' } } }));
  const config = loadConfig(dir);
  assert.is(config.data.app_name, 'helloworld');
  assert.is(config.file, join(dir, '.chalice', 'config.json'), 'outside the working directory the path is absolute');
});

test('a missing config says what to do', () => {
  assert.match(
    message(() => loadConfig(project())),
    /config\.json: not found: is this a Chalice project\? \(`chalice new-project` makes one\)/,
  );
});

test('invalid JSON is reported with its line and column', () => {
  const text = '{\n  "app_name": "a",\n  "stages": {,}\n}\n';
  assert.match(
    message(() => loadConfig(project(text))),
    /config\.json: is not valid JSON \(line 3, column 14\)/,
  );
});

test('a bad value is reported with the file and key path', () => {
  const dir = project(JSON.stringify({ app_name: 'a', stages: { dev: { lambda_timeout: 0 } } }));
  assert.match(
    message(() => loadConfig(dir)),
    /config\.json: stages\.dev\.lambda_timeout must be an integer from 1 to 900, got 0/,
  );
});

test.run();
