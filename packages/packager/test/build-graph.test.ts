import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChaliceConfig, ProjectConfig } from '@chalice/config';
import { Chalice } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppGraphError, buildAppGraph } from '../src/index.ts';
import { getResource, resourcesOfKind } from '../src/graph-query.ts';
import type { AppGraph } from '../src/graph-types.ts';
import { featureApp, featureProject } from './feature-app.ts';

const projectDir = featureProject('chalice-graph-');

function config(data: Partial<ChaliceConfig> = {}): ProjectConfig {
  return { file: '.chalice/config.json', warnings: [], data: { app_name: 'demo', ...data } };
}

const build = (app: Chalice, data?: Partial<ChaliceConfig>, stage = 'dev') => buildAppGraph(app, config(data), stage, { projectDir, nodeVersion: 'v22.3.0' });
const names = (graph: AppGraph) => graph.resources.map((r) => `${r.kind}:${r.resourceName}`);

test('every handler becomes its resources, each after what it depends on', () => {
  const { graph, warnings } = build(featureApp());
  assert.equal(warnings, []);
  assert.equal(names(graph), [
    'deploymentPackage:deployment_package',
    'managedIamRole:default-role',
    'lambdaFunction:every_hour',
    'scheduledEvent:every_hour-event',
    'lambdaFunction:weekday_evenings',
    'scheduledEvent:weekday_evenings-event',
    'lambdaFunction:on_commit',
    'cloudWatchEvent:on_commit-event',
    'lambdaFunction:on_image',
    's3BucketNotification:on_image-s3event',
    'lambdaFunction:on_removed',
    's3BucketNotification:on_removed-s3event',
    'lambdaFunction:on_log',
    's3BucketNotification:on_log-s3event',
    'lambdaFunction:on_alert',
    'snsSubscription:on_alert-sns-subscription',
    'lambdaFunction:on_remote_alert',
    'snsSubscription:on_remote_alert-sns-subscription',
    'lambdaFunction:on_job',
    'sqsEventSource:on_job-sqs-event-source',
    'lambdaFunction:pure',
    'lambdaFunction:api_handler',
    'lambdaFunction:demo_auth',
    'restApi:rest_api',
    'lambdaFunction:websocket_connect',
    'lambdaFunction:websocket_message',
    'lambdaFunction:websocket_disconnect',
    'websocketApi:websocket_api',
  ]);
  const seen = new Set<string>();
  for (const resource of graph.resources) {
    for (const dependency of resource.dependsOn) assert.ok(seen.has(dependency), `${resource.resourceName} needs ${dependency} first`);
    seen.add(resource.resourceName);
  }
  assert.equal(JSON.parse(JSON.stringify(graph)), graph, 'plain JSON data');
});

test('function names, handlers, tags and defaults follow the seed', () => {
  const { graph } = build(featureApp());
  const api = getResource(graph, 'api_handler', 'lambdaFunction');
  assert.is(api.functionName, 'demo-dev');
  assert.is(api.handler, 'app.api_handler');
  assert.is(api.purpose, 'api');
  assert.is(api.runtime, 'nodejs22.x');
  assert.is(api.memorySize, 128);
  assert.is(api.timeout, 60);
  assert.match(api.tags['aws-chalice']!, /^version=\d+\.\d+\.\d+:stage=dev:app=demo$/);
  const hourly = getResource(graph, 'every_hour', 'lambdaFunction');
  assert.is(hourly.functionName, 'demo-dev-every_hour');
  assert.is(hourly.handler, 'app.every_hour');
  assert.is(getResource(graph, 'demo_auth', 'lambdaFunction').purpose, 'authorizer');
  const rule = getResource(graph, 'every_hour-event', 'scheduledEvent');
  assert.equal([rule.ruleName, rule.scheduleExpression, rule.lambdaFunction], ['demo-dev-every_hour-event', 'rate(1 hour)', 'every_hour']);
  const sqs = getResource(graph, 'on_job-sqs-event-source', 'sqsEventSource');
  assert.equal([sqs.queue, sqs.batchSize], ['jobs', 5]);
  const s3 = getResource(graph, 'on_image-s3event', 's3BucketNotification');
  assert.equal([s3.bucket, s3.events, s3.prefix, s3.suffix], ['uploads', ['s3:ObjectCreated:*'], 'images/', '.jpg'], 'the default events');
  const removed = getResource(graph, 'on_removed-s3event', 's3BucketNotification');
  assert.equal([removed.bucket, removed.events, removed.prefix, removed.suffix], ['uploads', ['s3:ObjectRemoved:*'], null, null]);
  const restApi = getResource(graph, 'rest_api', 'restApi');
  assert.equal([restApi.name, restApi.apiGatewayStage, restApi.endpointType, restApi.authorizers], ['demo', 'api', 'EDGE', ['demo_auth']]);
  assert.is(restApi.routes.length, 11, 'one per route and method');
  const role = getResource(graph, 'default-role', 'managedIamRole');
  assert.is(role.roleName, 'demo-dev');
  assert.is(role.policy.source, 'autogen');
});

test('per-function settings in the stage win, and env and tags merge', () => {
  const { graph } = build(
    featureApp(),
    {
      environment_variables: { A: 'top', B: 'top' },
      tags: { team: 'web' },
      lambda_memory_size: 256,
      stages: {
        prod: {
          environment_variables: { B: 'stage' },
          lambda_functions: { every_hour: { lambda_timeout: 300, reserved_concurrency: 2, layers: ['arn:aws:lambda:us-east-1:1:layer:x:1'] } },
        },
      },
      lambda_functions: { every_hour: { lambda_memory_size: 512, tags: { owner: 'ops' } } },
    },
    'prod',
  );
  const fn = getResource(graph, 'every_hour', 'lambdaFunction');
  assert.is(fn.functionName, 'demo-prod-every_hour');
  assert.is(fn.memorySize, 512);
  assert.is(fn.timeout, 300);
  assert.is(fn.reservedConcurrency, 2);
  assert.equal(fn.layers, ['arn:aws:lambda:us-east-1:1:layer:x:1']);
  assert.equal(fn.environmentVariables, { A: 'top', B: 'stage' });
  assert.is(fn.tags.owner, 'ops');
  assert.is(fn.tags.team, 'web');
  assert.is(getResource(graph, 'api_handler', 'lambdaFunction').memorySize, 256);
});

test('roles: shared autogen role, a role per policy file, pre-created roles by ARN', () => {
  writeFileSync(
    join(projectDir, '.chalice', 'policy-dev.json'),
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }),
  );
  const arn = 'arn:aws:iam::123456789012:role/mine';
  const { graph } = build(featureApp(), {
    lambda_functions: {
      every_hour: { autogen_policy: false },
      on_job: { manage_iam_role: false, iam_role_arn: arn },
      on_alert: { manage_iam_role: false, iam_role_arn: arn },
    },
  });
  const fileRole = getResource(graph, 'every_hour_role', 'managedIamRole');
  assert.is(fileRole.roleName, 'demo-dev-every_hour');
  assert.equal(fileRole.policy.source === 'file' && fileRole.policy.filename, join('.chalice', 'policy-dev.json'));
  assert.equal(fileRole.policy.document.Statement, [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
  const preCreated = resourcesOfKind(graph, 'preCreatedIamRole');
  assert.is(preCreated.length, 1, 'one entry per ARN');
  assert.is(preCreated[0]!.roleArn, arn);
  assert.is(getResource(graph, 'on_job', 'lambdaFunction').role, preCreated[0]!.resourceName);
  assert.is(getResource(graph, 'on_alert', 'lambdaFunction').role, preCreated[0]!.resourceName);
  assert.is(getResource(graph, 'pure', 'lambdaFunction').role, 'default-role');
});

test('a VPC function adds the network-interface statement to the shared role', () => {
  const { graph } = build(featureApp(), { lambda_functions: { on_job: { subnet_ids: ['subnet-1'], security_group_ids: ['sg-1'] } } });
  const role = getResource(graph, 'default-role', 'managedIamRole');
  assert.ok(role.policy.source === 'autogen' && role.policy.vpcNeeded);
  assert.ok(JSON.stringify(role.policy.document).includes('ec2:CreateNetworkInterface'));
  assert.equal(getResource(graph, 'on_job', 'lambdaFunction').subnetIds, ['subnet-1']);
});

test("source maps turn on NODE_OPTIONS, appending to the user's", () => {
  const { graph } = buildAppGraph(featureApp(), config({ lambda_functions: { pure: { environment_variables: { NODE_OPTIONS: '--max-old-space-size=100' } } } }), 'dev', {
    projectDir,
    sourceMap: true,
    nodeVersion: 'v22.0.0',
  });
  assert.is(getResource(graph, 'api_handler', 'lambdaFunction').environmentVariables.NODE_OPTIONS, '--enable-source-maps');
  assert.is(getResource(graph, 'pure', 'lambdaFunction').environmentVariables.NODE_OPTIONS, '--max-old-space-size=100 --enable-source-maps');
});

test('websocket handlers make the websocket API', () => {
  const app = new Chalice({ appName: 'chat' });
  app.experimentalFeatureFlags.add('WEBSOCKETS');
  app.onWsConnect(() => {});
  app.onWsMessage(() => {});
  const { graph } = buildAppGraph(app, config({ app_name: 'chat' }), 'dev', { projectDir, nodeVersion: 'v22.0.0' });
  const ws = getResource(graph, 'websocket_api', 'websocketApi');
  assert.equal(ws.name, 'chat-dev-websocket-api');
  assert.equal([ws.connectFunction, ws.messageFunction, ws.disconnectFunction], ['websocket_connect', 'websocket_message', null]);
  assert.equal(ws.routes, ['$connect', '$default']);
  assert.is(getResource(graph, 'websocket_connect', 'lambdaFunction').functionName, 'chat-dev-websocket_connect');
  assert.is(resourcesOfKind(graph, 'restApi').length, 0);
});

test('a PRIVATE endpoint gets the VPC endpoint policy; its rules are checked', () => {
  const { graph } = build(featureApp(), { api_gateway_endpoint_type: 'PRIVATE', api_gateway_endpoint_vpce: 'vpce-1' });
  const api = getResource(graph, 'rest_api', 'restApi');
  assert.equal(api.vpceIds, ['vpce-1']);
  assert.ok(JSON.stringify(api.policy).includes('vpce-1'));
  assert.throws(() => build(featureApp(), { api_gateway_endpoint_type: 'PRIVATE' }), /PRIVATE endpoint needs api_gateway_endpoint_vpce or api_gateway_policy_file/);
  assert.throws(() => build(featureApp(), { api_gateway_endpoint_vpce: 'vpce-1' }), /api_gateway_endpoint_vpce is only for api_gateway_endpoint_type PRIVATE/);
  assert.throws(() => build(featureApp(), { api_gateway_endpoint_type: 'REGIONAL', api_gateway_policy_file: 'missing.json' }), /\.chalice\/missing\.json not found/);
});

test('mistakes are AppGraphErrors that say what to change', () => {
  const cases: Array<[Partial<ChaliceConfig>, RegExp]> = [
    [{ lambda_functions: { pure: { subnet_ids: ['subnet-1'] } } }, /Function "pure" in stage "dev": a VPC needs both subnet_ids and security_group_ids/],
    [{ lambda_functions: { pure: { autogen_policy: false, iam_policy_file: 'nope.json' } } }, /\.chalice\/nope\.json not found: function "pure" has autogen_policy false/],
    [{ environment_variables: { BIG: 'x'.repeat(5000) } }, /environment_variables of function "every_hour" take 5003 bytes; Lambda allows 4096/],
    [{ app_name: 'a'.repeat(60) }, /"a{60}-dev-every_hour" is 75 characters; Lambda allows 64/],
  ];
  for (const [data, message] of cases) {
    try {
      build(featureApp(), data);
      assert.unreachable(`no error for ${JSON.stringify(data)}`);
    } catch (error) {
      assert.instance(error, AppGraphError);
      assert.match((error as Error).message, message);
    }
  }
  writeFileSync(join(projectDir, '.chalice', 'bad.json'), '{"Version": ');
  assert.throws(() => build(featureApp(), { lambda_functions: { pure: { autogen_policy: false, iam_policy_file: 'bad.json' } } }), /\.chalice\/bad\.json is not valid JSON/);
});

test('the runtime follows the local Node.js version, with a warning when not exact', () => {
  const { graph, warnings } = buildAppGraph(featureApp(), config(), 'dev', { projectDir, nodeVersion: 'v20.19.0' });
  assert.is(getResource(graph, 'api_handler', 'lambdaFunction').runtime, 'nodejs22.x');
  assert.is(warnings.length, 1);
  const configured = build(featureApp(), { lambda_runtime: 'nodejs24.x' });
  assert.is(getResource(configured.graph, 'pure', 'lambdaFunction').runtime, 'nodejs24.x');
});

test.after(() => rmSync(projectDir, { recursive: true, force: true }));
test.run();
