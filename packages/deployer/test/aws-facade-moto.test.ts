import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startMoto, type MotoServer } from '@chalice/fixtures';
import { buildOpenApi, createZip, LAMBDA_TRUST_POLICY } from '@chalice/packager';
import { Chalice, describeApp } from '@chalice/router';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsError } from '../src/aws/aws-error.ts';
import { createAwsFacade } from '../src/aws/create-facade.ts';
import type { AwsFacade, FunctionSpec } from '../src/aws/facade.ts';

// The facade against a real moto_server: every call moto supports, as the deployer makes it.
// Calls moto lacks or answers differently are noted where they would be and covered in
// aws-facade-mock.test.ts instead.

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const ZIP = createZip([{ path: 'app.mjs', data: 'export const handler = async (event) => event;\n' }]);

interface Context {
  moto: MotoServer;
  aws: AwsFacade;
  roleArn: string;
}

const moto = suite<Context>('aws facade on moto');
const saved = { ...process.env };

moto.before(async (context) => {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_SESSION_TOKEN: 'testing' });
  delete process.env.AWS_PROFILE;
  context.moto = await startMoto();
  // As the CLI runs against an emulator: the SDK itself reads AWS_ENDPOINT_URL.
  process.env.AWS_ENDPOINT_URL = context.moto.endpoint;
  context.aws = await createAwsFacade({ region: REGION });
});

moto.after(async (context) => {
  await context.moto?.stop();
  process.env = saved;
});

function client<C>(Client: new (config: { region: string; endpoint: string; forcePathStyle?: boolean }) => C, context: Context): C {
  return new Client({ region: REGION, endpoint: context.moto.endpoint, forcePathStyle: true });
}

function spec(roleArn: string, overrides: Partial<FunctionSpec> = {}): FunctionSpec {
  return {
    functionName: 'myapp-dev',
    runtime: 'nodejs22.x',
    handler: 'app.handler',
    roleArn,
    memorySize: 128,
    timeout: 60,
    environment: { STAGE: 'dev' },
    layers: [],
    subnetIds: [],
    securityGroupIds: [],
    tags: { 'aws-chalice': 'version=0.1.0:stage=dev:app=myapp' },
    ...overrides,
  };
}

moto('account, region and partition; AWS_ENDPOINT_URL and the endpoint option both reach moto', async ({ aws, moto: server }) => {
  assert.is(await aws.accountId(), ACCOUNT);
  assert.is(aws.region, REGION);
  assert.is(aws.partition, 'aws');
  delete process.env.AWS_ENDPOINT_URL;
  try {
    const explicit = await createAwsFacade({ region: 'cn-north-1', endpoint: server.endpoint });
    assert.is(explicit.partition, 'aws-cn');
    assert.is(await explicit.accountId(), ACCOUNT);
  } finally {
    process.env.AWS_ENDPOINT_URL = server.endpoint;
  }
});

moto('a profile gives the region and the credentials, from the shared config and credentials files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-aws-profile-'));
  writeFileSync(join(dir, 'config'), '[profile work]\nregion = eu-west-3\n');
  writeFileSync(join(dir, 'credentials'), '[work]\naws_access_key_id = profilekey\naws_secret_access_key = profilesecret\n');
  const env = { ...process.env };
  for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete process.env[key];
  Object.assign(process.env, { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
  try {
    const aws = await createAwsFacade({ profile: 'work' });
    assert.is(aws.region, 'eu-west-3');
    // Without credentials the SDK could not sign the call.
    assert.is(await aws.accountId(), ACCOUNT);
  } finally {
    process.env = env;
    rmSync(dir, { recursive: true });
  }
});

moto('IAM: role, inline policy, delete with its policies, missing is null', async (context) => {
  const { aws } = context;
  assert.is(await aws.getRole('myapp-dev'), null);
  const { roleArn } = await aws.createRole('myapp-dev', LAMBDA_TRUST_POLICY);
  context.roleArn = roleArn;
  assert.is(roleArn, `arn:aws:iam::${ACCOUNT}:role/myapp-dev`);
  assert.equal(await aws.getRole('myapp-dev'), { roleArn });
  assert.is(await aws.getRolePolicy('myapp-dev', 'myapp-dev'), null);
  const policy = { Version: '2012-10-17' as const, Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogGroup'], Resource: 'arn:*:logs:*:*:*' }] };
  await aws.putRolePolicy('myapp-dev', 'myapp-dev', policy);
  assert.equal(await aws.getRolePolicy('myapp-dev', 'myapp-dev'), policy);

  await aws.createRole('throwaway', LAMBDA_TRUST_POLICY);
  await aws.putRolePolicy('throwaway', 'a', policy);
  await aws.putRolePolicy('throwaway', 'b', policy);
  await aws.deleteRole('throwaway');
  assert.is(await aws.getRole('throwaway'), null);
  await aws.deleteRole('throwaway');
});

moto('Lambda: create, get, update code and configuration, tags, concurrency, invoke, delete', async ({ aws, roleArn }) => {
  assert.is(await aws.getFunction('myapp-dev'), null);
  const { functionArn } = await aws.createFunction(spec(roleArn), ZIP);
  assert.is(functionArn, `arn:aws:lambda:${REGION}:${ACCOUNT}:function:myapp-dev`);
  const created = await aws.getFunction('myapp-dev');
  assert.ok(created);
  assert.equal({ ...created, codeSha256: '' }, { ...spec(roleArn), functionArn, codeSha256: '', reservedConcurrency: null });
  assert.is(created.codeSha256, Buffer.from(await crypto.subtle.digest('SHA-256', ZIP)).toString('base64'));

  const zip2 = createZip([{ path: 'app.mjs', data: 'export const handler = async () => 2;\n' }]);
  await aws.updateFunctionCode('myapp-dev', zip2);
  assert.is.not((await aws.getFunction('myapp-dev'))!.codeSha256, created.codeSha256);

  await aws.updateFunctionConfiguration('myapp-dev', spec(roleArn, { memorySize: 256, timeout: 30, environment: {} }));
  const updated = (await aws.getFunction('myapp-dev'))!;
  assert.equal([updated.memorySize, updated.timeout, updated.environment], [256, 30, {}]);

  await aws.setFunctionTags(functionArn, { 'aws-chalice': 'version=0.1.0:stage=dev:app=myapp', team: 'blue' });
  await aws.setFunctionTags(functionArn, { team: 'red' });
  assert.equal((await aws.getFunction('myapp-dev'))!.tags, { team: 'red' });

  await aws.setReservedConcurrency('myapp-dev', 5);
  assert.is((await aws.getFunction('myapp-dev'))!.reservedConcurrency, 5);
  await aws.setReservedConcurrency('myapp-dev', null);
  assert.is((await aws.getFunction('myapp-dev'))!.reservedConcurrency, null);

  // moto_server without Docker echoes the payload instead of running the code.
  const result = await aws.invoke('myapp-dev', new TextEncoder().encode('{"hello":"world"}'));
  assert.is(result.statusCode, 200);
  assert.is(result.functionError, null);
  assert.equal(JSON.parse(new TextDecoder().decode(result.payload)), { hello: 'world' });
});

moto('Lambda: permissions and SQS event source mappings', async (context) => {
  const { aws } = context;
  assert.equal(await aws.listPermissionIds('myapp-dev'), []);
  const permission = { statementId: 'sns-invoke', principal: 'sns.amazonaws.com', sourceArn: `arn:aws:sns:${REGION}:${ACCOUNT}:topic` };
  // moto adds a second statement with the same id where Lambda answers ResourceConflictException;
  // keeping the existing statement is covered in the mock test.
  await aws.addPermission('myapp-dev', permission);
  assert.equal(await aws.listPermissionIds('myapp-dev'), ['sns-invoke']);
  await aws.removePermission('myapp-dev', 'sns-invoke');
  assert.equal(await aws.listPermissionIds('myapp-dev'), []);
  await aws.removePermission('myapp-dev', 'sns-invoke');

  await client(SQSClient, context).send(new CreateQueueCommand({ QueueName: 'jobs' }));
  const queueArn = await aws.getQueueArn('jobs');
  assert.is(queueArn, `arn:aws:sqs:${REGION}:${ACCOUNT}:jobs`);
  const missingQueue = await aws.getQueueArn('nope').catch((e: unknown) => e);
  assert.instance(missingQueue, AwsError);
  assert.match((missingQueue as AwsError).message, 'SQS queue nope does not exist');

  const { uuid } = await aws.createEventSourceMapping('myapp-dev', queueArn, 10);
  assert.equal(await aws.listEventSourceMappings('myapp-dev'), [{ uuid, eventSourceArn: queueArn, batchSize: 10 }]);
  await aws.updateEventSourceMapping(uuid, 5);
  assert.equal(await aws.listEventSourceMappings('myapp-dev'), [{ uuid, eventSourceArn: queueArn, batchSize: 5 }]);
  await aws.deleteEventSourceMapping(uuid);
  assert.equal(await aws.listEventSourceMappings('myapp-dev'), []);
  await aws.deleteEventSourceMapping(uuid);
});

moto('API Gateway: create, import the OpenAPI document, deploy, get, change the endpoint type, delete', async ({ aws }) => {
  const app = new Chalice({ appName: 'myapp' });
  app.route('/', function index() {
    return { hello: 'world' };
  });
  app.route('/users/{name}', { methods: ['GET', 'PUT'] }, function user() {
    return {};
  });
  const model = describeApp(app);
  const uri = `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:${ACCOUNT}:function:myapp-dev/invocations`;
  const document = buildOpenApi({ name: 'myapp', routes: model.routes, binaryTypes: model.api.binaryTypes, minimumCompressionSize: null }, { lambdaUri: () => uri });

  assert.is(await aws.getRestApi('nope123'), null);
  const tags = { 'aws-chalice': 'version=0.1.0:stage=dev:app=myapp' };
  const { restApiId } = await aws.createRestApi('myapp', 'EDGE', tags);
  await aws.putRestApi(restApiId, document);
  await aws.createDeployment(restApiId, 'api');
  const settings = { endpointType: 'EDGE', vpcEndpointIds: [], minimumCompressionSize: null, hasPolicy: false };
  assert.equal(await aws.getRestApi(restApiId), { restApiId, name: 'myapp', ...settings });
  // moto has no TagResource for API Gateway: the mock test covers tagRestApi.
  const { restApiId: other } = await aws.createRestApi('other', 'EDGE', {});
  assert.equal(await aws.findRestApis('myapp'), [{ restApiId, name: 'myapp', ...settings, tags }], 'found by name, with its tags');
  assert.equal(
    (await aws.findRestApis('other')).map((api) => api.restApiId),
    [other],
  );
  await aws.deleteRestApi(other);
  // moto patches the endpoint type only: it ignores /minimumCompressionSize and VPC endpoint
  // operations (the mock test covers those).
  await aws.updateRestApi(restApiId, [{ op: 'replace', path: '/endpointConfiguration/types/EDGE', value: 'REGIONAL' }]);
  assert.equal(await aws.getRestApi(restApiId), { restApiId, name: 'myapp', ...settings, endpointType: 'REGIONAL' });
  await aws.deleteRestApi(restApiId);
  assert.is(await aws.getRestApi(restApiId), null);
  // moto answers a delete of a missing API with a 500 (KeyError) where API Gateway says
  // NotFoundException; that a delete of a missing API succeeds is covered in the mock test.
});

moto('API Gateway v2: the websocket API, its integrations and routes, the stage, found by name, deleted', async ({ aws }) => {
  const name = 'myapp-dev-websocket-api';
  const uri = (fn: string) => `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:${ACCOUNT}:function:${fn}/invocations`;
  assert.is(await aws.getWebsocketApi('nope123'), null);
  const { apiId } = await aws.createWebsocketApi(name);
  assert.equal(await aws.getWebsocketApi(apiId), { apiId, name });
  assert.equal(await aws.findWebsocketApis(name), [apiId]);
  assert.equal(await aws.findWebsocketApis('other'), []);

  const connect = await aws.createWebsocketIntegration(apiId, uri('myapp-dev-websocket_connect'));
  const message = await aws.createWebsocketIntegration(apiId, uri('myapp-dev-websocket_message'));
  assert.equal(
    (await aws.listWebsocketIntegrations(apiId)).sort((a, b) => a.integrationUri!.localeCompare(b.integrationUri!)),
    [
      { integrationId: connect.integrationId, integrationUri: uri('myapp-dev-websocket_connect') },
      { integrationId: message.integrationId, integrationUri: uri('myapp-dev-websocket_message') },
    ],
  );
  const { routeId } = await aws.createWebsocketRoute(apiId, '$connect', connect.integrationId);
  await aws.createWebsocketRoute(apiId, '$default', message.integrationId);
  await aws.updateWebsocketRoute(apiId, routeId, message.integrationId);
  const routes = await aws.listWebsocketRoutes(apiId);
  assert.equal(
    routes.find((r) => r.routeId === routeId),
    { routeId, routeKey: '$connect', integrationId: message.integrationId },
  );
  await aws.deleteWebsocketRoute(apiId, routeId);
  assert.equal(
    (await aws.listWebsocketRoutes(apiId)).map((r) => r.routeKey),
    ['$default'],
  );
  await aws.deleteWebsocketIntegration(apiId, connect.integrationId);
  assert.equal(
    (await aws.listWebsocketIntegrations(apiId)).map((i) => i.integrationId),
    [message.integrationId],
  );

  // moto has no CreateDeployment (nor UpdateStage): the stage is made with a made-up deployment
  // id, which moto neither checks nor reports. Both calls are covered in the mock test.
  assert.is(await aws.getWebsocketStage(apiId, 'api'), null);
  await aws.createWebsocketStage(apiId, 'api', 'd-made-up');
  assert.ok(await aws.getWebsocketStage(apiId, 'api'));

  await aws.deleteWebsocketApi(apiId);
  assert.is(await aws.getWebsocketApi(apiId), null);
  await aws.deleteWebsocketApi(apiId);
});

moto('EventBridge: schedule and pattern rules with their targets', async ({ aws }) => {
  const functionArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:myapp-dev`;
  assert.is(await aws.getRule('myapp-dev-every_hour'), null);
  const { ruleArn } = await aws.putRule({ ruleName: 'myapp-dev-every_hour', scheduleExpression: 'rate(1 hour)', description: 'hourly' });
  assert.equal(await aws.getRule('myapp-dev-every_hour'), { ruleName: 'myapp-dev-every_hour', ruleArn, scheduleExpression: 'rate(1 hour)', description: 'hourly' });
  const pattern = JSON.stringify({ source: ['aws.codecommit'] });
  await aws.putRule({ ruleName: 'myapp-dev-on_commit', eventPattern: pattern, description: '' });
  assert.is((await aws.getRule('myapp-dev-on_commit'))!.eventPattern, pattern);

  await aws.putTarget('myapp-dev-every_hour', { id: '1', arn: functionArn });
  assert.equal(await aws.listTargets('myapp-dev-every_hour'), [{ id: '1', arn: functionArn }]);
  await aws.deleteRule('myapp-dev-every_hour');
  assert.is(await aws.getRule('myapp-dev-every_hour'), null);
  assert.equal(await aws.listTargets('myapp-dev-every_hour'), []);
  await aws.deleteRule('myapp-dev-every_hour');
  await aws.deleteRule('myapp-dev-on_commit');
});

moto('SNS: subscribe a function, list, unsubscribe', async (context) => {
  const { aws } = context;
  const functionArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:myapp-dev`;
  const { TopicArn } = await client(SNSClient, context).send(new CreateTopicCommand({ Name: 'news' }));
  assert.equal(await aws.listSubscriptions(TopicArn!), []);
  const { subscriptionArn } = await aws.subscribe(TopicArn!, functionArn);
  assert.equal(await aws.listSubscriptions(TopicArn!), [{ subscriptionArn, protocol: 'lambda', endpoint: functionArn }]);
  await aws.unsubscribe(subscriptionArn);
  assert.equal(await aws.listSubscriptions(TopicArn!), []);
  assert.equal(await aws.listSubscriptions(`arn:aws:sns:${REGION}:${ACCOUNT}:gone`), []);
});

moto('S3: the Lambda notification is added beside the bucket queue notification, which stays', async (context) => {
  const { aws } = context;
  const s3 = client(S3Client, context);
  await s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
  assert.equal(await aws.getBucketNotification('uploads'), {});
  const { QueueUrl } = await client(SQSClient, context).send(new CreateQueueCommand({ QueueName: 'bucket-events' }));
  const queueArn = await aws.getQueueArn('bucket-events');
  assert.ok(QueueUrl);
  await s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: 'uploads',
      NotificationConfiguration: { QueueConfigurations: [{ Id: 'theirs', QueueArn: queueArn, Events: ['s3:ObjectRemoved:*'] }] },
    }),
  );
  const current = await aws.getBucketNotification('uploads');
  const mine = {
    Id: 'mine',
    LambdaFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:myapp-dev`,
    Events: ['s3:ObjectCreated:*'],
    Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'images/' }] } },
  };
  await aws.putBucketNotification('uploads', { ...current, LambdaFunctionConfigurations: [mine] });
  const after = await aws.getBucketNotification('uploads');
  assert.equal(after.LambdaFunctionConfigurations, [mine]);
  assert.equal(after.QueueConfigurations, current.QueueConfigurations);

  const missing = await aws.getBucketNotification('no-such-bucket').catch((e: unknown) => e);
  assert.instance(missing, AwsError);
  assert.is((missing as AwsError).message, 'S3 bucket no-such-bucket does not exist: create it or fix the bucket name');
});

moto('CloudWatch Logs: one page of events, and nothing for a group Lambda has not made yet', async (context) => {
  const { aws } = context;
  const logs = client(CloudWatchLogsClient, context);
  const group = '/aws/lambda/myapp-dev';
  await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'stream-1' }));
  const now = Date.now();
  await logs.send(
    new PutLogEventsCommand({
      logGroupName: group,
      logStreamName: 'stream-1',
      logEvents: [
        { timestamp: now - 2_000, message: 'START' },
        { timestamp: now - 1_000, message: 'hello' },
      ],
    }),
  );
  const page = await aws.filterLogEvents({ logGroupName: group, startTime: now - 1_500 });
  assert.equal(page, { events: [{ eventId: page.events[0]!.eventId, timestamp: now - 1_000, message: 'hello', logStreamName: 'stream-1' }], nextToken: null });
  assert.equal(await aws.filterLogEvents({ logGroupName: '/aws/lambda/never-invoked' }), { events: [], nextToken: null });
});

moto('cleanup: the function and role go, and going again is not an error', async ({ aws }) => {
  await aws.deleteFunction('myapp-dev');
  assert.is(await aws.getFunction('myapp-dev'), null);
  await aws.deleteFunction('myapp-dev');
  await aws.deleteRole('myapp-dev');
  assert.is(await aws.getRole('myapp-dev'), null);
});

moto.run();
