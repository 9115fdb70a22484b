import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { appNameProblem, ConfigError, MAX_APP_NAME, unknownFunctionWarnings, validateConfig } from '../src/index.ts';

const FILE = '.chalice/config.json';

const fails = (raw: unknown, keyPath: string, pattern: RegExp) => {
  try {
    validateConfig(raw, FILE);
  } catch (error) {
    assert.instance(error, ConfigError);
    assert.is((error as ConfigError).keyPath, keyPath);
    assert.is((error as ConfigError).file, FILE);
    assert.ok((error as Error).message.startsWith(`${FILE}: ${keyPath}`), (error as Error).message);
    assert.match((error as Error).message, pattern);
    return;
  }
  assert.unreachable(`expected a ConfigError at ${keyPath}`);
};

test('a full, valid config passes with no warnings', () => {
  const raw = {
    version: '2.0',
    app_name: 'app',
    api_gateway_stage: 'api',
    api_gateway_endpoint_type: 'PRIVATE',
    api_gateway_endpoint_vpce: ['vpce-1'],
    minimum_compression_size: 1024,
    environment_variables: { A: 'b' },
    tags: { team: 'x' },
    lambda_functions: { foo: { lambda_timeout: 120, layers: ['arn:layer'], subnet_ids: ['sn-1'], security_group_ids: ['sg-1'] } },
    stages: {
      dev: { autogen_policy: true, api_gateway_stage: 'dev', lambda_functions: { api_handler: { lambda_memory_size: 512 } } },
      beta: { autogen_policy: false, iam_policy_file: 'beta-app-policy.json' },
      prod: { manage_iam_role: false, iam_role_arn: 'arn:aws:iam::1:role/prod-role', reserved_concurrency: 0, lambda_runtime: 'nodejs22.x' },
    },
  };
  const { data, warnings, file } = validateConfig(raw, FILE);
  assert.is(data, raw);
  assert.equal(warnings, []);
  assert.is(file, FILE);
});

test('wrong types and values name the key path', () => {
  fails([], '', /must hold a JSON object/);
  fails({}, 'app_name', /must be made of letters, digits/);
  fails({ app_name: 'bad name' }, 'app_name', /got "bad name"/);
  fails({ app_name: 'a', lambda_timeout: '60' }, 'lambda_timeout', /must be an integer from 1 to 900, got "60"/);
  fails({ app_name: 'a', stages: { dev: { lambda_timeout: 901 } } }, 'stages.dev.lambda_timeout', /got 901/);
  fails({ app_name: 'a', stages: { dev: { lambda_functions: { foo: { lambda_memory_size: 64 } } } } }, 'stages.dev.lambda_functions.foo.lambda_memory_size', /from 128 to 10240/);
  fails({ app_name: 'a', environment_variables: { N: 1 } }, 'environment_variables', /values are all strings/);
  fails({ app_name: 'a', tags: ['x'] }, 'tags', /values are all strings/);
  fails({ app_name: 'a', layers: 'arn' }, 'layers', /list of strings/);
  fails({ app_name: 'a', autogen_policy: 'yes' }, 'autogen_policy', /true or false/);
  fails({ app_name: 'a', api_gateway_endpoint_type: 'GLOBAL' }, 'api_gateway_endpoint_type', /one of EDGE, REGIONAL, PRIVATE/);
  fails({ app_name: 'a', lambda_runtime: 'python3.12' }, 'lambda_runtime', /Node.js runtime/);
  fails({ app_name: 'a', stages: [] }, 'stages', /object of stage names/);
  fails({ app_name: 'a', stages: { dev: 3 } }, 'stages.dev', /object of settings/);
  fails({ app_name: 'a', lambda_functions: { foo: true } }, 'lambda_functions.foo', /object of settings/);
});

test('a stage-only key set per function is an error', () => {
  fails({ app_name: 'a', lambda_functions: { foo: { api_gateway_stage: 'x' } } }, 'lambda_functions.foo.api_gateway_stage', /cannot be set per function/);
});

test('unknown keys are warnings naming the file and path', () => {
  const { warnings } = validateConfig({ app_name: 'a', lambda_timout: 3, stages: { dev: { colour: 'red' } }, version: '1.0' }, FILE);
  assert.equal(warnings, [
    `${FILE}: version "1.0" is not "2.0"; reading it as 2.0`,
    `${FILE}: unknown key lambda_timout is ignored`,
    `${FILE}: unknown key stages.dev.colour is ignored`,
  ]);
});

test('a __proto__ key anywhere is refused by its path; other Object.prototype names are ordinary unknown keys', () => {
  fails(JSON.parse('{"app_name": "a", "__proto__": {"lambda_timeout": 5}}'), '__proto__', /is not allowed as a key/);
  fails(JSON.parse('{"app_name": "a", "stages": {"dev": {"tags": {"__proto__": "x"}}}}'), 'stages.dev.tags.__proto__', /is not allowed as a key/);
  fails(JSON.parse('{"app_name": "a", "layers": [{"__proto__": 1}]}'), 'layers[0].__proto__', /is not allowed as a key/);
  const { warnings } = validateConfig({ app_name: 'a', constructor: 1, stages: { dev: { toString: 2 } } }, FILE);
  assert.equal(warnings, [`${FILE}: unknown key constructor is ignored`, `${FILE}: unknown key stages.dev.toString is ignored`]);
  assert.is(({} as Record<string, unknown>).lambda_timeout, undefined, 'Object.prototype untouched');
});

test('null means not set, at every level', () => {
  const raw = {
    app_name: 'a',
    version: null,
    lambda_timeout: null,
    lambda_functions: { foo: null, bar: { tags: null } },
    stages: { dev: null, prod: { api_gateway_stage: null, lambda_functions: null } },
  };
  assert.equal(validateConfig(raw, FILE).warnings, []);
  assert.equal(validateConfig({ app_name: 'a', stages: null, lambda_functions: null }, FILE).warnings, []);
  fails({ app_name: null }, 'app_name', /got null/);
});

test("API Gateway's stage-name rule and policy files inside .chalice/", () => {
  fails({ app_name: 'a', api_gateway_stage: 'my stage' }, 'api_gateway_stage', /1 to 128 letters, digits, "-" or "_" \(API Gateway's rule for stage names\), got "my stage"/);
  fails({ app_name: 'a', stages: { dev: { api_gateway_stage: 'x'.repeat(129) } } }, 'stages.dev.api_gateway_stage', /1 to 128/);
  fails({ app_name: 'a', stages: { dev: { iam_policy_file: '/etc/p.json' } } }, 'stages.dev.iam_policy_file', /must be a file name relative to \.chalice\/, got "\/etc\/p\.json"/);
  fails({ app_name: 'a', lambda_functions: { f: { iam_policy_file: '/p.json' } } }, 'lambda_functions.f.iam_policy_file', /relative to \.chalice/);
  fails({ app_name: 'a', api_gateway_policy_file: '/p.json' }, 'api_gateway_policy_file', /relative to \.chalice/);
  assert.equal(validateConfig({ app_name: 'a', api_gateway_stage: 'v1_beta-2', iam_policy_file: 'policies/p.json' }, FILE).warnings, []);
});

test('app names: what Lambda names can hold, short enough for "<app>-<stage>"', () => {
  assert.is(appNameProblem('a'.repeat(MAX_APP_NAME)), null);
  assert.match(appNameProblem('a'.repeat(MAX_APP_NAME + 1))!, /at most 62 characters/);
  assert.match(appNameProblem('my app')!, /letters, digits/);
  fails({ app_name: 'a'.repeat(300) }, 'app_name', /at most 62 characters/);
});

test('lambda_functions entries that name no function of the app are warnings naming the file', () => {
  const config = validateConfig({ app_name: 'a', lambda_functions: { api_handler: {}, every_hr: {} }, stages: { dev: { lambda_functions: { nope: {} } }, prod: null } }, FILE);
  assert.equal(unknownFunctionWarnings(config, ['api_handler', 'every_hour']), [
    `${FILE}: lambda_functions.every_hr names no function of the app; its settings apply to nothing`,
    `${FILE}: stages.dev.lambda_functions.nope names no function of the app; its settings apply to nothing`,
  ]);
  assert.equal(unknownFunctionWarnings(config, ['api_handler', 'every_hr', 'nope']), []);
});

test.run();
