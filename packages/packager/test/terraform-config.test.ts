import { rmSync } from 'node:fs';
import { terraformAvailable, terraformValidate, TF_PLUGIN_DIR } from '@chalice/fixtures';
import { Chalice } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppGraphError } from '../src/index.ts';
import { terraformConfig, type TerraformJson } from '../src/terraform-config.ts';
import { featureApp, featureGraph, featureProject, featureStage, LAYER, ROLE_ARN, TOPIC_ARN, type StageConfig, websocketApp, WEBSOCKET_OUTPUTS } from './feature-app.ts';

// The pure function's policy has a policy variable: Terraform would evaluate it unless it is escaped.
const projectDir = featureProject('chalice-tf-');

const ZIP = '${path.module}/deployment.zip';

/** The feature app with every route under the app-wide CORS setting but those that opt out. */
const tfApp = () => featureApp({ globalCors: true });

function emit(app: Chalice = tfApp(), stage: StageConfig = featureStage): TerraformJson {
  return terraformConfig(featureGraph(projectDir, app, stage), { zipPath: ZIP });
}

type Block = Record<string, any>;
const block = (tf: TerraformJson, type: string, name: string): Block => {
  const found = (tf.resource[type] as Record<string, Block> | undefined)?.[name];
  assert.ok(found, `${type}.${name} is in the configuration`);
  return found;
};

// What each resource type must be given: the provider's required arguments (AWS provider 5.x
// and 6.x), plus what a zip-packaged function, a named rule, an invocation and a routed
// integration need to do anything.
const REQUIRED: Record<string, string[]> = {
  aws_iam_role: ['assume_role_policy'],
  aws_iam_role_policy: ['policy', 'role'],
  aws_lambda_function: ['function_name', 'role', 'handler', 'runtime', 'filename', 'source_code_hash'],
  aws_lambda_permission: ['action', 'function_name', 'principal', 'source_arn'],
  aws_api_gateway_rest_api: ['name', 'body'],
  aws_api_gateway_deployment: ['rest_api_id', 'triggers'],
  aws_api_gateway_stage: ['deployment_id', 'rest_api_id', 'stage_name'],
  aws_cloudwatch_event_rule: ['name'],
  aws_cloudwatch_event_target: ['arn', 'rule'],
  aws_s3_bucket_notification: ['bucket', 'lambda_function'],
  aws_sns_topic_subscription: ['endpoint', 'protocol', 'topic_arn'],
  aws_lambda_event_source_mapping: ['function_name', 'event_source_arn'],
  aws_apigatewayv2_api: ['name', 'protocol_type', 'route_selection_expression'],
  aws_apigatewayv2_integration: ['api_id', 'integration_type', 'integration_uri'],
  aws_apigatewayv2_route: ['api_id', 'route_key', 'target'],
  aws_apigatewayv2_deployment: ['api_id'],
  aws_apigatewayv2_stage: ['api_id', 'name', 'deployment_id'],
};

test('the terraform block, the locals and the data sources', () => {
  const tf = emit();
  assert.equal(tf.terraform, {
    required_version: '>= 1.5',
    required_providers: { aws: { source: 'hashicorp/aws', version: '>= 5.0, < 7.0' }, null: { source: 'hashicorp/null', version: '>= 3.0, < 4.0' } },
  });
  assert.equal(tf.locals, { chalice_app: 'demo', chalice_deployment_package: ZIP, chalice_stage: 'dev' });
  // The seed's documented `${data.null_data_source.chalice.outputs.app}` keeps working in .tf files written for it.
  assert.equal(tf.data, {
    aws_caller_identity: { chalice: {} },
    aws_partition: { chalice: {} },
    aws_region: { chalice: {} },
    null_data_source: { chalice: { inputs: { app: 'demo', stage: 'dev' } } },
  });
  assert.equal(Object.keys(tf), ['terraform', 'data', 'locals', 'resource', 'output']);
});

test('every resource type the app needs, each with its required arguments', () => {
  const tf = emit();
  assert.equal(Object.keys(tf.resource), Object.keys(REQUIRED).sort());
  for (const [type, blocks] of Object.entries(tf.resource)) {
    for (const [name, body] of Object.entries(blocks as Record<string, Block>)) {
      for (const argument of REQUIRED[type]!) {
        const value = body[argument];
        assert.ok(value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0), `${type}.${name} has ${argument}`);
      }
    }
  }
  const names = (type: string) => Object.keys(tf.resource[type] as object);
  assert.equal(names('aws_lambda_function'), [
    'api_handler',
    'demo_auth',
    'every_hour',
    'on_alert',
    'on_commit',
    'on_image',
    'on_job',
    'on_log',
    'on_remote_alert',
    'on_removed',
    'pure',
    'websocket_connect',
    'websocket_disconnect',
    'websocket_message',
    'weekday_evenings',
  ]);
  assert.equal(names('aws_iam_role'), ['default_role', 'pure_role'], 'no role for the pre-created one');
  assert.equal(names('aws_lambda_permission'), [
    'api_handler_invoke',
    'demo_auth_invoke',
    'every_hour_event',
    'on_alert_sns_subscription',
    'on_commit_event',
    'on_image_s3event',
    'on_log_s3event',
    'on_remote_alert_sns_subscription',
    'on_removed_s3event',
    'websocket_connect_invoke_permission',
    'websocket_disconnect_invoke_permission',
    'websocket_message_invoke_permission',
    'weekday_evenings_event',
  ]);
  assert.equal(names('aws_cloudwatch_event_rule'), ['every_hour_event', 'on_commit_event', 'weekday_evenings_event']);
});

test('resource, output and local names are valid, stable Terraform identifiers', () => {
  const tf = emit();
  const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
  for (const [type, blocks] of Object.entries(tf.resource)) {
    assert.match(type, /^aws_[a-z0-9_]+$/);
    for (const name of Object.keys(blocks)) assert.match(name, identifier, `${type}.${name}`);
  }
  for (const name of [...Object.keys(tf.output!), ...Object.keys(tf.locals)]) assert.match(name, identifier);
});

// Every `${...}` in the output, including those inside JSON-valued strings, and every
// `depends_on` entry, must name something the configuration defines.
function references(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    for (const [, expression] of value.matchAll(/(?<!\$)\$\{([^}]*)\}/g)) {
      for (const [ref] of expression!.matchAll(/\b(?:data\.aws_[a-z0-9_]+|aws_[a-z0-9_]+|local|path)\.[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?/g)) found.push(ref);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) references(v, found);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'depends_on') found.push(...(v as string[]));
      else references(v, found);
    }
  }
  return found;
}

// A reference that names nothing in the configuration.
function dangling(tf: TerraformJson): string[] {
  return references(tf).filter((ref) => {
    const parts = ref.split('.');
    if (parts[0] === 'path') return ref !== 'path.module';
    if (parts[0] === 'local') return !(parts[1]! in tf.locals);
    if (parts[0] === 'data') return !tf.data[parts[1]!]?.[parts[2]!];
    return !(tf.resource[parts[0]!] as Record<string, unknown> | undefined)?.[parts[1]!];
  });
}

test('every reference points at a resource, data source or local that exists', () => {
  const tf = emit();
  const refs = references(tf);
  assert.ok(refs.length > 50, `found ${refs.length} references`);
  assert.equal(dangling(tf), []);
  // The checker must see a reference in a JSON-valued string, and a dangling depends_on.
  const broken = structuredClone(tf);
  (broken.resource.aws_api_gateway_rest_api as Record<string, Block>).rest_api!.body += '${aws_lambda_function.missing.invoke_arn}';
  (broken.resource.aws_s3_bucket_notification as Record<string, Block>).uploads_notify!.depends_on.push('aws_lambda_permission.gone');
  assert.equal(dangling(broken), ['aws_lambda_function.missing.invoke_arn', 'aws_lambda_permission.gone']);
});

test('functions carry their settings, and only the ones set', () => {
  const tf = emit();
  const hourly = block(tf, 'aws_lambda_function', 'every_hour');
  assert.equal(Object.keys(hourly), [
    'function_name',
    'handler',
    'runtime',
    'memory_size',
    'timeout',
    'role',
    'filename',
    'source_code_hash',
    'tags',
    'environment',
    'layers',
    'reserved_concurrent_executions',
  ]);
  assert.is(hourly.function_name, 'demo-dev-every_hour');
  assert.is(hourly.handler, 'app.every_hour');
  assert.is(hourly.runtime, 'nodejs22.x');
  assert.is(hourly.memory_size, 512);
  assert.is(hourly.timeout, 300);
  assert.is(hourly.reserved_concurrent_executions, 0, 'zero is a setting, not an absence');
  assert.equal(hourly.layers, [LAYER]);
  assert.is(hourly.role, '${aws_iam_role.default_role.arn}');
  assert.is(hourly.filename, '${local.chalice_deployment_package}');
  assert.is(hourly.source_code_hash, '${filebase64sha256(local.chalice_deployment_package)}');
  assert.equal(hourly.environment, { variables: { STAGE: 'dev', TEMPLATE: 'literal $${x} and %%{y}' } }, 'literal template characters are escaped');
  assert.is(hourly.tags.team, 'web');
  assert.match(hourly.tags['aws-chalice'], /^version=.+:stage=dev:app=demo$/);

  const api = block(tf, 'aws_lambda_function', 'api_handler');
  assert.is(api.function_name, 'demo-dev');
  assert.not.ok('layers' in api || 'vpc_config' in api || 'reserved_concurrent_executions' in api);
  assert.equal(block(tf, 'aws_lambda_function', 'on_job').vpc_config, {
    subnet_ids: ['subnet-0a1b2c3d', 'subnet-0123456789abcdef0'],
    security_group_ids: ['sg-0123456789abcdef0'],
  });
  assert.is(block(tf, 'aws_lambda_function', 'on_alert').role, ROLE_ARN, 'a pre-created role is used by ARN');
  assert.is(block(tf, 'aws_lambda_function', 'pure').role, '${aws_iam_role.pure_role.arn}');
});

test('functions without environment variables get no environment block', () => {
  const tf = emit(tfApp(), { lambda_functions: {} });
  assert.not.ok('environment' in block(tf, 'aws_lambda_function', 'pure'));
});

test('managed roles: the trust policy, and the policy with policy variables escaped', () => {
  const tf = emit();
  const role = block(tf, 'aws_iam_role', 'pure_role');
  assert.is(role.name, 'demo-dev-pure');
  assert.is(JSON.parse(role.assume_role_policy).Statement[0].Principal.Service, 'lambda.amazonaws.com');
  const policy = block(tf, 'aws_iam_role_policy', 'pure_role');
  assert.is(policy.role, '${aws_iam_role.pure_role.id}');
  assert.is(JSON.parse(policy.policy).Statement[0].Resource, 'arn:aws:s3:::demo-bucket/$${aws:username}/*');
  assert.is(block(tf, 'aws_iam_role', 'default_role').name, 'demo-dev');
});

test('the REST API: OpenAPI body with invoke ARNs, the arguments API Gateway would otherwise reset, deployment, stage, permissions, outputs', () => {
  const tf = emit();
  const api = block(tf, 'aws_api_gateway_rest_api', 'rest_api');
  assert.is(api.name, 'demo');
  assert.equal(api.binary_media_types, JSON.parse(api.body)['x-amazon-apigateway-binary-media-types']);
  assert.ok(api.binary_media_types.includes('image/png'));
  assert.equal(api.endpoint_configuration, { types: ['EDGE'] });
  assert.is(api.minimum_compression_size, '1024');
  assert.not.ok('policy' in api);
  const document = JSON.parse(api.body);
  assert.is(document.openapi, '3.0.1');
  assert.is(document.paths['/items/{id}'].get['x-amazon-apigateway-integration'].uri, '${aws_lambda_function.api_handler.invoke_arn}');
  assert.ok(document.paths['/items/{id}'].options, 'a CORS preflight');
  assert.ok(document.paths['/'].options, 'app.api.cors gives a route without a cors option its preflight');
  assert.not.ok(document.paths['/no-cors'].options);
  const schemes = document.components.securitySchemes;
  assert.is(schemes.demo_auth['x-amazon-apigateway-authorizer'].authorizerUri, '${aws_lambda_function.demo_auth.invoke_arn}');
  assert.ok(schemes.MyPool && schemes.MyCustom && schemes.api_key);

  const deployment = block(tf, 'aws_api_gateway_deployment', 'rest_api');
  assert.equal(deployment, {
    rest_api_id: '${aws_api_gateway_rest_api.rest_api.id}',
    triggers: { redeployment: '${sha1(jsonencode([aws_api_gateway_rest_api.rest_api.body]))}' },
    lifecycle: { create_before_destroy: true },
  });
  assert.not.ok('stage_name' in deployment, 'stage_name on a deployment is deprecated');
  assert.equal(block(tf, 'aws_api_gateway_stage', 'rest_api'), {
    rest_api_id: '${aws_api_gateway_rest_api.rest_api.id}',
    deployment_id: '${aws_api_gateway_deployment.rest_api.id}',
    stage_name: 'api',
  });
  for (const fn of ['api_handler', 'demo_auth']) {
    assert.equal(block(tf, 'aws_lambda_permission', `${fn}_invoke`), {
      function_name: `\${aws_lambda_function.${fn}.function_name}`,
      action: 'lambda:InvokeFunction',
      principal: 'apigateway.amazonaws.com',
      source_arn: '${aws_api_gateway_rest_api.rest_api.execution_arn}/*',
    });
  }
  assert.equal(tf.output!.EndpointURL, { value: '${aws_api_gateway_stage.rest_api.invoke_url}/' });
  assert.equal(tf.output!.RestAPIId, { value: '${aws_api_gateway_rest_api.rest_api.id}' });
  assert.equal(tf.output!.APIHandlerArn, { value: '${aws_lambda_function.api_handler.arn}' });
});

test('a PRIVATE REST API: VPC endpoints and the resource policy as arguments, and a redeployment when the policy changes', () => {
  const tf = emit(tfApp(), { ...featureStage, api_gateway_endpoint_type: 'PRIVATE', api_gateway_endpoint_vpce: ['vpce-0123456789abcdef0'] });
  const api = block(tf, 'aws_api_gateway_rest_api', 'rest_api');
  assert.equal(api.endpoint_configuration, { types: ['PRIVATE'], vpc_endpoint_ids: ['vpce-0123456789abcdef0'] });
  assert.equal(JSON.parse(api.policy), JSON.parse(api.body)['x-amazon-apigateway-policy']);
  assert.equal(JSON.parse(api.policy).Statement[0].Condition, { StringEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0' } });
  assert.match(block(tf, 'aws_api_gateway_deployment', 'rest_api').triggers.redeployment, 'aws_api_gateway_rest_api.rest_api.policy');
});

test('schedules and CloudWatch events: a rule, a target and a permission each', () => {
  const tf = emit();
  const hourly = block(tf, 'aws_cloudwatch_event_rule', 'every_hour_event');
  assert.equal(hourly, { name: 'demo-dev-every_hour-event', schedule_expression: 'rate(1 hour)' });
  assert.is(block(tf, 'aws_cloudwatch_event_rule', 'weekday_evenings_event').schedule_expression, 'cron(0 18 ? * MON-FRI *)');
  const commit = block(tf, 'aws_cloudwatch_event_rule', 'on_commit_event');
  assert.equal(JSON.parse(commit.event_pattern), { source: ['aws.codecommit'], detail: { note: ['$${not-an-expression}'] } });
  assert.equal(block(tf, 'aws_cloudwatch_event_target', 'on_commit_event'), {
    rule: '${aws_cloudwatch_event_rule.on_commit_event.name}',
    target_id: 'on_commit-event',
    arn: '${aws_lambda_function.on_commit.arn}',
  });
  const permission = block(tf, 'aws_lambda_permission', 'every_hour_event');
  assert.is(permission.principal, 'events.amazonaws.com');
  assert.is(permission.source_arn, '${aws_cloudwatch_event_rule.every_hour_event.arn}');
});

test('S3: one notification resource per bucket holding every function on it, after the permissions', () => {
  const tf = emit();
  assert.equal(Object.keys(tf.resource.aws_s3_bucket_notification as object), ['logs_example_notify', 'uploads_notify']);
  const uploads = block(tf, 'aws_s3_bucket_notification', 'uploads_notify');
  assert.is(uploads.bucket, 'uploads');
  assert.equal(uploads.lambda_function, [
    {
      id: 'on_image-s3event',
      lambda_function_arn: '${aws_lambda_function.on_image.arn}',
      events: ['s3:ObjectCreated:*'],
      filter_prefix: 'images/',
      filter_suffix: '.jpg',
    },
    { id: 'on_removed-s3event', lambda_function_arn: '${aws_lambda_function.on_removed.arn}', events: ['s3:ObjectRemoved:*'] },
  ]);
  assert.equal(uploads.depends_on, ['aws_lambda_permission.on_image_s3event', 'aws_lambda_permission.on_removed_s3event']);
  assert.equal(block(tf, 'aws_s3_bucket_notification', 'logs_example_notify').lambda_function.length, 1);
  assert.equal(block(tf, 'aws_lambda_permission', 'on_log_s3event'), {
    function_name: '${aws_lambda_function.on_log.function_name}',
    action: 'lambda:InvokeFunction',
    principal: 's3.amazonaws.com',
    source_arn: 'arn:${data.aws_partition.chalice.partition}:s3:::logs.example',
    source_account: '${data.aws_caller_identity.chalice.account_id}',
  });
});

test('SNS by name and by ARN, SQS by name: ARNs from the partition, region and account', () => {
  const tf = emit();
  const byName = 'arn:${data.aws_partition.chalice.partition}:sns:${data.aws_region.chalice.id}:${data.aws_caller_identity.chalice.account_id}:alerts';
  assert.equal(block(tf, 'aws_sns_topic_subscription', 'on_alert_sns_subscription'), {
    topic_arn: byName,
    protocol: 'lambda',
    endpoint: '${aws_lambda_function.on_alert.arn}',
  });
  assert.is(block(tf, 'aws_lambda_permission', 'on_alert_sns_subscription').source_arn, byName);
  assert.is(block(tf, 'aws_sns_topic_subscription', 'on_remote_alert_sns_subscription').topic_arn, TOPIC_ARN);
  assert.is(block(tf, 'aws_lambda_permission', 'on_remote_alert_sns_subscription').principal, 'sns.amazonaws.com');
  assert.equal(block(tf, 'aws_lambda_event_source_mapping', 'on_job_sqs_event_source'), {
    event_source_arn: 'arn:${data.aws_partition.chalice.partition}:sqs:${data.aws_region.chalice.id}:${data.aws_caller_identity.chalice.account_id}:jobs',
    function_name: '${aws_lambda_function.on_job.arn}',
    batch_size: 5,
  });
});

test('the websocket API: integration, permission and route per handler, a deployment after the routes, the stage and outputs', () => {
  const tf = emit();
  assert.equal(block(tf, 'aws_apigatewayv2_api', 'websocket_api'), {
    name: 'demo-dev-websocket-api',
    protocol_type: 'WEBSOCKET',
    route_selection_expression: '$request.body.action',
  });
  const routes = tf.resource.aws_apigatewayv2_route as Record<string, Block>;
  assert.equal(Object.fromEntries(Object.entries(routes).map(([name, r]) => [r.route_key, [name, r.target]])), {
    $connect: ['websocket_connect_route', 'integrations/${aws_apigatewayv2_integration.websocket_connect_api_integration.id}'],
    $default: ['websocket_message_route', 'integrations/${aws_apigatewayv2_integration.websocket_message_api_integration.id}'],
    $disconnect: ['websocket_disconnect_route', 'integrations/${aws_apigatewayv2_integration.websocket_disconnect_api_integration.id}'],
  });
  const integration = block(tf, 'aws_apigatewayv2_integration', 'websocket_message_api_integration');
  assert.is(integration.integration_type, 'AWS_PROXY');
  assert.is(integration.integration_uri, '${aws_lambda_function.websocket_message.invoke_arn}');
  assert.is(block(tf, 'aws_lambda_permission', 'websocket_connect_invoke_permission').source_arn, '${aws_apigatewayv2_api.websocket_api.execution_arn}/*');
  const deployment = block(tf, 'aws_apigatewayv2_deployment', 'websocket_api');
  assert.equal(
    deployment.depends_on.sort(),
    Object.keys(routes)
      .map((r) => `aws_apigatewayv2_route.${r}`)
      .sort(),
  );
  assert.match(deployment.triggers.redeployment, /^\$\{sha1\(jsonencode\(\[.*aws_apigatewayv2_integration\.websocket_connect_api_integration.*\]\)\)\}$/);
  assert.equal(block(tf, 'aws_apigatewayv2_stage', 'websocket_api'), {
    api_id: '${aws_apigatewayv2_api.websocket_api.id}',
    name: 'api',
    deployment_id: '${aws_apigatewayv2_deployment.websocket_api.id}',
  });
  assert.equal(tf.output!.WebsocketConnectEndpointURL, { value: '${aws_apigatewayv2_stage.websocket_api.invoke_url}/' });
  assert.equal(tf.output!.WebsocketAPIId, { value: '${aws_apigatewayv2_api.websocket_api.id}' });
  assert.equal(tf.output!.WebsocketMessageHandlerName, { value: '${aws_lambda_function.websocket_message.function_name}' });
});

test('an app with only a pure function: no API resources, and no output block (an empty one is invalid)', () => {
  const app = new Chalice({ appName: 'demo' });
  app.lambdaFunction(function pure() {});
  const tf = emit(app, {});
  assert.equal(Object.keys(tf.resource), ['aws_iam_role', 'aws_iam_role_policy', 'aws_lambda_function']);
  assert.not.ok('output' in tf, JSON.stringify(tf.output!));
  assert.equal(Object.keys(tf), ['terraform', 'data', 'locals', 'resource']);
});

test('a websocket-only app: the websocket API, its three handlers and outputs, no REST API', () => {
  const tf = emit(websocketApp({ rest: false }), {});
  assert.not.ok('aws_api_gateway_rest_api' in tf.resource);
  assert.equal(Object.keys(tf.resource.aws_apigatewayv2_route as Block), ['websocket_connect_route', 'websocket_disconnect_route', 'websocket_message_route']);
  assert.equal(Object.keys(tf.resource.aws_lambda_permission as Block), [
    'websocket_connect_invoke_permission',
    'websocket_disconnect_invoke_permission',
    'websocket_message_invoke_permission',
  ]);
  assert.equal(Object.keys(tf.output!), WEBSOCKET_OUTPUTS);
});

test('names that would collide as Terraform identifiers stop with an error', () => {
  const app = new Chalice({ appName: 'demo' });
  app.lambdaFunction({ name: 'a-b' }, () => {});
  app.lambdaFunction({ name: 'a_b' }, () => {});
  assert.throws(
    () => emit(app, {}),
    (e: unknown) => e instanceof AppGraphError && /aws_lambda_function would both be named "a_b"/.test((e as Error).message),
  );
});

test('the same app gives byte-identical output, with sorted keys', () => {
  const first = JSON.stringify(emit(), null, 2);
  assert.is(JSON.stringify(emit(), null, 2), first);
  const tf = JSON.parse(first) as TerraformJson;
  for (const group of [tf.resource, tf.output!, tf.locals, ...Object.values(tf.resource)]) {
    assert.equal(Object.keys(group), Object.keys(group).sort());
  }
});

// `terraform validate` checks the configuration against the provider's schema, deprecations
// included. It needs the terraform CLI and the AWS provider available offline.
function assertValidates(name: string, config: TerraformJson): void {
  const { valid, diagnostics, skipped } = terraformValidate(config);
  if (skipped) console.log(`  (${name}: not validated: ${skipped})`);
  assert.equal(diagnostics, [], `${name}: no errors or warnings`);
  assert.ok(valid, name);
}

test('terraform validate accepts the configuration, without warnings, with and without APIs', () => {
  if (!terraformAvailable()) {
    console.log(`  (skipped: terraform validate needs the terraform CLI and the AWS provider in ${TF_PLUGIN_DIR}; set CHALICE_TF_PLUGIN_DIR)`);
    return;
  }
  assertValidates('feature app', emit(tfApp(), { ...featureStage, api_gateway_endpoint_type: 'PRIVATE', api_gateway_endpoint_vpce: ['vpce-1'] }));
  const pure = new Chalice({ appName: 'demo' });
  pure.lambdaFunction(function pure_function() {});
  assertValidates('pure function app', emit(pure, {}));
});

test.after(() => rmSync(projectDir, { recursive: true, force: true }));

test.run();
