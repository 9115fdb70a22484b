import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyzeApp, formatWarning, generatePolicy, PolicyError, PolicyInputError } from '../src/index.ts';
import { fixture, project } from './helpers.ts';

test('every call it cannot resolve is a warning with file:line:column and the reason', () => {
  const { warnings, statements } = analyzeApp({ projectDir: fixture('warnings') });
  assert.equal(warnings.map(formatWarning), [
    'app.ts:3:1: unknown AWS SDK client package @aws-sdk/client-nonexistent: no IAM service known for it',
    'app.ts:5:1: unresolved import "./chalicelib/missing.js": no such file',
    'app.ts:13:21: computed command: the command passed to send() is not a traceable `new XCommand()`',
    'app.ts:14:9: computed method on an AWS SDK client: the operation cannot be known',
    'app.ts:15:21: no IAM action known for @aws-sdk/client-s3 operation FrobnicateBucket',
    'app.ts:20:10: untracked receiver: putObject() looks like a @aws-sdk/client-s3 operation, but the client it is called on cannot be traced',
    'chalicelib/helpers.ts:2:24: computed import: the module it loads cannot be known',
  ]);
  assert.equal(statements, [], 'nothing resolvable is called');
});

test('AWS SDK v2 (aws-sdk) imports and calls are warnings with file:line, never dropped in silence', () => {
  const dir = project({
    'app.ts': [
      "import AWS from 'aws-sdk';",
      "import S3 from 'aws-sdk/clients/s3';",
      "const { SQS } = require('aws-sdk');",
      "export const get = () => new AWS.S3().getObject({ Bucket: 'b', Key: 'k' }).promise();",
      'const docs = new AWS.DynamoDB.DocumentClient();',
      "export const put = () => docs.put({ TableName: 't', Item: {} });",
      'export const list = () => new S3().listBuckets();',
      "export const send = () => new SQS().sendMessage({ QueueUrl: 'q', MessageBody: 'm' });",
      '',
    ].join('\n'),
  });
  const { warnings, statements } = analyzeApp({ projectDir: dir });
  assert.equal(warnings.map(formatWarning), [
    'app.ts:1:1: AWS SDK v2 (aws-sdk) is not analyzed: its calls get no IAM actions; use the v3 clients (@aws-sdk/client-*) or write the policy file yourself',
    'app.ts:2:1: AWS SDK v2 (aws-sdk/clients/s3) is not analyzed: its calls get no IAM actions; use the v3 clients (@aws-sdk/client-*) or write the policy file yourself',
    'app.ts:3:17: AWS SDK v2 (aws-sdk) is not analyzed: its calls get no IAM actions; use the v3 clients (@aws-sdk/client-*) or write the policy file yourself',
    'app.ts:4:26: AWS SDK v2 call S3.getObject() is not analyzed: it gets no IAM action',
    'app.ts:6:26: AWS SDK v2 call DynamoDB.DocumentClient.put() is not analyzed: it gets no IAM action',
    'app.ts:7:27: AWS SDK v2 call s3.listBuckets() is not analyzed: it gets no IAM action',
    'app.ts:8:27: AWS SDK v2 call SQS.sendMessage() is not analyzed: it gets no IAM action',
  ]);
  assert.equal(statements, []);
});

test('strict turns the warnings into a PolicyError with a code', () => {
  try {
    generatePolicy({ projectDir: fixture('warnings'), strict: true });
    assert.unreachable('expected a PolicyError');
  } catch (error) {
    assert.instance(error, PolicyError);
    assert.is((error as PolicyError).code, 'POLICY_UNRESOLVED');
    assert.is((error as PolicyError).warnings.length, 7);
    assert.match((error as Error).message, /app\.ts:13:21: computed command/);
  }
  assert.not.throws(() => generatePolicy({ projectDir: fixture('esm-commands'), strict: true }));
});

test('a syntax error is a warning at its position, never a silent gap', () => {
  const dir = project({ 'app.ts': "import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';\nawait new SNSClient({}).send(new PublishCommand({}));\nconst = 1;\n" });
  const { warnings, statements } = analyzeApp({ projectDir: dir });
  assert.is(warnings.length, 1);
  assert.match(formatWarning(warnings[0]!), /^app\.ts:3:\d+: syntax error: /);
  assert.equal(statements, [], 'oxc-parser gives no AST for a module it cannot parse');
});

test('a missing app module or entry file is a PolicyInputError', () => {
  assert.throws(
    () => analyzeApp({ projectDir: project({ 'README.md': '' }) }),
    (error: unknown) => error instanceof PolicyInputError && /No app module/.test((error as Error).message),
  );
  assert.throws(
    () => analyzeApp({ projectDir: fixture('esm-commands'), entryFiles: ['nope.ts'] }),
    (error: unknown) => (error as PolicyInputError).code === 'POLICY_INPUT',
  );
});

test.run();
