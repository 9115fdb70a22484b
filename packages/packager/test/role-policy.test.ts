import { rmSync } from 'node:fs';
import { policyDocument } from '@chalice/policygen';
import { cfnLintTemplates } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildAppGraph } from '../src/build-graph.ts';
import { samTemplate } from '../src/sam-template.ts';
import { terraformConfig } from '../src/terraform-config.ts';
import { featureApp, featureConfig, featureProject, featureStage } from './feature-app.ts';

const projectDir = featureProject('chalice-role-policy-');

// What policygen finds in an app that calls `app.websocketApi.send` and S3: ManageConnections on `*`.
const APP_CALLS = [
  { Sid: 'ExecuteApi', Effect: 'Allow' as const, Action: ['execute-api:ManageConnections'], Resource: '*' },
  { Sid: 'S3', Effect: 'Allow' as const, Action: ['s3:GetObject'], Resource: '*' },
];

function graph() {
  const app = featureApp({ s3: false });
  return buildAppGraph(app, featureConfig(featureStage), 'dev', {
    projectDir,
    nodeVersion: 'v22.3.0',
    autogenPolicy: ({ vpcNeeded }) => policyDocument(APP_CALLS, { vpc: vpcNeeded }),
  }).graph;
}

type Statement = { Sid?: string; Action: string[]; Resource: unknown };
const withAction = (statements: Statement[], action: string) => statements.filter((s) => s.Action.includes(action));

const CONNECTION_METHODS = ['POST', 'GET', 'DELETE'];

test('SAM: the SQS statement names the queue, ManageConnections only the websocket API connections', () => {
  const template = samTemplate(graph(), { codeUri: './deployment.zip' });
  const statements = (template.Resources.DefaultRole!.Properties.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>)[0]!.PolicyDocument.Statement;
  assert.equal(withAction(statements, 'sqs:ReceiveMessage'), [
    {
      Sid: 'ChaliceSqsEventSources',
      Effect: 'Allow',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
      Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs' }],
    } as Statement,
  ]);
  assert.equal(withAction(statements, 'execute-api:ManageConnections'), [
    {
      Sid: 'ChaliceWebsocketConnections',
      Effect: 'Allow',
      Action: ['execute-api:ManageConnections'],
      Resource: CONNECTION_METHODS.map((method) => ({
        'Fn::Sub': `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${WebsocketAPI}/*/${method}/@connections/*`,
      })),
    } as Statement,
  ]);
  assert.ok(withAction(statements, 's3:GetObject').length === 1, 'the rest of what the app calls is kept');
  assert.not.ok(
    statements.some((s) => s.Sid === 'ExecuteApi'),
    'no ManageConnections on *',
  );
  assert.is(cfnLintTemplates({ scoped: template }), '');
});

test('Terraform: the same statements, with the queue and the websocket API by reference', () => {
  const tf = terraformConfig(graph(), { zipPath: '${path.module}/deployment.zip' });
  const policy = JSON.parse((tf.resource.aws_iam_role_policy as Record<string, { policy: string }>).default_role!.policy) as { Statement: Statement[] };
  const account = 'arn:${data.aws_partition.chalice.partition}:%s:${data.aws_region.chalice.id}:${data.aws_caller_identity.chalice.account_id}:';
  assert.equal(withAction(policy.Statement, 'sqs:ReceiveMessage')[0]!.Resource, [`${account.replace('%s', 'sqs')}jobs`]);
  assert.equal(
    withAction(policy.Statement, 'execute-api:ManageConnections').map((s) => s.Resource),
    [CONNECTION_METHODS.map((method) => `\${aws_apigatewayv2_api.websocket_api.execution_arn}/*/${method}/@connections/*`)],
  );
});

test('an app without a websocket API keeps what the app calls, on *', () => {
  const app = featureApp({ s3: false, websockets: false });
  const { graph: noWebsocket } = buildAppGraph(app, featureConfig(featureStage), 'dev', { projectDir, nodeVersion: 'v22.3.0', autogenPolicy: () => policyDocument(APP_CALLS) });
  const template = samTemplate(noWebsocket, { codeUri: './deployment.zip' });
  const statements = (template.Resources.DefaultRole!.Properties.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>)[0]!.PolicyDocument.Statement;
  assert.equal(
    withAction(statements, 'execute-api:ManageConnections').map((s) => s.Resource),
    ['*'],
  );
});

test.after(() => rmSync(projectDir, { recursive: true, force: true }));

test.run();
