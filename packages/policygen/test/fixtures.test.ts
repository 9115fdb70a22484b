import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyzeApp } from '../src/index.ts';
import { fixture } from './helpers.ts';

const EXPECTED: Record<string, { actions: string[]; files: string[] }> = {
  'esm-commands': {
    actions: ['lambda:InvokeFunction', 's3:GetObject', 's3:ListBucket', 's3:PutObject', 'sns:Publish', 'states:StartExecution'],
    files: ['app.ts', 'chalicelib/index.ts', 'chalicelib/notify.ts', 'chalicelib/storage.ts', 'chalicelib/workflow.ts'],
  },
  aggregated: {
    actions: [
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'lambda:InvokeFunction',
      's3:GetObject',
      's3:PutObject',
      'sqs:SendMessage',
    ],
    files: ['app.ts', 'chalicelib/clients.ts', 'chalicelib/jobs.ts'],
  },
  'paginators-waiters': {
    actions: ['dynamodb:DescribeTable', 'dynamodb:Scan', 'lambda:GetFunctionConfiguration', 's3:GetObject', 's3:ListBucket'],
    files: ['app.ts', 'chalicelib/counts.ts', 'chalicelib/ready.ts'],
  },
  'dynamodb-document': {
    actions: ['dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
    files: ['app.ts', 'chalicelib/archive.ts', 'chalicelib/orders.ts', 'chalicelib/table.ts'],
  },
  'storage-presign': {
    actions: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
    files: ['app.ts', 'chalicelib/transfer.ts'],
  },
  commonjs: {
    actions: ['s3:PutObject', 'secretsmanager:GetSecretValue', 'sqs:SendMessage', 'ssm:GetParameter'],
    files: ['app.js', 'chalicelib/clients.js', 'chalicelib/secrets.js'],
  },
  websocket: {
    actions: ['execute-api:ManageConnections'],
    files: ['app.ts', 'chalicelib/broadcast.ts'],
  },
};

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`fixture ${name}: the actions its code can reach, and no warnings`, () => {
    const analysis = analyzeApp({ projectDir: fixture(name) });
    assert.equal(
      analysis.statements.flatMap((statement) => statement.Action),
      expected.actions,
    );
    assert.equal(analysis.files, expected.files);
    assert.equal(analysis.warnings, []);
  });
}

test('a type-only import is not followed: its module never runs', () => {
  assert.not.ok(analyzeApp({ projectDir: fixture('esm-commands') }).files.includes('chalicelib/types.ts'));
});

test('one statement per service, Sids from the IAM prefix', () => {
  const { statements } = analyzeApp({ projectDir: fixture('esm-commands') });
  assert.equal(
    statements.map((statement) => [statement.Sid, statement.Resource]),
    [
      ['Lambda', '*'],
      ['S3', '*'],
      ['Sns', '*'],
      ['States', '*'],
    ],
  );
  assert.is(analyzeApp({ projectDir: fixture('websocket') }).statements[0]!.Sid, 'ExecuteApi');
});

test('entryFiles reads another entry module', () => {
  const analysis = analyzeApp({ projectDir: fixture('esm-commands'), entryFiles: ['chalicelib/notify.ts'] });
  assert.equal(analysis.files, ['chalicelib/notify.ts', 'chalicelib/workflow.ts']);
  assert.equal(
    analysis.statements.flatMap((statement) => statement.Action),
    ['sns:Publish', 'states:StartExecution'],
  );
});

test.run();
