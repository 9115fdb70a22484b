import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DeployedStateError, emptyState, getRecorded, readState, removeRecorded, removeStateFile, setRecorded, statePath, writeState } from '../src/state.ts';

const temp = mkdtempSync(join(tmpdir(), 'chalice-state-'));
let projects = 0;
const project = () => join(temp, `p${++projects}`);
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:demo-dev';

function writeRaw(dir: string, text: string): string {
  const file = statePath(dir, 'dev');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

test('a stage never deployed reads as an empty state', () => {
  assert.equal(readState(project(), 'dev'), { schema_version: '2.0', backend: 'api', resources: [] });
});

test("the Python original's file reads unchanged, unknown fields kept", () => {
  const dir = project();
  writeRaw(
    dir,
    JSON.stringify({
      schema_version: '2.0',
      resources: [
        { role_name: 'myapp-dev', role_arn: 'arn:aws:iam::123:role/myapp-dev', name: 'default-role', resource_type: 'iam_role' },
        { name: 'rest_api', rest_api_id: 'abcd', rest_api_url: 'https://abcd.execute-api.us-west-2.amazonaws.com/api', resource_type: 'rest_api', extra: 1 },
      ],
      backend: 'api',
    }),
  );
  const state = readState(dir, 'dev');
  assert.is(getRecorded(state, 'default-role', 'iam_role')?.role_arn, 'arn:aws:iam::123:role/myapp-dev');
  assert.is((getRecorded(state, 'rest_api') as unknown as { extra: number }).extra, 1);
});

test("a schedule recorded as scheduled_event (by earlier versions of this deployer) reads as the original's cloudwatch_event", () => {
  const dir = project();
  writeRaw(dir, JSON.stringify({ schema_version: '2.0', resources: [{ name: 'tick-event', resource_type: 'scheduled_event', rule_name: 'demo-dev-tick-event' }] }));
  assert.equal(readState(dir, 'dev').resources, [{ name: 'tick-event', resource_type: 'cloudwatch_event', rule_name: 'demo-dev-tick-event' }]);
});

test('without deployed/<stage>.json, the stage of a pre-1.2 .chalice/deployed.json is read, converted as the original converts it', () => {
  const dir = project();
  mkdirSync(join(dir, '.chalice'), { recursive: true });
  writeFileSync(
    join(dir, '.chalice', 'deployed.json'),
    JSON.stringify({
      dev: {
        region: 'us-west-2',
        api_handler_name: 'myapp-dev',
        api_handler_arn: 'arn:aws:lambda:us-west-2:123:function:myapp-dev',
        rest_api_id: 'abcd',
        lambda_functions: { 'myapp-dev-foo': { type: 'pure_lambda', arn: 'arn:aws:lambda:us-west-2:123:function:myapp-dev-foo' } },
        chalice_version: '1.1.1',
        api_gateway_stage: 'api',
        backend: 'api',
      },
      // 0.10.0's shape: function name to ARN.
      prod: {
        region: 'us-west-2',
        api_handler_name: 'myapp-prod',
        api_handler_arn: 'arn:p',
        rest_api_id: 'efgh',
        api_gateway_stage: 'v1',
        lambda_functions: { 'myapp-prod-auth': 'arn:auth' },
      },
    }),
  );
  assert.equal(readState(dir, 'dev').resources, [
    { name: 'foo', resource_type: 'lambda_function', lambda_arn: 'arn:aws:lambda:us-west-2:123:function:myapp-dev-foo' },
    { name: 'api_handler', resource_type: 'lambda_function', lambda_arn: 'arn:aws:lambda:us-west-2:123:function:myapp-dev' },
    { name: 'rest_api', resource_type: 'rest_api', rest_api_id: 'abcd', rest_api_url: 'https://abcd.execute-api.us-west-2.amazonaws.com/api/' },
  ]);
  assert.equal(
    readState(dir, 'prod').resources.map((r) => r.name),
    ['auth', 'api_handler', 'rest_api'],
  );
  assert.equal(readState(dir, 'beta').resources, [], 'a stage it does not have');
  writeState(dir, 'dev', emptyState());
  assert.equal(readState(dir, 'dev').resources, [], 'deployed/<stage>.json wins once written');
});

test('corrupt JSON and a wrong schema are errors with a code, naming the file', () => {
  const dir = project();
  const file = writeRaw(dir, '{"schema_version": "2.0", ');
  const error = (() => {
    try {
      readState(dir, 'dev');
    } catch (e) {
      return e as DeployedStateError;
    }
  })();
  assert.instance(error, DeployedStateError);
  assert.is(error!.code, 'DEPLOYED_STATE_INVALID');
  assert.ok(error!.message.includes(file), error!.message);
  writeRaw(dir, JSON.stringify({ schema_version: '1.0', resources: [] }));
  assert.throws(
    () => readState(dir, 'dev'),
    (e: Error) => e instanceof DeployedStateError && /schema_version "1.0"/.test(e.message),
  );
  writeRaw(dir, JSON.stringify({ schema_version: '2.0', resources: [{ name: 'x', resource_type: 'spaceship' }] }));
  assert.throws(() => readState(dir, 'dev'), /resources\[0\]/);
  writeRaw(dir, '[]');
  assert.throws(() => readState(dir, 'dev'), /not a JSON object/);
});

test('writes are atomic, in a stable key order, and round-trip', () => {
  const dir = project();
  const state = setRecorded(emptyState(), { lambda_arn: ARN, resource_type: 'lambda_function', name: 'api_handler' } as never);
  writeState(dir, 'dev', state);
  const text = readFileSync(statePath(dir, 'dev'), 'utf8');
  assert.is(
    text,
    `{
  "schema_version": "2.0",
  "backend": "api",
  "resources": [
    {
      "name": "api_handler",
      "resource_type": "lambda_function",
      "lambda_arn": "${ARN}"
    }
  ]
}
`,
  );
  assert.equal(readdirSync(dirname(statePath(dir, 'dev'))), ['dev.json'], 'no temporary file left');
  assert.equal(readState(dir, 'dev'), state);
  removeStateFile(dir, 'dev');
  removeStateFile(dir, 'dev');
  assert.equal(readState(dir, 'dev'), emptyState());
});

test('set replaces in place, get checks the type, remove drops by name', () => {
  let state = setRecorded(emptyState(), { name: 'default-role', resource_type: 'iam_role', role_name: 'r', role_arn: 'a1' });
  state = setRecorded(state, { name: 'api_handler', resource_type: 'lambda_function', lambda_arn: ARN });
  const before = state;
  state = setRecorded(state, { name: 'default-role', resource_type: 'iam_role', role_name: 'r', role_arn: 'a2' });
  assert.equal(
    state.resources.map((r) => r.name),
    ['default-role', 'api_handler'],
  );
  assert.is(getRecorded(before, 'default-role', 'iam_role')?.role_arn, 'a1', 'the old state is not changed');
  assert.is(getRecorded(state, 'default-role', 'iam_role')?.role_arn, 'a2');
  assert.is(getRecorded(state, 'default-role', 'lambda_function'), null);
  assert.is(getRecorded(state, 'nothing'), null);
  assert.equal(
    removeRecorded(state, 'default-role').resources.map((r) => r.name),
    ['api_handler'],
  );
});

test.run();
