import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, functionConfig, stageSettings, validateConfig } from '../src/index.ts';

const load = (raw: unknown) => validateConfig(raw, '.chalice/config.json');

test('defaults', () => {
  const config = load({ app_name: 'app' });
  assert.equal(stageSettings(config), {
    stage: 'dev',
    appName: 'app',
    apiGatewayStage: 'api',
    apiGatewayEndpointType: 'EDGE',
    apiGatewayEndpointVpce: [],
    apiGatewayPolicyFile: null,
    minimumCompressionSize: null,
  });
  assert.equal(functionConfig(config, 'dev', 'api_handler'), {
    stage: 'dev',
    functionName: 'api_handler',
    autogenPolicy: true,
    environmentVariables: {},
    iamPolicyFile: 'policy-dev.json',
    iamRoleArn: null,
    lambdaMemorySize: 128,
    lambdaTimeout: 60,
    lambdaRuntime: null,
    layers: [],
    manageIamRole: true,
    reservedConcurrency: null,
    securityGroupIds: [],
    subnetIds: [],
    tags: {},
  });
});

test('seed example: the stage value wins over the top level (api_gateway_stage)', () => {
  const config = load({ app_name: 'app', api_gateway_stage: 'api', stages: { dev: {}, beta: {}, prod: { api_gateway_stage: 'prod' } } });
  assert.is(stageSettings(config, 'dev').apiGatewayStage, 'api');
  assert.is(stageSettings(config, 'beta').apiGatewayStage, 'api');
  assert.is(stageSettings(config, 'prod').apiGatewayStage, 'prod');
  assert.is(stageSettings(config, 'unlisted').apiGatewayStage, 'api', 'a stage not in the file uses the top level');
});

test('seed example: environment variables merge, the stage winning a clash', () => {
  const config = load({
    app_name: 'app',
    environment_variables: { SHARED_CONFIG: 'foo', OTHER_CONFIG: 'from-top' },
    stages: {
      dev: { environment_variables: { TABLE_NAME: 'dev-table', OTHER_CONFIG: 'dev-value' } },
      prod: { environment_variables: { TABLE_NAME: 'prod-table', OTHER_CONFIG: 'prod-value' } },
    },
  });
  assert.equal(functionConfig(config, 'dev', 'api_handler').environmentVariables, { SHARED_CONFIG: 'foo', OTHER_CONFIG: 'dev-value', TABLE_NAME: 'dev-table' });
  assert.equal(functionConfig(config, 'prod', 'api_handler').environmentVariables, { SHARED_CONFIG: 'foo', OTHER_CONFIG: 'prod-value', TABLE_NAME: 'prod-table' });
});

test('seed per-lambda example: per-function settings, merged env vars, an external role', () => {
  const config = load({
    version: '2.0',
    app_name: 'demo',
    stages: {
      dev: {
        environment_variables: { OWNER: 'dev-team' },
        api_gateway_stage: 'api',
        lambda_functions: {
          foo: { subnet_ids: ['sn-1', 'sn-2'], security_group_ids: ['sg-10', 'sg-11'], layers: ['layer-arn-1', 'layer-arn-2'] },
          bar: { manage_iam_role: false, iam_role_arn: 'arn:aws:iam::my-role-name', environment_variables: { TABLE_NAME: 'mytable' } },
        },
      },
    },
  });
  const foo = functionConfig(config, 'dev', 'foo');
  assert.equal(foo.environmentVariables, { OWNER: 'dev-team' });
  assert.equal(
    [foo.subnetIds, foo.securityGroupIds, foo.layers],
    [
      ['sn-1', 'sn-2'],
      ['sg-10', 'sg-11'],
      ['layer-arn-1', 'layer-arn-2'],
    ],
  );
  assert.is(foo.manageIamRole, true);
  const bar = functionConfig(config, 'dev', 'bar');
  assert.equal(bar.environmentVariables, { OWNER: 'dev-team', TABLE_NAME: 'mytable' });
  assert.is(bar.manageIamRole, false);
  assert.is(bar.iamRoleArn, 'arn:aws:iam::my-role-name');
});

test('precedence: function in stage > stage > function at top level > top level', () => {
  const config = load({
    app_name: 'app',
    lambda_timeout: 10,
    lambda_functions: { foo: { lambda_timeout: 20, lambda_memory_size: 256, tags: { level: 'top-fn', a: '1' } } },
    tags: { level: 'top', b: '2' },
    stages: {
      dev: { lambda_timeout: 30, tags: { level: 'stage', c: '3' }, lambda_functions: { foo: { lambda_timeout: 40, tags: { level: 'stage-fn' } } } },
      beta: { lambda_timeout: 30 },
    },
  });
  assert.is(functionConfig(config, 'dev', 'foo').lambdaTimeout, 40);
  assert.is(functionConfig(config, 'dev', 'bar').lambdaTimeout, 30);
  assert.is(functionConfig(config, 'beta', 'foo').lambdaTimeout, 30, 'the stage beats the top-level function entry');
  assert.is(functionConfig(config, 'beta', 'foo').lambdaMemorySize, 256, 'the top-level function entry beats the top level');
  assert.is(functionConfig(config, 'prod', 'bar').lambdaTimeout, 10);
  assert.equal(functionConfig(config, 'dev', 'foo').tags, { level: 'stage-fn', a: '1', b: '2', c: '3' });
  assert.equal(functionConfig(config, 'beta', 'foo').tags, { level: 'top-fn', a: '1', b: '2' });
});

test('manage_iam_role false needs an iam_role_arn', () => {
  const config = load({ app_name: 'app', stages: { prod: { manage_iam_role: false } } });
  assert.throws(
    () => functionConfig(config, 'prod', 'api_handler'),
    (e: Error) => e instanceof ConfigError && /iam_role_arn is required for function "api_handler" in stage "prod"/.test(e.message),
  );
  assert.is(functionConfig(config, 'dev', 'api_handler').manageIamRole, true);
});

test('a single VPC endpoint id becomes a list', () => {
  assert.equal(stageSettings(load({ app_name: 'a', api_gateway_endpoint_vpce: 'vpce-1' })).apiGatewayEndpointVpce, ['vpce-1']);
});

test('null at any level falls through to the next, and to the default', () => {
  const config = load({
    app_name: 'app',
    lambda_timeout: 30,
    lambda_memory_size: null,
    tags: { team: 'x' },
    lambda_functions: { foo: { lambda_timeout: null, tags: null } },
    stages: { dev: { lambda_timeout: null, api_gateway_stage: null, lambda_functions: { foo: null } }, prod: null },
  });
  const foo = functionConfig(config, 'dev', 'foo');
  assert.is(foo.lambdaTimeout, 30);
  assert.is(foo.lambdaMemorySize, 128);
  assert.equal(foo.tags, { team: 'x' });
  assert.is(stageSettings(config, 'dev').apiGatewayStage, 'api');
  assert.is(functionConfig(config, 'prod', 'foo').lambdaTimeout, 30);
});

test.run();
