import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI } from './helpers/cli.ts';

// Mistakes a user makes on the command line or in .chalice/config.json: each is one line naming
// the flag, file or key at fault, and exit status 2, never a stack or an "Internal error".

// `chalice local` on a project it accepts would serve until stopped: the timeout ends that case.
const run = (args: string[], cwd = tmpdir()) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });

const APP = "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'errs' });\napp.route('/', () => ({ ok: true }));\n";

/** A project with `config` as its `.chalice/config.json` text and `app` as its app.ts. */
function project(config: string, app = APP): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-errors-'));
  mkdirSync(join(dir, '.chalice'));
  writeFileSync(join(dir, '.chalice/config.json'), config);
  writeFileSync(join(dir, 'app.ts'), app);
  return dir;
}

const expectUserError = (result: ReturnType<typeof run>, line: string | RegExp) => {
  assert.is(result.status, 2, result.stderr);
  if (typeof line === 'string') assert.is(result.stderr, `${line}\n`);
  else assert.match(result.stderr, line);
  assert.is(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
};

test('an unknown option with no command is an error, not the help', () => {
  expectUserError(run(['--foo-bar']), 'Error: Unknown option `--foo-bar`: see chalice --help');
});

test('unknown flags are echoed as they were typed, not camel-cased', () => {
  expectUserError(run(['deploy', '--foo-bar']), 'Error: Unknown option `--foo-bar`: see chalice deploy --help');
  expectUserError(run(['logs', '--no-such-flag=1']), 'Error: Unknown option `--no-such-flag`: see chalice logs --help');
  expectUserError(run(['url', '-q']), 'Error: Unknown option `-q`: see chalice url --help');
});

test('a --project-dir that does not exist is named', () => {
  const missing = join(tmpdir(), 'chalice-no-such-project-dir');
  expectUserError(run(['--project-dir', missing, 'local']), `Error: --project-dir ${missing}: no such directory`);
});

test('--host that cannot be bound: an address not on this machine, a name that does not resolve', () => {
  const dir = project('{"app_name": "errs"}');
  expectUserError(
    run(['local', '--port', '0', '--host', '10.255.255.1'], dir),
    'Error: Cannot listen on 10.255.255.1: no network interface of this machine has that address (--host)',
  );
  expectUserError(
    run(['local', '--port', '0', '--host', 'no-such-host.invalid'], dir),
    'Error: Cannot listen on no-such-host.invalid: the name does not resolve to an address (--host)',
  );
});

test('a __proto__ key in config.json is refused, naming the file and the key', () => {
  const top = project('{"app_name": "errs", "__proto__": {"lambda_timeout": 5}}');
  expectUserError(run(['local', '--port', '0'], top), 'Error: .chalice/config.json: __proto__ is not allowed as a key');
  const nested = project('{"app_name": "errs", "stages": {"dev": {"environment_variables": {"__proto__": "x"}}}}');
  expectUserError(run(['local', '--port', '0'], nested), 'Error: .chalice/config.json: stages.dev.environment_variables.__proto__ is not allowed as a key');
});

test('api_gateway_stage with characters API Gateway refuses: the key, the file, the rule', () => {
  const dir = project('{"app_name": "errs", "stages": {"dev": {"api_gateway_stage": "my stage!"}}}');
  expectUserError(
    run(['local', '--port', '0'], dir),
    'Error: .chalice/config.json: stages.dev.api_gateway_stage must be 1 to 128 letters, digits, "-" or "_" (API Gateway\'s rule for stage names), got "my stage!"',
  );
  const flag = project('{"app_name": "errs"}');
  expectUserError(
    run(['deploy', '--api-gateway-stage', 'a/b', '--dry-run'], flag),
    /^Error: --api-gateway-stage must be 1 to 128 letters, digits, "-" or "_" \(API Gateway's rule for stage names\), got "a\/b"\n$/,
  );
});

test('an absolute iam_policy_file names the key and the file', () => {
  const dir = project('{"app_name": "errs", "stages": {"dev": {"iam_policy_file": "/etc/policy.json"}}}');
  expectUserError(run(['local', '--port', '0'], dir), 'Error: .chalice/config.json: stages.dev.iam_policy_file must be a file name relative to .chalice/, got "/etc/policy.json"');
});

test('a 300-character project name is refused before anything is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-errors-'));
  expectUserError(
    run(['new-project', 'a'.repeat(300)], dir),
    /^Error: Invalid project name "a{20}\.\.\." \(300 characters\): it becomes the app name, which must be at most 62 characters long/,
  );
});

test('bad SQS, S3 and SNS options in the app: one line naming the handler and the option', () => {
  const cases: Array<[string, RegExp]> = [
    ["app.onSqsMessage({ queue: 'jobs', batchSize: 20 }, function drain() {});", /^Error: onSqsMessage handler "drain": batchSize must be an integer from 1 to 10, got 20\n$/],
    [
      "app.onSqsMessage({ queue: 'https://sqs.us-east-1.amazonaws.com/1/jobs' }, function drain() {});",
      /^Error: onSqsMessage handler "drain": the 'queue' parameter must be the name of the queue/,
    ],
    ["app.onS3Event({ bucket: 'b', events: ['ObjectCreated:*'] }, function resize() {});", /^Error: onS3Event handler "resize": events must be a non-empty list of S3 event types/],
    ["app.onSnsMessage({ topic: '' }, function notify() {});", /^Error: onSnsMessage handler "notify": topic must be a topic name or ARN\n$/],
  ];
  for (const [registration, line] of cases) {
    const dir = project('{"app_name": "errs"}', `${APP}${registration}\n`);
    expectUserError(run(['package', 'out'], dir), line);
    expectUserError(run(['generate-models'], dir), line);
  }
});

test('null config values are unset; a lambda_functions entry naming no function of the app is a warning', () => {
  const config = {
    app_name: 'errs',
    lambda_runtime: 'nodejs22.x',
    lambda_timeout: null,
    stages: { dev: { api_gateway_stage: null, lambda_memory_size: null } },
    lambda_functions: { api_handler: { tags: null }, every_hr: { lambda_timeout: 5 } },
  };
  const dir = project(JSON.stringify(config));
  const result = run(['package', 'out'], dir);
  assert.is(result.status, 0, result.stderr);
  assert.is(result.stderr, 'Warning: .chalice/config.json: lambda_functions.every_hr names no function of the app; its settings apply to nothing\n');
  const template = JSON.parse(readFileSync(join(dir, 'out/sam.json'), 'utf8'));
  assert.is(template.Resources.APIHandler.Properties.Timeout, 60);
  assert.is(template.Resources.APIHandler.Properties.MemorySize, 128);
});

test.run();
