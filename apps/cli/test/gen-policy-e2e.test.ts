import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from './helpers/cli.ts';

test('gen-policy meeting AWS SDK v2 calls warns with file:line instead of dropping them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-gen-policy-v2-'));
  writeFileSync(
    join(dir, 'app.ts'),
    "import AWS from 'aws-sdk';\nimport { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';\nexport const a = () => new AWS.S3().getObject({ Bucket: 'b', Key: 'k' });\nexport const b = () => new S3Client({}).send(new ListBucketsCommand({}));\n",
  );
  const result = run(['gen-policy'], dir);
  assert.is(result.status, 0, result.stderr);
  assert.equal(result.stderr.trimEnd().split('\n'), [
    'Warning: app.ts:1:1: AWS SDK v2 (aws-sdk) is not analyzed: its calls get no IAM actions; use the v3 clients (@aws-sdk/client-*) or write the policy file yourself',
    'Warning: app.ts:3:24: AWS SDK v2 call S3.getObject() is not analyzed: it gets no IAM action',
  ]);
  assert.equal(JSON.parse(result.stdout).Statement[0].Action, ['s3:ListAllMyBuckets'], 'v3 calls are still analyzed');
});

test.run();
