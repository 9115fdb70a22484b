import {
  ApiGatewayV2Client,
  CreateApiCommand,
  CreateDeploymentCommand,
  CreateIntegrationCommand,
  CreateRouteCommand,
  CreateStageCommand,
  DeleteApiCommand,
  DeleteIntegrationCommand,
  DeleteRouteCommand,
  GetApiCommand,
  GetApisCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStageCommand,
  UpdateRouteCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-apigatewayv2';
import { mockClient } from 'aws-sdk-client-mock';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsError } from '../src/aws/aws-error.ts';
import { createAwsFacade } from '../src/aws/create-facade.ts';
import type { AwsFacade } from '../src/aws/facade.ts';

// The facade's API Gateway v2 calls with the SDK client mocked: what each call sends and how
// it reads the answer. moto has no CreateDeployment or UpdateStage, so this is their only test
// (the others also run against moto in aws-facade-moto.test.ts).

const URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:chat-dev-websocket_message/invocations';

interface Context {
  aws: AwsFacade;
  slept: number[];
}

const v2 = suite<Context>('aws facade: API Gateway v2 (mocked SDK)');
// Mocked only while this suite runs: uvu loads every test file before running any.
const mockV2 = () => mockClient(ApiGatewayV2Client);
let mock: ReturnType<typeof mockV2>;

function sdkError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

v2.before(() => {
  mock = mockV2();
});

v2.before.each(async (context) => {
  mock.reset();
  context.slept = [];
  context.aws = await createAwsFacade({ region: 'us-east-1', sleep: async (ms) => void context.slept.push(ms) });
});

v2.after(() => mock.restore());

v2('createWebsocketApi makes a WEBSOCKET API routed by $request.body.action', async ({ aws }) => {
  mock.on(CreateApiCommand).resolves({ ApiId: 'ws1' });
  assert.equal(await aws.createWebsocketApi('chat-dev-websocket-api'), { apiId: 'ws1' });
  assert.equal(
    mock.commandCalls(CreateApiCommand).map((c) => c.args[0].input),
    [{ Name: 'chat-dev-websocket-api', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }],
  );
});

v2('getWebsocketApi is null for a missing API; deleting one is not an error', async ({ aws }) => {
  mock.on(GetApiCommand, { ApiId: 'ws1' }).resolves({ ApiId: 'ws1', Name: 'chat-dev-websocket-api' });
  mock.on(GetApiCommand, { ApiId: 'gone' }).rejects(sdkError('NotFoundException', 'Invalid API identifier specified gone'));
  mock.on(DeleteApiCommand).rejects(sdkError('NotFoundException', 'Invalid API identifier specified gone'));
  assert.equal(await aws.getWebsocketApi('ws1'), { apiId: 'ws1', name: 'chat-dev-websocket-api' });
  assert.is(await aws.getWebsocketApi('gone'), null);
  await aws.deleteWebsocketApi('gone');
  assert.equal(
    mock.commandCalls(DeleteApiCommand).map((c) => c.args[0].input),
    [{ ApiId: 'gone' }],
  );
});

v2('findWebsocketApis reads every page and keeps the websocket APIs of that name', async ({ aws }) => {
  mock
    .on(GetApisCommand)
    .resolvesOnce({ Items: [{ ApiId: 'a', Name: 'chat-dev-websocket-api', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '' }], NextToken: 'n1' })
    // An empty page can still have a next one.
    .resolvesOnce({ Items: [], NextToken: 'n2' })
    .resolvesOnce({
      Items: [
        { ApiId: 'b', Name: 'chat-dev-websocket-api', ProtocolType: 'HTTP', RouteSelectionExpression: '' },
        { ApiId: 'c', Name: 'other', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '' },
        { ApiId: 'd', Name: 'chat-dev-websocket-api', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '' },
      ],
    });
  assert.equal(await aws.findWebsocketApis('chat-dev-websocket-api'), ['a', 'd']);
  assert.equal(
    mock
      .commandCalls(GetApisCommand)
      .map((c) => c.args[0].input)
      .map((i) => i.NextToken),
    [undefined, 'n1', 'n2'],
  );
});

v2('integrations: a Lambda proxy to the invoke URI, listed across pages, deleted tolerantly', async ({ aws }) => {
  mock.on(CreateIntegrationCommand).resolves({ IntegrationId: 'i1' });
  assert.equal(await aws.createWebsocketIntegration('ws1', URI), { integrationId: 'i1' });
  assert.equal(
    mock.commandCalls(CreateIntegrationCommand).map((c) => c.args[0].input),
    [{ ApiId: 'ws1', IntegrationType: 'AWS_PROXY', IntegrationUri: URI, ConnectionType: 'INTERNET', ContentHandlingStrategy: 'CONVERT_TO_TEXT' }],
  );
  mock
    .on(GetIntegrationsCommand)
    .resolvesOnce({ Items: [{ IntegrationId: 'i1', IntegrationUri: URI, IntegrationType: 'AWS_PROXY' }], NextToken: 't' })
    .resolvesOnce({
      Items: [{ IntegrationId: 'i2', IntegrationType: 'MOCK' }],
    });
  assert.equal(await aws.listWebsocketIntegrations('ws1'), [
    { integrationId: 'i1', integrationUri: URI },
    { integrationId: 'i2', integrationUri: null },
  ]);
  mock.on(DeleteIntegrationCommand).rejects(sdkError('NotFoundException', 'Invalid Integration identifier specified i9'));
  await aws.deleteWebsocketIntegration('ws1', 'i9');
  assert.equal(
    mock.commandCalls(DeleteIntegrationCommand).map((c) => c.args[0].input),
    [{ ApiId: 'ws1', IntegrationId: 'i9' }],
  );
});

v2('routes: created and re-pointed with an integrations/<id> target, listed with the integration it names', async ({ aws }) => {
  mock.on(CreateRouteCommand).resolves({ RouteId: 'r1' });
  mock.on(UpdateRouteCommand).resolves({});
  mock.on(DeleteRouteCommand).resolves({});
  assert.equal(await aws.createWebsocketRoute('ws1', '$connect', 'i1'), { routeId: 'r1' });
  await aws.updateWebsocketRoute('ws1', 'r1', 'i2');
  await aws.deleteWebsocketRoute('ws1', 'r1');
  assert.equal(
    mock.commandCalls(CreateRouteCommand).map((c) => c.args[0].input),
    [{ ApiId: 'ws1', RouteKey: '$connect', Target: 'integrations/i1' }],
  );
  assert.equal(
    mock.commandCalls(UpdateRouteCommand).map((c) => c.args[0].input),
    [{ ApiId: 'ws1', RouteId: 'r1', Target: 'integrations/i2' }],
  );
  assert.equal(
    mock.commandCalls(DeleteRouteCommand).map((c) => c.args[0].input),
    [{ ApiId: 'ws1', RouteId: 'r1' }],
  );
  mock.on(GetRoutesCommand).resolves({
    Items: [
      { RouteId: 'r1', RouteKey: '$connect', Target: 'integrations/i2' },
      { RouteId: 'r2', RouteKey: '$default' },
    ],
  });
  assert.equal(await aws.listWebsocketRoutes('ws1'), [
    { routeId: 'r1', routeKey: '$connect', integrationId: 'i2' },
    { routeId: 'r2', routeKey: '$default', integrationId: null },
  ]);
});

v2('a deployment, then the stage made or moved to it (moto lacks CreateDeployment and UpdateStage)', async ({ aws }) => {
  mock.on(CreateDeploymentCommand).resolves({ DeploymentId: 'd1' });
  mock.on(CreateStageCommand).resolves({});
  mock.on(UpdateStageCommand).resolves({});
  assert.equal(await aws.createWebsocketDeployment('ws1'), { deploymentId: 'd1' });
  await aws.createWebsocketStage('ws1', 'api', 'd1');
  await aws.updateWebsocketStage('ws1', 'api', 'd2');
  assert.equal(
    mock.commandCalls(CreateDeploymentCommand).map((c) => c.args[0].input),
    [{ ApiId: 'ws1' }],
  );
  assert.equal(
    mock.commandCalls(CreateStageCommand).map((c) => c.args[0].input),
    [{ ApiId: 'ws1', StageName: 'api', DeploymentId: 'd1' }],
  );
  assert.equal(
    mock.commandCalls(UpdateStageCommand).map((c) => c.args[0].input),
    [{ ApiId: 'ws1', StageName: 'api', DeploymentId: 'd2' }],
  );
  mock.on(GetStageCommand, { StageName: 'api' }).resolves({ StageName: 'api', DeploymentId: 'd2' });
  mock.on(GetStageCommand, { StageName: 'nope' }).rejects(sdkError('NotFoundException', 'Invalid stage identifier specified'));
  assert.equal(await aws.getWebsocketStage('ws1', 'api'), { deploymentId: 'd2' });
  assert.is(await aws.getWebsocketStage('ws1', 'nope'), null);
});

v2('throttling gets a slower second round; other failures are AwsErrors naming the call', async ({ aws, slept }) => {
  const throttled = sdkError('TooManyRequestsException', 'Too Many Requests');
  mock.on(CreateDeploymentCommand).rejectsOnce(throttled).resolves({ DeploymentId: 'd1' });
  assert.equal(await aws.createWebsocketDeployment('ws1'), { deploymentId: 'd1' });
  assert.equal(slept, [2_000]);
  mock.on(CreateRouteCommand).rejects(sdkError('ConflictException', 'Route with key $connect already exists for this API'));
  const error = await aws.createWebsocketRoute('ws1', '$connect', 'i1').catch((e: unknown) => e);
  assert.instance(error, AwsError);
  assert.is((error as AwsError).message, 'apigateway:CreateRoute failed: ConflictException: Route with key $connect already exists for this API');
});

v2.run();
