import { rmSync } from 'node:fs';
import { cfnLintTemplates } from '@chalice/fixtures';
import { Chalice } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppGraphError } from '../src/index.ts';
import { samTemplate, UnsupportedFeatureError } from '../src/sam-template.ts';
import type { CloudFormationTemplate } from '../src/sam-types.ts';
import {
  featureApp,
  featureGraph,
  featureProject,
  featureStage,
  LAYER,
  PURE_POLICY,
  ROLE_ARN,
  TOPIC_ARN,
  type FeatureAppOptions,
  type StageConfig,
  websocketApp,
  WEBSOCKET_OUTPUTS,
} from './feature-app.ts';

const projectDir = featureProject('chalice-sam-');

/** The feature app without its S3 handlers, which SAM cannot package. */
const samApp = (options: Omit<FeatureAppOptions, 's3'> = {}) => featureApp({ ...options, s3: false });

function emit(app: Chalice = samApp(), stage: StageConfig = featureStage): CloudFormationTemplate {
  return samTemplate(featureGraph(projectDir, app, stage), { codeUri: './deployment.zip' });
}

const props = (template: CloudFormationTemplate, id: string) => {
  const resource = template.Resources[id];
  assert.ok(resource, `${id} is in the template`);
  return resource.Properties as Record<string, any>;
};

test('one resource per function, role, permission and API part, under stable names', () => {
  const template = emit();
  assert.is(template.AWSTemplateFormatVersion, '2010-09-09');
  assert.is(template.Transform, 'AWS::Serverless-2016-10-31');
  const types = Object.fromEntries(Object.entries(template.Resources).map(([id, r]) => [id, r.Type]));
  assert.equal(types, {
    APIHandler: 'AWS::Serverless::Function',
    APIHandlerInvokePermission: 'AWS::Lambda::Permission',
    DefaultRole: 'AWS::IAM::Role',
    DemoAuth: 'AWS::Serverless::Function',
    DemoAuthInvokePermission: 'AWS::Lambda::Permission',
    EveryHour: 'AWS::Serverless::Function',
    OnAlert: 'AWS::Serverless::Function',
    OnCommit: 'AWS::Serverless::Function',
    OnJob: 'AWS::Serverless::Function',
    OnRemoteAlert: 'AWS::Serverless::Function',
    Pure: 'AWS::Serverless::Function',
    PureRole: 'AWS::IAM::Role',
    RestAPI: 'AWS::Serverless::Api',
    WebsocketAPI: 'AWS::ApiGatewayV2::Api',
    WebsocketAPIDeployment: 'AWS::ApiGatewayV2::Deployment',
    WebsocketAPIStage: 'AWS::ApiGatewayV2::Stage',
    WebsocketConnect: 'AWS::Serverless::Function',
    WebsocketConnectAPIIntegration: 'AWS::ApiGatewayV2::Integration',
    WebsocketConnectInvokePermission: 'AWS::Lambda::Permission',
    WebsocketConnectRoute: 'AWS::ApiGatewayV2::Route',
    WebsocketDisconnect: 'AWS::Serverless::Function',
    WebsocketDisconnectAPIIntegration: 'AWS::ApiGatewayV2::Integration',
    WebsocketDisconnectInvokePermission: 'AWS::Lambda::Permission',
    WebsocketDisconnectRoute: 'AWS::ApiGatewayV2::Route',
    WebsocketMessage: 'AWS::Serverless::Function',
    WebsocketMessageAPIIntegration: 'AWS::ApiGatewayV2::Integration',
    WebsocketMessageInvokePermission: 'AWS::Lambda::Permission',
    WebsocketMessageRoute: 'AWS::ApiGatewayV2::Route',
    WeekdayEvenings: 'AWS::Serverless::Function',
  });
  assert.equal(Object.keys(template.Resources), Object.keys(types).sort(), 'sorted logical ids');
});

test('functions carry every per-function setting, and only the ones set', () => {
  const template = emit();
  const hourly = props(template, 'EveryHour');
  assert.equal(Object.keys(hourly), ['Handler', 'Runtime', 'CodeUri', 'MemorySize', 'Timeout', 'Role', 'Tags', 'Environment', 'Layers', 'ReservedConcurrentExecutions', 'Events']);
  assert.is(hourly.Handler, 'app.every_hour');
  assert.is(hourly.Runtime, 'nodejs22.x');
  assert.is(hourly.CodeUri, './deployment.zip');
  assert.is(hourly.MemorySize, 512);
  assert.is(hourly.Timeout, 300);
  assert.is(hourly.ReservedConcurrentExecutions, 0, 'zero is a setting, not an absence');
  assert.equal(hourly.Layers, [LAYER]);
  assert.equal(hourly.Role, { 'Fn::GetAtt': ['DefaultRole', 'Arn'] });
  assert.equal(hourly.Environment, { Variables: { STAGE: 'dev', TEMPLATE: 'literal ${x} and %{y}' } }, 'literal, not Fn::Sub');
  assert.is(hourly.Tags.team, 'web');
  assert.match(hourly.Tags['aws-chalice'], /^version=\d+\.\d+\.\d+:stage=dev:app=demo$/);

  const api = props(template, 'APIHandler');
  assert.is(api.Handler, 'app.api_handler');
  assert.is(api.MemorySize, 128);
  assert.is(api.Timeout, 60);
  assert.not.ok('Layers' in api || 'VpcConfig' in api || 'ReservedConcurrentExecutions' in api || 'Events' in api);

  const job = props(template, 'OnJob');
  assert.equal(job.VpcConfig, { SecurityGroupIds: ['sg-0123456789abcdef0'], SubnetIds: ['subnet-0a1b2c3d', 'subnet-0123456789abcdef0'] });
  assert.equal(job.Environment, { Variables: { STAGE: 'dev', TEMPLATE: 'literal ${x} and %{y}', QUEUE: 'jobs' } });

  assert.is(props(template, 'OnAlert').Role, ROLE_ARN, 'a pre-created role is its ARN');
  assert.equal(props(template, 'Pure').Role, { 'Fn::GetAtt': ['PureRole', 'Arn'] });
  assert.is(props(template, 'Pure').Tags.kind, 'pure');
});

test('managed roles trust Lambda and hold their policy inline, named after the role', () => {
  const template = emit();
  const role = props(template, 'DefaultRole');
  assert.equal(role.AssumeRolePolicyDocument.Statement[0].Principal, { Service: 'lambda.amazonaws.com' });
  assert.is(role.Policies.length, 1);
  assert.is(role.Policies[0].PolicyName, 'DefaultRolePolicy');
  const actions = role.Policies[0].PolicyDocument.Statement.flatMap((s: { Action: string[] }) => s.Action);
  assert.ok(actions.includes('logs:PutLogEvents'));
  assert.ok(actions.includes('ec2:CreateNetworkInterface'), 'a function runs in a VPC');
  const pure = props(template, 'PureRole');
  assert.equal(pure.Policies, [{ PolicyName: 'PureRolePolicy', PolicyDocument: PURE_POLICY }], 'the policy file as written, its policy variable included');
});

test('schedules, CloudWatch events, SNS and SQS are SAM events of their function', () => {
  const template = emit();
  assert.equal(props(template, 'EveryHour').Events, { EveryHourEvent: { Type: 'Schedule', Properties: { Schedule: 'rate(1 hour)' } } });
  assert.equal(props(template, 'WeekdayEvenings').Events, {
    WeekdayEveningsEvent: { Type: 'Schedule', Properties: { Schedule: 'cron(0 18 ? * MON-FRI *)' } },
  });
  assert.equal(props(template, 'OnCommit').Events, {
    OnCommitEvent: { Type: 'CloudWatchEvent', Properties: { Pattern: { source: ['aws.codecommit'], detail: { note: ['${not-an-expression}'] } } } },
  });
  assert.equal(props(template, 'OnAlert').Events, {
    OnAlertSnsSubscription: { Type: 'SNS', Properties: { Topic: { 'Fn::Sub': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:alerts' } } },
  });
  assert.equal(props(template, 'OnRemoteAlert').Events, { OnRemoteAlertSnsSubscription: { Type: 'SNS', Properties: { Topic: TOPIC_ARN } } });
  assert.equal(props(template, 'OnJob').Events, {
    OnJobSqsEventSource: {
      Type: 'SQS',
      Properties: { Queue: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs' }, BatchSize: 5 },
    },
  });
});

test('the REST API embeds the OpenAPI document, with permissions and the seed outputs', () => {
  const template = emit();
  const api = props(template, 'RestAPI');
  assert.equal(Object.keys(api), ['StageName', 'OpenApiVersion', 'DefinitionBody', 'EndpointConfiguration', 'MinimumCompressionSize']);
  assert.is(api.StageName, 'api');
  assert.is(api.OpenApiVersion, '3.0.1');
  assert.equal(api.EndpointConfiguration, { Type: 'EDGE' });
  assert.is(api.MinimumCompressionSize, 1024);
  const body = api.DefinitionBody;
  assert.is(body.openapi, '3.0.1');
  assert.equal(body.paths['/'].get['x-amazon-apigateway-integration'].uri, {
    'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${APIHandler.Arn}/invocations',
  });
  assert.equal(body.components.securitySchemes.demo_auth['x-amazon-apigateway-authorizer'].authorizerUri, {
    'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${DemoAuth.Arn}/invocations',
  });
  assert.ok(body.paths['/items/{id}'].options, 'CORS preflight');
  assert.ok(body.paths['/custom-cors'].options, 'CORS preflight');
  assert.not.ok(body.paths['/'].options, 'no preflight for a route without CORS');
  assert.not.ok(body.paths['/no-cors'].options);
  assert.ok(body['x-amazon-apigateway-binary-media-types'].includes('image/png'));
  const sourceArn = { 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${RestAPI}/*' };
  assert.equal(props(template, 'APIHandlerInvokePermission'), {
    FunctionName: { Ref: 'APIHandler' },
    Action: 'lambda:InvokeFunction',
    Principal: 'apigateway.amazonaws.com',
    SourceArn: sourceArn,
  });
  assert.equal(props(template, 'DemoAuthInvokePermission').FunctionName, { Ref: 'DemoAuth' });
  assert.equal(props(template, 'DemoAuthInvokePermission').SourceArn, sourceArn);
  assert.equal(template.Outputs.RestAPIId, { Value: { Ref: 'RestAPI' } });
  assert.equal(template.Outputs.EndpointURL, { Value: { 'Fn::Sub': 'https://${RestAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/api/' } });
  assert.equal(template.Outputs.APIHandlerName, { Value: { Ref: 'APIHandler' } });
  assert.equal(template.Outputs.APIHandlerArn, { Value: { 'Fn::GetAtt': ['APIHandler', 'Arn'] } });
});

test('a PRIVATE endpoint names its VPC endpoints and carries its resource policy', () => {
  const template = emit(samApp(), { ...featureStage, api_gateway_endpoint_type: 'PRIVATE', api_gateway_endpoint_vpce: ['vpce-0a1b2c3d4e5f60718', 'vpce-0123456789abcdef0'] });
  const api = props(template, 'RestAPI');
  assert.equal(api.EndpointConfiguration, { Type: 'PRIVATE', VPCEndpointIds: ['vpce-0a1b2c3d4e5f60718', 'vpce-0123456789abcdef0'] });
  assert.equal(api.DefinitionBody['x-amazon-apigateway-policy'].Statement[0].Condition, {
    StringEquals: { 'aws:SourceVpce': ['vpce-0a1b2c3d4e5f60718', 'vpce-0123456789abcdef0'] },
  });
});

test('the websocket API: an integration, permission and route per handler, deployed after its routes', () => {
  const template = emit();
  assert.equal(props(template, 'WebsocketAPI'), { Name: 'demo-dev-websocket-api', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' });
  assert.equal(props(template, 'WebsocketMessageRoute'), {
    ApiId: { Ref: 'WebsocketAPI' },
    RouteKey: '$default',
    Target: { 'Fn::Sub': 'integrations/${WebsocketMessageAPIIntegration}' },
  });
  assert.is(props(template, 'WebsocketConnectRoute').RouteKey, '$connect');
  assert.is(props(template, 'WebsocketDisconnectRoute').RouteKey, '$disconnect');
  assert.equal(props(template, 'WebsocketConnectAPIIntegration').IntegrationUri, {
    'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${WebsocketConnect.Arn}/invocations',
  });
  assert.equal(props(template, 'WebsocketConnectInvokePermission').SourceArn, {
    'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebsocketAPI}/*',
  });
  assert.equal(template.Resources.WebsocketAPIDeployment?.DependsOn, ['WebsocketConnectRoute', 'WebsocketDisconnectRoute', 'WebsocketMessageRoute']);
  assert.equal(props(template, 'WebsocketAPIStage'), { ApiId: { Ref: 'WebsocketAPI' }, DeploymentId: { Ref: 'WebsocketAPIDeployment' }, StageName: 'api' });
  assert.equal(template.Outputs.WebsocketAPIId, { Value: { Ref: 'WebsocketAPI' } });
  assert.equal(template.Outputs.WebsocketConnectEndpointURL, {
    Value: { 'Fn::Sub': 'wss://${WebsocketAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/api/' },
  });
  assert.equal(template.Outputs.WebsocketMessageHandlerArn, { Value: { 'Fn::GetAtt': ['WebsocketMessage', 'Arn'] } });
  assert.equal(template.Outputs.WebsocketDisconnectHandlerName, { Value: { Ref: 'WebsocketDisconnect' } });
  assert.equal(Object.keys(template.Outputs), ['APIHandlerArn', 'APIHandlerName', 'EndpointURL', 'RestAPIId', ...WEBSOCKET_OUTPUTS]);
});

test('an S3 event cannot be packaged for SAM: a clear error', () => {
  try {
    emit(featureApp({ s3: true }));
    assert.unreachable('S3 events are not supported');
  } catch (error) {
    assert.instance(error, UnsupportedFeatureError);
    assert.is((error as UnsupportedFeatureError).code, 'UNSUPPORTED_FEATURE');
    assert.match((error as Error).message, /"on_image" handles events of the S3 bucket "uploads"/);
    assert.match((error as Error).message, /--pkg-format terraform/);
    assert.match((error as Error).message, /chalice deploy/);
  }
});

test('two names that give one logical id are an error', () => {
  const app = new Chalice({ appName: 'demo' });
  app.lambdaFunction(function foo_bar() {});
  app.lambdaFunction({ name: 'foo-bar' }, () => {});
  assert.throws(
    () => emit(app),
    (error: unknown) => error instanceof AppGraphError && /"FooBar"/.test((error as Error).message),
  );
});

test('the same app gives byte-identical JSON, with no object shared (YAML output would alias it)', () => {
  const template = emit();
  assert.is(JSON.stringify(emit(), null, 2), JSON.stringify(template, null, 2));
  const seen = new Set<object>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value !== 'object' || value === null) return;
    assert.not.ok(seen.has(value), `${path} is shared with another place`);
    seen.add(value);
    for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
  };
  walk(template, 'template');
});

test('a websocket-only app: the websocket API and its outputs, no REST API', () => {
  const template = emit(websocketApp({ rest: false }), {});
  assert.not.ok('RestAPI' in template.Resources || 'APIHandler' in template.Resources);
  assert.equal(Object.keys(template.Outputs), WEBSOCKET_OUTPUTS);
  assert.equal(template.Outputs.WebsocketConnectEndpointURL, {
    Value: { 'Fn::Sub': 'wss://${WebsocketAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/api/' },
  });
  assert.equal(props(template, 'WebsocketMessage').Handler, 'app.websocket_message');
  assert.equal(props(template, 'WebsocketDisconnectInvokePermission').FunctionName, { Ref: 'WebsocketDisconnect' });
});

test('a REST + websocket app: both APIs, each with its own outputs and permissions', () => {
  const template = emit(websocketApp({ rest: true }), {});
  assert.is(template.Resources.RestAPI?.Type, 'AWS::Serverless::Api');
  assert.is(template.Resources.WebsocketAPI?.Type, 'AWS::ApiGatewayV2::Api');
  assert.equal(props(template, 'APIHandlerInvokePermission').SourceArn, {
    'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${RestAPI}/*',
  });
  assert.equal(props(template, 'WebsocketConnectInvokePermission').SourceArn, {
    'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebsocketAPI}/*',
  });
  for (const output of ['EndpointURL', 'RestAPIId', 'APIHandlerArn', 'WebsocketAPIId', 'WebsocketConnectEndpointURL', 'WebsocketMessageHandlerName']) {
    assert.ok(output in template.Outputs, output);
  }
});

test('every template passes cfn-lint', () => {
  const pureOnly = new Chalice({ appName: 'demo' });
  pureOnly.lambdaFunction(function pure() {});
  const messageOnly = new Chalice({ appName: 'demo' });
  messageOnly.experimentalFeatureFlags.add('WEBSOCKETS');
  messageOnly.onWsMessage(() => {});
  // Every finding counts, informational ones included: none is accepted.
  const findings = cfnLintTemplates({
    full: emit(),
    restOnly: emit(samApp({ websockets: false })),
    globalCors: emit(samApp({ globalCors: true })),
    private: emit(samApp(), { ...featureStage, api_gateway_endpoint_type: 'PRIVATE', api_gateway_endpoint_vpce: 'vpce-0a1b2c3d4e5f60718' }),
    regional: emit(samApp(), { api_gateway_endpoint_type: 'REGIONAL' }),
    pureOnly: emit(pureOnly, {}),
    messageOnly: emit(messageOnly, {}),
    websocketOnly: emit(websocketApp({ rest: false }), {}),
    restAndWebsocket: emit(websocketApp({ rest: true }), {}),
  });
  assert.is(findings, '');
});

test.after(() => rmSync(projectDir, { recursive: true, force: true }));

test.run();
