// The feature-rich app and stage config the template tests (SAM, Terraform) package: every
// kind of route option, authorizer and event source Chalice has, and per-function settings.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChaliceConfig, ProjectConfig } from '@chalice/config';
import { AuthResponse, Chalice, CognitoUserPoolAuthorizer, CORSConfig, Cron, CustomAuthorizer, IAMAuthorizer } from '@chalice/router';
import { buildAppGraph, type AppGraph } from '../src/index.ts';

export type StageConfig = NonNullable<ChaliceConfig['stages']>[string];

export const ROLE_ARN = 'arn:aws:iam::123456789012:role/precreated';
export const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:elsewhere';
export const LAYER = 'arn:aws:lambda:us-east-1:123456789012:layer:deps:3';
export const POOL_ARN = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc';
export const CUSTOM_AUTHORIZER_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations';

/** The policy file of the `pure` function; its policy variable must reach IAM as written. */
export const PURE_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::demo-bucket/${aws:username}/*' }],
};

/** A temporary project directory whose `.chalice` holds the policy file `featureStage` names. */
export function featureProject(prefix: string): string {
  const projectDir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(projectDir, '.chalice'));
  writeFileSync(join(projectDir, '.chalice', 'pure-policy.json'), JSON.stringify(PURE_POLICY));
  return projectDir;
}

export interface FeatureAppOptions {
  /** The S3 handlers (on_image, on_removed on bucket `uploads`, on_log on `logs.example`); SAM refuses them. */
  s3?: boolean;
  /** `app.api.cors = true`, so that `/` and every route without a `cors` option get a preflight too. */
  globalCors?: boolean;
  /** The websocket connect, message and disconnect handlers. */
  websockets?: boolean;
}

export function featureApp({ s3 = true, globalCors = false, websockets = true }: FeatureAppOptions = {}): Chalice {
  const app = new Chalice({ appName: 'demo' });
  if (globalCors) app.api.cors = true;
  app.api.binaryTypes.push('image/png');
  const auth = app.authorizer({ ttlSeconds: 30 }, function demo_auth() {
    return new AuthResponse({ routes: ['*'], principalId: 'u' });
  });
  app.route('/', () => ({ hello: 'world' }));
  app.route('/items/{id}', { methods: ['GET', 'PUT'], cors: true }, () => ({}));
  app.route('/custom-cors', { cors: new CORSConfig({ allowOrigin: 'https://example.com', maxAge: 600, allowCredentials: true }) }, () => ({}));
  app.route('/no-cors', { cors: false }, () => ({}));
  app.route('/keyed', { apiKeyRequired: true }, () => ({}));
  app.route('/iam', { authorizer: new IAMAuthorizer() }, () => ({}));
  app.route('/pool', { authorizer: new CognitoUserPoolAuthorizer('MyPool', { providerArns: [POOL_ARN] }) }, () => ({}));
  app.route('/custom', { authorizer: new CustomAuthorizer('MyCustom', { header: 'Authorization', authorizerUri: CUSTOM_AUTHORIZER_URI }) }, () => ({}));
  app.route('/builtin', { authorizer: auth }, () => ({}));
  app.route('/upload', { methods: ['POST'], contentTypes: ['image/png'] }, () => ({}));
  // A schedule as a string and one as an object.
  app.schedule('rate(1 hour)', function every_hour() {});
  app.schedule(new Cron(0, 18, '?', '*', 'MON-FRI', '*'), function weekday_evenings() {});
  // A `${...}` in a pattern is data: a template must not read it as an expression.
  app.onCwEvent({ source: ['aws.codecommit'], detail: { note: ['${not-an-expression}'] } }, function on_commit() {});
  if (s3) {
    // No `events`: the default, s3:ObjectCreated:*.
    app.onS3Event({ bucket: 'uploads', prefix: 'images/', suffix: '.jpg' }, function on_image() {});
    app.onS3Event({ bucket: 'uploads', events: ['s3:ObjectRemoved:*'] }, function on_removed() {});
    app.onS3Event({ bucket: 'logs.example', events: ['s3:ObjectCreated:Put'] }, function on_log() {});
  }
  app.onSnsMessage({ topic: 'alerts' }, function on_alert() {});
  app.onSnsMessage({ topic: TOPIC_ARN }, function on_remote_alert() {});
  app.onSqsMessage({ queue: 'jobs', batchSize: 5 }, function on_job() {});
  app.lambdaFunction(function pure() {});
  if (websockets) {
    app.experimentalFeatureFlags.add('WEBSOCKETS');
    app.onWsConnect(() => {});
    app.onWsMessage(() => {});
    app.onWsDisconnect(() => {});
  }
  return app;
}

/** The `dev` stage: top-level settings, and per-function ones for four of the functions. */
export const featureStage: StageConfig = {
  api_gateway_stage: 'api',
  minimum_compression_size: 1024,
  environment_variables: { STAGE: 'dev', TEMPLATE: 'literal ${x} and %{y}' },
  tags: { team: 'web' },
  lambda_functions: {
    // Zero reserved concurrency is a setting (the function is throttled), not an absence.
    every_hour: { lambda_memory_size: 512, lambda_timeout: 300, reserved_concurrency: 0, layers: [LAYER] },
    on_job: { subnet_ids: ['subnet-0a1b2c3d', 'subnet-0123456789abcdef0'], security_group_ids: ['sg-0123456789abcdef0'], environment_variables: { QUEUE: 'jobs' } },
    on_alert: { manage_iam_role: false, iam_role_arn: ROLE_ARN },
    pure: { autogen_policy: false, iam_policy_file: 'pure-policy.json', tags: { kind: 'pure' } },
  },
};

/** A project config for app `demo` whose only stage, `dev`, is `stage`. */
export function featureConfig(stage: StageConfig = featureStage): ProjectConfig {
  return { file: '.chalice/config.json', warnings: [], data: { app_name: 'demo', stages: { dev: stage } } };
}

/** The graph of `app` in stage `dev`, for Node.js 22. */
export function featureGraph(projectDir: string, app: Chalice = featureApp(), stage: StageConfig = featureStage): AppGraph {
  return buildAppGraph(app, featureConfig(stage), 'dev', { projectDir, nodeVersion: 'v22.3.0' }).graph;
}

/** An app with the three websocket handlers and, with `rest`, one route. */
export function websocketApp({ rest }: { rest: boolean }): Chalice {
  const app = new Chalice({ appName: 'chat' });
  app.experimentalFeatureFlags.add('WEBSOCKETS');
  if (rest) app.route('/', () => ({ hello: 'world' }));
  app.onWsConnect(() => {});
  app.onWsMessage(() => {});
  app.onWsDisconnect(() => {});
  return app;
}

/** The outputs of a websocket API with its three handlers, in SAM and Terraform alike, sorted. */
export const WEBSOCKET_OUTPUTS = [
  'WebsocketAPIId',
  'WebsocketConnectEndpointURL',
  'WebsocketConnectHandlerArn',
  'WebsocketConnectHandlerName',
  'WebsocketDisconnectHandlerArn',
  'WebsocketDisconnectHandlerName',
  'WebsocketMessageHandlerArn',
  'WebsocketMessageHandlerName',
];
