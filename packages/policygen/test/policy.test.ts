import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyzeApp, diffPolicies, generatePolicy, policyDocument } from '../src/index.ts';
import { fixture } from './helpers.ts';

test('the document: app statements, then CloudWatch Logs, then VPC interfaces when asked', () => {
  const { policy } = generatePolicy({ projectDir: fixture('storage-presign'), vpc: true });
  assert.is(policy.Version, '2012-10-17');
  assert.equal(
    policy.Statement.map((statement) => statement.Sid),
    ['S3', 'ChaliceLogs', 'ChaliceVpcNetworkInterfaces'],
  );
  assert.equal(policy.Statement[0], { Sid: 'S3', Effect: 'Allow', Action: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'], Resource: '*' });
  assert.equal(policy.Statement[1]!.Action, ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']);
  assert.equal(generatePolicy({ projectDir: fixture('storage-presign') }).policy.Statement.length, 2);
});

test('an app that calls no AWS service still gets CloudWatch Logs', () => {
  const { statements } = analyzeApp({ projectDir: fixture('esm-commands'), entryFiles: ['chalicelib/index.ts'] });
  assert.ok(statements.length > 0);
  assert.equal(
    policyDocument([], {}).Statement.map((statement) => statement.Sid),
    ['ChaliceLogs'],
  );
});

test('analyse once, then documents for either VPC setting; they share no arrays', () => {
  const { statements } = analyzeApp({ projectDir: fixture('aggregated') });
  const plain = policyDocument(statements, { vpc: false });
  const vpc = policyDocument(statements, { vpc: true });
  assert.is(vpc.Statement.length, plain.Statement.length + 1);
  plain.Statement[0]!.Action.push('x:Y');
  assert.not.ok(vpc.Statement[0]!.Action.includes('x:Y'));
  assert.not.ok(statements[0]!.Action.includes('x:Y'));
});

test('byte-identical output for the same sources, wherever the project is', () => {
  const first = JSON.stringify(generatePolicy({ projectDir: fixture('esm-commands') }));
  const copy = join(mkdtempSync(join(tmpdir(), 'chalice-policygen-copy-')), 'app');
  cpSync(fixture('esm-commands'), copy, { recursive: true });
  assert.is(JSON.stringify(generatePolicy({ projectDir: copy })), first);
  assert.is(JSON.stringify(generatePolicy({ projectDir: fixture('esm-commands') })), first);
});

test('diffPolicies lists the actions added and removed, sorted, across statement shapes', () => {
  const old = { Statement: [{ Action: 's3:GetObject' }, { Action: ['logs:PutLogEvents', 'sns:Publish'] }] };
  const next = { Statement: { Action: ['s3:ListBucket', 's3:GetObject', 'logs:PutLogEvents', 'dynamodb:Query'] } };
  assert.equal(diffPolicies(old, next), { added: ['dynamodb:Query', 's3:ListBucket'], removed: ['sns:Publish'] });
  assert.equal(diffPolicies(next, next), { added: [], removed: [] });
});

test.run();
