import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from './helpers/cli.ts';
import { serve } from './helpers/serve.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'chalice-cli-'));

test('--help lists the commands, --version prints the version', () => {
  const help = run(['--help']);
  assert.is(help.status, 0);
  assert.match(help.stdout, /new-project \[name\]/);
  assert.match(help.stdout, /local/);
  const version = run(['--version']);
  assert.is(version.status, 0);
  assert.match(version.stdout, /^chalice\/\d+\.\d+\.\d+/);
  const localHelp = run(['local', '--help']);
  for (const flag of ['--host', '--port', '--stage', '--autoreload', '--project-dir', '--debug']) assert.match(localHelp.stdout, new RegExp(flag));
});

test("every command's --help explains each of its flags", () => {
  const flags: Record<string, string[]> = {
    deploy: ['--stage', '--profile', '--api-gateway-stage', '--autogen-policy', '--yes', '--dry-run'],
    delete: ['--stage', '--profile'],
    url: ['--stage'],
    logs: ['--stage', '--name', '--since', '--follow', '--include-lambda-messages', '--profile'],
    invoke: ['--name', '--stage', '--profile'],
    'gen-policy': ['--filename'],
    'generate-models': ['--project-dir'],
    'generate-sdk': ['--stage', '--sdk-type', '--profile'],
    'generate-pipeline': ['--pipeline-version', '--source', '--buildspec-file'],
  };
  const overview = run(['--help']).stdout;
  for (const [command, list] of Object.entries(flags)) {
    assert.match(overview, new RegExp(`\\b${command}\\b`), `${command} in chalice --help`);
    const help = run([command, '--help']);
    assert.is(help.status, 0);
    for (const flag of list) assert.match(help.stdout, new RegExp(`${flag}\\b[^\\n]*\\S+\\s+\\S`), `${command} --help explains ${flag}`);
  }
});

test('user errors are one line and exit 2', () => {
  const unknown = run(['deploy-everything']);
  assert.is(unknown.status, 2);
  assert.is(unknown.stderr, 'Error: Unknown command "deploy-everything": see chalice --help\n');
  const port = run(['local', '--port', 'abc']);
  assert.is(port.status, 2);
  assert.is(port.stderr, 'Error: --port must be a port number from 0 to 65535, got "abc"\n');
  const template = run(['new-project', 'x', '--template', 'nope'], tempDir());
  assert.is(template.status, 2);
  assert.match(template.stderr, /^Error: Unknown --template "nope": choose one of rest-api, s3-event, lambda-only\n$/);
});

test('new-project writes a project; an existing folder is refused untouched; no name without a terminal is an error', () => {
  const dir = tempDir();
  const made = run(['new-project', 'helloworld'], dir);
  assert.is(made.status, 0, made.stderr);
  for (const file of ['app.ts', '.chalice/config.json', 'package.json', 'tsconfig.json', '.gitignore', 'chalicelib/README.md', 'test/app.test.ts']) {
    assert.ok(existsSync(join(dir, 'helloworld', file)), file);
  }
  assert.equal(JSON.parse(readFileSync(join(dir, 'helloworld/.chalice/config.json'), 'utf8')).app_name, 'helloworld');
  writeFileSync(join(dir, 'helloworld', 'app.ts'), '// mine\n');
  const again = run(['new-project', 'helloworld'], dir);
  assert.is(again.status, 2);
  assert.match(again.stderr, /helloworld already exists/);
  assert.is(readFileSync(join(dir, 'helloworld', 'app.ts'), 'utf8'), '// mine\n');
  const unnamed = run(['new-project'], dir);
  assert.is(unnamed.status, 2);
  assert.is(unnamed.stderr, 'Error: Give the project a name: chalice new-project NAME\n');
});

test('a new project is served by chalice local over real HTTP, and Ctrl-C stops it cleanly', async () => {
  const dir = tempDir();
  assert.is(run(['new-project', 'served'], dir).status, 0);
  const server = await serve(join(dir, 'served'));
  assert.equal(await (await fetch(`${server.url}/`)).json(), { hello: 'world' });
  assert.equal(await (await fetch(`${server.url}/hello/chalice`)).json(), { hello: 'chalice' });
  const missing = await fetch(`${server.url}/missing`);
  assert.is(missing.status, 403);
  assert.equal(await missing.json(), { message: 'Missing Authentication Token' });
  const { code, output } = await server.stop();
  assert.is(code, 0);
  assert.match(output, /Stopped\./);
});

test('--project-dir serves another folder, given absolute or relative', async () => {
  const dir = tempDir();
  assert.is(run(['new-project', 'elsewhere', '--template', 'rest-api'], dir).status, 0);
  for (const [projectDir, cwd] of [
    [join(dir, 'elsewhere'), tmpdir()],
    ['elsewhere', dir],
  ] as const) {
    const server = await serve(cwd, ['--project-dir', projectDir]);
    assert.equal(await (await fetch(`${server.url}/`)).json(), { hello: 'world' });
    await server.stop();
  }
});

test("experimental features without opting in print the seed's message and fail", () => {
  const dir = tempDir();
  mkdirSync(join(dir, '.chalice'));
  writeFileSync(join(dir, '.chalice/config.json'), '{"version": "2.0", "app_name": "ws"}');
  writeFileSync(join(dir, 'app.ts'), "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'ws' });\napp.onWsMessage(function message() {});\n");
  const result = run(['local', '--port', '0'], dir);
  assert.is(result.status, 2);
  assert.match(result.stderr, /You are using experimental features without explicitly opting in\./);
  assert.match(result.stderr, /app\.experimentalFeatureFlags\.add\('WEBSOCKETS'\);/);
});

test('a config error names the file and key; a taken port is a clear error', async () => {
  const dir = tempDir();
  assert.is(run(['new-project', 'cfg'], dir).status, 0);
  const project = join(dir, 'cfg');
  writeFileSync(join(project, '.chalice/config.json'), '{"app_name": "cfg", "stages": {"dev": {"lambda_timeout": "60"}}}');
  const bad = run(['local', '--port', '0'], project);
  assert.is(bad.status, 2);
  assert.is(bad.stderr, 'Error: .chalice/config.json: stages.dev.lambda_timeout must be an integer from 1 to 900, got "60"\n');
  writeFileSync(join(project, '.chalice/config.json'), '{"app_name": "cfg"}');
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const port = (blocker.address() as { port: number }).port;
  const taken = run(['local', '--port', String(port)], project);
  blocker.close();
  assert.is(taken.status, 2);
  assert.is(taken.stderr, `Error: Port ${port} on 127.0.0.1 is already in use: pick another with --port\n`);
});

test.run();
