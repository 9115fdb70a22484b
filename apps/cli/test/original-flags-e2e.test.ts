import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto, type MotoServer } from '@chalice/fixtures';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI } from './helpers/cli.ts';

// The Python original's flags, through the built binary: `logs --num-entries`, `-s`, `-f`,
// `logs` without a window showing every event (1.15.1), `generate-models --stage`,
// `generate-pipeline -i/--codebuild-image`. The log events live in moto's CloudWatch Logs, put
// there with the AWS CLI; the deployed state names the function whose log group they are in.

const REGION = 'us-east-1';
const GROUP = '/aws/lambda/demo-dev';
const STREAM = '2026/12/01/[$LATEST]abcdef0123456789';
const MINUTE = 60_000;

interface Context {
  moto: MotoServer;
  project: string;
}

const flags = suite<Context>("the original's command flags");

const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));

function chalice(args: string[], cwd: string, moto?: MotoServer) {
  const env = moto ? { ...cleanEnv(), AWS_ENDPOINT_URL: moto.endpoint, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: REGION } : cleanEnv();
  return spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
}

/** The messages of the log lines `chalice logs` printed (after time and stream id). */
const messages = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ').slice(3).join(' '));

function awsCli(moto: MotoServer, args: string[]): void {
  execFileSync('aws', ['--endpoint-url', moto.endpoint, '--region', REGION, ...args], {
    env: { ...cleanEnv(), AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
    stdio: 'ignore',
  });
}

flags.before(async (context) => {
  context.moto = await startMoto();
  const project = mkdtempSync(join(tmpdir(), 'chalice-flags-'));
  mkdirSync(join(project, '.chalice/deployed'), { recursive: true });
  writeFileSync(join(project, '.chalice/config.json'), JSON.stringify({ app_name: 'demo', stages: { prod: { environment_variables: { WITH_ADMIN: '1' } } } }));
  writeFileSync(
    join(project, '.chalice/deployed/dev.json'),
    JSON.stringify({
      schema_version: '2.0',
      backend: 'api',
      resources: [{ name: 'api_handler', resource_type: 'lambda_function', lambda_arn: `arn:aws:lambda:${REGION}:123456789012:function:demo-dev` }],
    }),
  );
  writeFileSync(
    join(project, 'app.ts'),
    "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'demo' });\napp.route('/', () => ({}));\nif (process.env.WITH_ADMIN === '1') app.route('/admin', () => ({}));\n",
  );
  context.project = project;
  const now = Date.now();
  const events = [
    { timestamp: now - 180 * MINUTE, message: 'three hours ago' },
    { timestamp: now - 120 * MINUTE, message: 'START RequestId: 1 Version: $LATEST' },
    { timestamp: now - 120 * MINUTE + 1, message: 'two hours ago' },
    { timestamp: now - 60 * MINUTE, message: 'an hour ago' },
    { timestamp: now - 1 * MINUTE, message: 'a minute ago' },
  ];
  awsCli(context.moto, ['logs', 'create-log-group', '--log-group-name', GROUP]);
  awsCli(context.moto, ['logs', 'create-log-stream', '--log-group-name', GROUP, '--log-stream-name', STREAM]);
  awsCli(context.moto, ['logs', 'put-log-events', '--log-group-name', GROUP, '--log-stream-name', STREAM, '--log-events', JSON.stringify(events)]);
});

flags.after(async (context) => {
  await context.moto?.stop();
});

flags('logs with no window prints every event, as 1.15.1 does (not only the last 10 minutes)', ({ moto, project }) => {
  const result = chalice(['logs'], project, moto);
  assert.is(result.status, 0, result.stderr);
  assert.equal(messages(result.stdout), ['three hours ago', 'two hours ago', 'an hour ago', 'a minute ago']);
});

flags('logs --num-entries N prints the first N events; -s is --since', ({ moto, project }) => {
  const first = chalice(['logs', '--num-entries', '2'], project, moto);
  assert.is(first.status, 0, first.stderr);
  assert.equal(messages(first.stdout), ['three hours ago', 'two hours ago']);
  const since = chalice(['logs', '-s', '90m'], project, moto);
  assert.is(since.status, 0, since.stderr);
  assert.equal(messages(since.stdout), ['an hour ago', 'a minute ago']);
  const both = chalice(['logs', '-s', '90m', '--num-entries', '1', '--include-lambda-messages'], project, moto);
  assert.equal(messages(both.stdout), ['an hour ago']);
});

flags('logs -f follows from 10 minutes back; with --num-entries it stops after that many', ({ moto, project }) => {
  const result = chalice(['logs', '-f', '--num-entries', '1'], project, moto);
  assert.is(result.status, 0, result.stderr);
  assert.equal(messages(result.stdout), ['a minute ago']);
});

flags('logs --num-entries must be a whole number of 1 or more', ({ moto, project }) => {
  for (const bad of ['0', 'ten', '1.5']) {
    const result = chalice(['logs', '--num-entries', bad], project, moto);
    assert.is(result.status, 2);
    assert.match(result.stderr, /^Error: --num-entries must be a whole number of 1 or more, got .+\n$/);
  }
});

flags("generate-models --stage loads the app with that stage's environment variables", ({ project }) => {
  const paths = (args: string[]) => {
    const result = chalice(['generate-models', ...args], project);
    assert.is(result.status, 0, result.stderr);
    return Object.keys((JSON.parse(result.stdout) as { paths: object }).paths);
  };
  assert.equal(paths([]), ['/']);
  assert.equal(paths(['--stage', 'prod']), ['/', '/admin']);
});

flags('generate-pipeline -i / --codebuild-image sets the CodeBuildImage default', ({ project }) => {
  for (const flag of ['-i', '--codebuild-image']) {
    const file = join(project, `pipeline${flag}.json`);
    const result = chalice(['generate-pipeline', flag, 'aws/codebuild/standard:7.0', file], project);
    assert.is(result.status, 0, result.stderr);
    const template = JSON.parse(readFileSync(file, 'utf8')) as { Parameters: { CodeBuildImage: { Default: string } } };
    assert.is(template.Parameters.CodeBuildImage.Default, 'aws/codebuild/standard:7.0');
  }
});

flags.run();
