import {
  APIGatewayClient,
  CreateDeploymentCommand,
  DeleteRestApiCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  TagResourceCommand as TagApiCommand,
  UpdateRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { DescribeRuleCommand, EventBridgeClient, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { DeleteRoleCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient, ListRolePoliciesCommand, NoSuchEntityException } from '@aws-sdk/client-iam';
import {
  AddPermissionCommand,
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListTagsCommand,
  ResourceConflictException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { GetBucketNotificationConfigurationCommand, PutBucketNotificationConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { ListSubscriptionsByTopicCommand, SNSClient, UnsubscribeCommand } from '@aws-sdk/client-sns';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockClient } from 'aws-sdk-client-mock';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsError } from '../src/aws/aws-error.ts';
import { createAwsFacade } from '../src/aws/create-facade.ts';
import type { AwsFacade, FunctionSpec } from '../src/aws/facade.ts';
import { restApiSettingsChanges } from '../src/rest-api-settings.ts';

// The facade's retries, waits and error mapping, with every SDK client mocked. Also the
// behaviours moto does not reproduce (see aws-facade-moto.test.ts).

// Mocked only while this suite runs: uvu loads every test file before running any.
function mockClients() {
  return {
    lambda: mockClient(LambdaClient),
    iam: mockClient(IAMClient),
    apigateway: mockClient(APIGatewayClient),
    events: mockClient(EventBridgeClient),
    sns: mockClient(SNSClient),
    s3: mockClient(S3Client),
    sts: mockClient(STSClient),
  };
}
let mock: ReturnType<typeof mockClients>;

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:myapp-dev';
const SPEC: FunctionSpec = {
  functionName: 'myapp-dev',
  runtime: 'nodejs22.x',
  handler: 'app.handler',
  roleArn: 'arn:aws:iam::123456789012:role/myapp-dev',
  memorySize: 128,
  timeout: 60,
  environment: {},
  layers: [],
  subnetIds: [],
  securityGroupIds: [],
  tags: {},
};
const ZIP = new Uint8Array([80, 75, 5, 6]);
const READY = { State: 'Active', LastUpdateStatus: 'Successful' } as const;

function sdkError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

async function failure(promise: Promise<unknown>): Promise<AwsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.instance(error, AwsError, 'expected an AwsError');
  return error as AwsError;
}

interface Context {
  aws: AwsFacade;
  slept: number[];
}

const facade = suite<Context>('aws facade (mocked SDK)');

facade.before(() => {
  mock = mockClients();
});

facade.before.each(async (context) => {
  for (const m of Object.values(mock)) m.reset();
  context.slept = [];
  context.aws = await createAwsFacade({ region: 'us-east-1', sleep: async (ms) => void context.slept.push(ms) });
});

facade.after(() => {
  for (const m of Object.values(mock)) m.restore();
});

facade('createFunction retries while the new role cannot be assumed, then waits until Active', async ({ aws, slept }) => {
  const propagating = sdkError('InvalidParameterValueException', 'The role defined for the function cannot be assumed by Lambda.');
  mock.lambda.on(CreateFunctionCommand).rejectsOnce(propagating).rejectsOnce(propagating).resolves({ FunctionArn: ARN, State: 'Pending' });
  mock.lambda.on(GetFunctionConfigurationCommand).resolvesOnce({ State: 'Pending', LastUpdateStatus: 'InProgress' }).resolvesOnce({ State: 'Pending' }).resolves(READY);
  assert.equal(await aws.createFunction({ ...SPEC, tags: { team: 'blue' } }, ZIP), { functionArn: ARN });
  assert.is(mock.lambda.commandCalls(CreateFunctionCommand).length, 3);
  assert.is(mock.lambda.commandCalls(GetFunctionConfigurationCommand).length, 3);
  assert.equal(slept, [1_000, 2_000, 500, 1_000]);
  const input = mock.lambda.commandCalls(CreateFunctionCommand)[0]!.args[0].input;
  assert.equal(input.Code, { ZipFile: ZIP });
  assert.is(input.PackageType, 'Zip');
  assert.equal(input.Tags, { team: 'blue' });
  assert.is(input.VpcConfig, undefined);
});

facade('createFunction gives up on the role after about a minute, naming the call', async ({ aws, slept }) => {
  mock.lambda.on(CreateFunctionCommand).rejects(sdkError('InvalidParameterValueException', 'The role defined for the function cannot be assumed by Lambda.'));
  const error = await failure(aws.createFunction(SPEC, ZIP));
  assert.is(error.code, 'AWS_CALL_FAILED');
  assert.is(error.message, 'lambda:CreateFunction failed: InvalidParameterValueException: The role defined for the function cannot be assumed by Lambda.');
  const total = slept.reduce((a, b) => a + b, 0);
  assert.ok(total > 45_000 && total <= 60_000, `waited ${total} ms`);
});

facade('a Failed state surfaces the StateReason', async ({ aws }) => {
  mock.lambda.on(CreateFunctionCommand).resolves({ FunctionArn: ARN });
  mock.lambda.on(GetFunctionConfigurationCommand).resolves({ State: 'Failed', StateReason: 'The subnet ids are invalid.' });
  const error = await failure(aws.createFunction({ ...SPEC, subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] }, ZIP));
  assert.is(error.message, 'Lambda function myapp-dev failed: The subnet ids are invalid.');
  assert.equal(mock.lambda.commandCalls(CreateFunctionCommand)[0]!.args[0].input.VpcConfig, { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] });
});

facade('updateFunctionCode waits for the update, and a failed update says why', async ({ aws }) => {
  mock.lambda.on(UpdateFunctionCodeCommand).resolves({});
  mock.lambda.on(GetFunctionConfigurationCommand).resolvesOnce({ State: 'Active', LastUpdateStatus: 'InProgress' }).resolves(READY);
  await aws.updateFunctionCode('myapp-dev', ZIP);
  assert.is(mock.lambda.commandCalls(GetFunctionConfigurationCommand).length, 2);

  mock.lambda.on(GetFunctionConfigurationCommand).resolves({ State: 'Active', LastUpdateStatus: 'Failed', LastUpdateStatusReason: 'Code too large' });
  const error = await failure(aws.updateFunctionCode('myapp-dev', ZIP));
  assert.is(error.message, 'Update of Lambda function myapp-dev failed: Code too large');
});

facade('updateFunctionConfiguration waits out an update in progress and sends empty lists to remove a VPC', async ({ aws, slept }) => {
  const busy = new ResourceConflictException({ message: 'The operation cannot be performed at this time. An update is in progress for resource: ' + ARN, $metadata: {} });
  mock.lambda.on(UpdateFunctionConfigurationCommand).rejectsOnce(busy).resolves({});
  mock.lambda.on(GetFunctionConfigurationCommand).resolves(READY);
  await aws.updateFunctionConfiguration('myapp-dev', SPEC);
  assert.equal(slept, [1_000]);
  const input = mock.lambda.commandCalls(UpdateFunctionConfigurationCommand)[1]!.args[0].input;
  assert.equal(input.VpcConfig, { SubnetIds: [], SecurityGroupIds: [] });
  assert.equal([input.Layers, input.Environment], [[], { Variables: {} }]);
});

facade('setFunctionTags removes, changes and adds only what differs', async ({ aws }) => {
  mock.lambda.on(ListTagsCommand).resolves({ Tags: { keep: '1', change: 'old', drop: 'x' } });
  mock.lambda.on(TagResourceCommand).resolves({});
  mock.lambda.on(UntagResourceCommand).resolves({});
  await aws.setFunctionTags(ARN, { keep: '1', change: 'new', add: 'y' });
  assert.equal(mock.lambda.commandCalls(UntagResourceCommand)[0]!.args[0].input, { Resource: ARN, TagKeys: ['drop'] });
  assert.equal(mock.lambda.commandCalls(TagResourceCommand)[0]!.args[0].input, { Resource: ARN, Tags: { change: 'new', add: 'y' } });

  mock.lambda.resetHistory();
  await aws.setFunctionTags(ARN, { keep: '1', change: 'old', drop: 'x' });
  assert.is(mock.lambda.commandCalls(TagResourceCommand).length + mock.lambda.commandCalls(UntagResourceCommand).length, 0);
});

facade('getters return null and deletes succeed for what does not exist', async ({ aws }) => {
  mock.iam.on(GetRoleCommand).rejects(new NoSuchEntityException({ message: 'The role with name x cannot be found.', $metadata: {} }));
  mock.iam.on(ListRolePoliciesCommand).rejects(new NoSuchEntityException({ message: 'The role with name x cannot be found.', $metadata: {} }));
  mock.lambda.on(GetFunctionCommand).rejects(sdkError('ResourceNotFoundException', 'Function not found'));
  mock.lambda.on(DeleteFunctionCommand).rejects(sdkError('ResourceNotFoundException', 'Function not found'));
  mock.apigateway.on(GetRestApiCommand).rejects(sdkError('NotFoundException', 'Invalid API identifier specified'));
  // moto answers this one with a 500.
  mock.apigateway.on(DeleteRestApiCommand).rejects(sdkError('NotFoundException', 'Invalid API identifier specified'));
  mock.events.on(DescribeRuleCommand).rejects(sdkError('ResourceNotFoundException', 'Rule x does not exist.'));
  mock.sns.on(UnsubscribeCommand).rejects(sdkError('NotFound', 'Subscription does not exist'));
  assert.is(await aws.getRole('x'), null);
  assert.is(await aws.getFunction('x'), null);
  assert.is(await aws.getRestApi('x'), null);
  assert.is(await aws.getRule('x'), null);
  await aws.deleteRole('x');
  await aws.deleteFunction('x');
  await aws.deleteRestApi('x');
  await aws.unsubscribe('arn:aws:sns:us-east-1:123456789012:t:1');
  assert.is(mock.iam.commandCalls(DeleteRoleCommand).length, 0);
});

facade('getRolePolicy decodes the URL-encoded document IAM returns', async ({ aws }) => {
  const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/a b%' }] };
  mock.iam.on(GetRolePolicyCommand).resolves({ PolicyDocument: encodeURIComponent(JSON.stringify(document)) });
  assert.equal(await aws.getRolePolicy('r', 'p'), document);
});

facade('addPermission keeps an existing statement with the same id', async ({ aws }) => {
  // moto adds a duplicate statement instead of answering with this conflict.
  mock.lambda.on(AddPermissionCommand).rejects(new ResourceConflictException({ message: 'The statement id (s3-invoke) provided already exists.', $metadata: {} }));
  await aws.addPermission('myapp-dev', { statementId: 's3-invoke', principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::b', sourceAccount: '123456789012' });
  assert.equal(mock.lambda.commandCalls(AddPermissionCommand)[0]!.args[0].input, {
    FunctionName: 'myapp-dev',
    StatementId: 's3-invoke',
    Action: 'lambda:InvokeFunction',
    Principal: 's3.amazonaws.com',
    SourceArn: 'arn:aws:s3:::b',
    SourceAccount: '123456789012',
  });
});

facade('an event source mapping still being created is deleted once Lambda lets go of it', async ({ aws, slept }) => {
  const busy = sdkError('ResourceInUseException', 'Cannot delete the event source mapping because it is in use.');
  mock.lambda.on(DeleteEventSourceMappingCommand).rejectsOnce(busy).resolves({});
  await aws.deleteEventSourceMapping('uuid-1');
  assert.equal(slept, [1_000]);
  assert.is(mock.lambda.commandCalls(DeleteEventSourceMappingCommand).length, 2);
});

facade('the SQS mapping waits for the role policy to let Lambda read the queue', async ({ aws, slept }) => {
  const notYet = sdkError('InvalidParameterValueException', 'The provided execution role does not have permissions to call ReceiveMessage on SQS');
  mock.lambda.on(CreateEventSourceMappingCommand).rejectsOnce(notYet).resolves({ UUID: 'uuid-1' });
  assert.equal(await aws.createEventSourceMapping('myapp-dev', 'arn:aws:sqs:us-east-1:123456789012:jobs', 10), { uuid: 'uuid-1' });
  assert.equal(slept, [1_000]);
});

facade('access denied, an expired token and rejected keys become one-line AwsErrors', async ({ aws }) => {
  mock.lambda
    .on(GetFunctionCommand)
    .rejects(sdkError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: lambda:GetFunction\n on resource: ' + ARN));
  const denied = await failure(aws.getFunction('myapp-dev'));
  assert.is(denied.code, 'AWS_ACCESS_DENIED');
  assert.is(denied.operation, 'lambda:GetFunction');
  assert.is(
    denied.message,
    `Access denied calling lambda:GetFunction: grant it to the deploying user (AWS: User: arn:aws:iam::123456789012:user/dev is not authorized to perform: lambda:GetFunction on resource: ${ARN})`,
  );

  mock.sts.on(GetCallerIdentityCommand).rejects(sdkError('ExpiredToken', 'The security token included in the request is expired'));
  const expired = await failure(aws.accountId());
  assert.is(expired.code, 'AWS_CREDENTIALS');
  assert.is(expired.message, 'The AWS session token has expired (calling sts:GetCallerIdentity): refresh your credentials (e.g. `aws sso login`) and run again');

  mock.iam.on(GetRoleCommand).rejects(sdkError('InvalidClientTokenId', 'The security token included in the request is invalid.'));
  assert.is((await failure(aws.getRole('r'))).code, 'AWS_CREDENTIALS');
});

facade('accountId asks STS once', async ({ aws }) => {
  mock.sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012' });
  assert.equal([await aws.accountId(), await aws.accountId()], ['123456789012', '123456789012']);
  assert.is(mock.sts.commandCalls(GetCallerIdentityCommand).length, 1);
});

facade('API Gateway throttling gets a slower second round of retries', async ({ aws, slept }) => {
  const throttled = sdkError('TooManyRequestsException', 'Too Many Requests');
  mock.apigateway.on(CreateDeploymentCommand).rejectsOnce(throttled).rejectsOnce(throttled).resolves({ id: 'd1' });
  await aws.createDeployment('abc', 'api');
  assert.equal(slept, [2_000, 4_000]);
  assert.equal(mock.apigateway.commandCalls(CreateDeploymentCommand)[2]!.args[0].input, { restApiId: 'abc', stageName: 'api' });
});

facade('REST APIs of a name are found across pages of GetRestApis, with their tags; TagResource names the API by its ARN', async ({ aws }) => {
  mock.apigateway.on(GetRestApisCommand, { position: undefined, limit: 500 }).resolves({
    items: [
      { id: 'a1', name: 'myapp', tags: { 'aws-chalice': 'stage=dev' } },
      { id: 'b1', name: 'other' },
    ],
    position: 'p2',
  });
  mock.apigateway.on(GetRestApisCommand, { position: 'p2', limit: 500 }).resolves({ items: [{ id: 'a2', name: 'myapp' }] });
  mock.apigateway.on(TagApiCommand).resolves({});
  const found = await aws.findRestApis('myapp');
  assert.equal(
    found.map((api) => [api.restApiId, api.tags]),
    [
      ['a1', { 'aws-chalice': 'stage=dev' }],
      ['a2', {}],
    ],
  );
  await aws.tagRestApi('a2', { 'aws-chalice': 'stage=prod' });
  assert.equal(mock.apigateway.commandCalls(TagApiCommand)[0]!.args[0].input, { resourceArn: 'arn:aws:apigateway:us-east-1::/restapis/a2', tags: { 'aws-chalice': 'stage=prod' } });
});

facade('REST API settings: read from GetRestApi, changed by UpdateRestApi patch operations in order', async ({ aws }) => {
  // A PRIVATE API with compression and the default policy, becoming a plain REGIONAL one.
  mock.apigateway.on(GetRestApiCommand).resolves({
    id: 'abc',
    name: 'myapp',
    endpointConfiguration: { types: ['PRIVATE'], vpcEndpointIds: ['vpce-1', 'vpce-2'] },
    minimumCompressionSize: 1024,
    policy: '{\\"Version\\":\\"2012-10-17\\"}',
  });
  mock.apigateway.on(UpdateRestApiCommand).resolves({});
  const remote = await aws.getRestApi('abc');
  assert.equal(remote, { restApiId: 'abc', name: 'myapp', endpointType: 'PRIVATE', vpcEndpointIds: ['vpce-1', 'vpce-2'], minimumCompressionSize: 1024, hasPolicy: true });
  const changes = restApiSettingsChanges(remote!, { endpointType: 'REGIONAL', vpcEndpointIds: [], minimumCompressionSize: null, hasPolicy: false });
  assert.equal(
    changes.map((c) => c.what),
    ['endpoint type REGIONAL, no VPC endpoints', 'no compression', 'no resource policy'],
  );
  await aws.updateRestApi(
    'abc',
    changes.flatMap((c) => c.operations),
  );
  assert.equal(mock.apigateway.commandCalls(UpdateRestApiCommand)[0]!.args[0].input, {
    restApiId: 'abc',
    patchOperations: [
      { op: 'remove', path: '/endpointConfiguration/vpcEndpointIds', value: 'vpce-1' },
      { op: 'remove', path: '/endpointConfiguration/vpcEndpointIds', value: 'vpce-2' },
      { op: 'replace', path: '/endpointConfiguration/types/PRIVATE', value: 'REGIONAL' },
      { op: 'replace', path: '/minimumCompressionSize', value: '' },
      { op: 'replace', path: '/policy', value: '' },
    ],
  });

  // And back: the type changes before the endpoints are added; a size is sent as a string.
  const back = restApiSettingsChanges(
    { endpointType: 'REGIONAL', vpcEndpointIds: [], minimumCompressionSize: null, hasPolicy: false },
    { endpointType: 'PRIVATE', vpcEndpointIds: ['vpce-3'], minimumCompressionSize: 0, hasPolicy: true },
  );
  assert.equal(
    back.flatMap((c) => c.operations),
    [
      { op: 'replace', path: '/endpointConfiguration/types/REGIONAL', value: 'PRIVATE' },
      { op: 'add', path: '/endpointConfiguration/vpcEndpointIds', value: 'vpce-3' },
      { op: 'replace', path: '/minimumCompressionSize', value: '0' },
    ],
  );
  assert.equal(restApiSettingsChanges(remote!, remote!), [], 'nothing differs: nothing to patch');
});

facade('the bucket notification keeps the configurations Chalice does not own', async ({ aws }) => {
  const topic = { Id: 'theirs', TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Events: ['s3:ObjectRemoved:*' as const] };
  mock.s3.on(GetBucketNotificationConfigurationCommand).resolves({ TopicConfigurations: [topic], EventBridgeConfiguration: {}, $metadata: { httpStatusCode: 200 } });
  mock.s3.on(PutBucketNotificationConfigurationCommand).resolves({});
  const current = await aws.getBucketNotification('uploads');
  assert.equal(current, { TopicConfigurations: [topic], EventBridgeConfiguration: {} });
  const mine = { LambdaFunctionArn: ARN, Events: ['s3:ObjectCreated:*'] };
  await aws.putBucketNotification('uploads', { ...current, LambdaFunctionConfigurations: [mine] });
  assert.equal(mock.s3.commandCalls(PutBucketNotificationConfigurationCommand)[0]!.args[0].input, {
    Bucket: 'uploads',
    NotificationConfiguration: { TopicConfigurations: [topic], EventBridgeConfiguration: {}, LambdaFunctionConfigurations: [mine] },
  });

  mock.s3.on(GetBucketNotificationConfigurationCommand).rejects(sdkError('NoSuchBucket', 'The specified bucket does not exist'));
  const missing = await failure(aws.getBucketNotification('typo'));
  assert.is(missing.message, 'S3 bucket typo does not exist: create it or fix the bucket name');
});

facade('SNS subscriptions are read across pages', async ({ aws }) => {
  const topicArn = 'arn:aws:sns:us-east-1:123456789012:t';
  mock.sns
    .on(ListSubscriptionsByTopicCommand)
    .resolvesOnce({ Subscriptions: [{ SubscriptionArn: `${topicArn}:1`, Protocol: 'lambda', Endpoint: ARN }], NextToken: 'next' })
    .resolvesOnce({ Subscriptions: [{ SubscriptionArn: `${topicArn}:2`, Protocol: 'email', Endpoint: 'a@b.c' }] });
  assert.equal(await aws.listSubscriptions(topicArn), [
    { subscriptionArn: `${topicArn}:1`, protocol: 'lambda', endpoint: ARN },
    { subscriptionArn: `${topicArn}:2`, protocol: 'email', endpoint: 'a@b.c' },
  ]);
  assert.is(mock.sns.commandCalls(ListSubscriptionsByTopicCommand)[1]!.args[0].input.NextToken, 'next');
});

facade('a target EventBridge rejects is an error', async ({ aws }) => {
  mock.events.on(PutTargetsCommand).resolves({ FailedEntryCount: 1, FailedEntries: [{ TargetId: '1', ErrorCode: 'ValidationException', ErrorMessage: 'bad arn' }] });
  const error = await failure(aws.putTarget('r', { id: '1', arn: 'nope' }));
  assert.is(error.message, 'events:PutTargets failed for rule r: ValidationException: bad arn');
});

facade('the partition follows the region', async () => {
  const partitions = await Promise.all(['us-east-1', 'cn-northwest-1', 'us-gov-west-1'].map(async (region) => (await createAwsFacade({ region })).partition));
  assert.equal(partitions, ['aws', 'aws-cn', 'aws-us-gov']);
});

facade.run();

// Real SDK clients and the real credential chain, with nothing configured: no network call is made.
const unconfigured = suite('aws facade without configuration');
const saved = { ...process.env };

unconfigured.before(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  Object.assign(process.env, { AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials', AWS_EC2_METADATA_DISABLED: 'true' });
});

unconfigured.after(() => {
  process.env = saved;
});

unconfigured('no credentials: what to do, naming the call', async () => {
  const aws = await createAwsFacade({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9' });
  const error = await failure(aws.accountId());
  assert.is(error.code, 'AWS_CREDENTIALS');
  assert.is(error.message, 'No AWS credentials found for sts:GetCallerIdentity: set AWS_PROFILE or run `aws configure`');
});

unconfigured('no region: what to do', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-profiles-'));
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  writeFileSync(process.env.AWS_CONFIG_FILE, '[profile work]\noutput = json\n');
  try {
    const error = await failure(createAwsFacade({ profile: 'work' }));
    assert.is(error.code, 'AWS_CREDENTIALS');
    assert.is(error.message, 'No AWS region configured: set AWS_REGION or run `aws configure` to give profile work a region');
  } finally {
    process.env.AWS_CONFIG_FILE = '/nonexistent/config';
  }
});

unconfigured('a profile in neither file: it is unknown, not a missing region', async () => {
  const error = await failure(createAwsFacade({ profile: 'nosuch' }));
  assert.is(error.code, 'AWS_CREDENTIALS');
  assert.is(error.message, 'The AWS profile "nosuch" is unknown: it is in neither /nonexistent/config nor /nonexistent/credentials (`aws configure --profile nosuch` creates it)');
});

unconfigured('AWS_DEFAULT_REGION counts, as for the AWS CLI', async () => {
  process.env.AWS_DEFAULT_REGION = 'eu-west-3';
  try {
    assert.is((await createAwsFacade()).region, 'eu-west-3');
  } finally {
    delete process.env.AWS_DEFAULT_REGION;
  }
});

unconfigured.run();
