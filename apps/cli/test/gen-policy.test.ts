import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { genPolicyCommand } from '../src/commands/gen-policy.ts';
import { reportError } from '../src/errors.ts';

// Runs the command with stdout and stderr captured.
async function captured(run: () => Promise<void>): Promise<{ stdout: string; stderr: string }> {
  const output = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string) => ((output.stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((output.stderr += chunk), true)) as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
  return output;
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-gen-policy-'));
  mkdirSync(join(dir, 'chalicelib'));
  writeFileSync(join(dir, 'app.ts'), "import { S3 } from '@aws-sdk/client-s3';\nimport './chalicelib/jobs.js';\nexport const buckets = () => new S3({}).listBuckets({});\n");
  writeFileSync(join(dir, 'chalicelib', 'jobs.ts'), "import { SQSClient } from '@aws-sdk/client-sqs';\nexport const send = (c: unknown) => new SQSClient({}).send(c as never);\n");
  writeFileSync(join(dir, 'other.ts'), "import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';\nawait new SNSClient({}).send(new PublishCommand({}));\n");
  return dir;
}

test('prints the policy as 2-space JSON on stdout, warnings on stderr', async () => {
  const { stdout, stderr } = await captured(() => genPolicyCommand({ projectDir: project() }));
  const policy = JSON.parse(stdout);
  assert.is(stdout, `${JSON.stringify(policy, null, 2)}\n`);
  assert.equal(policy.Statement[0], { Sid: 'S3', Effect: 'Allow', Action: ['s3:ListAllMyBuckets'], Resource: '*' });
  assert.is(policy.Statement[1].Sid, 'ChaliceLogs');
  assert.is(stderr, 'Warning: chalicelib/jobs.ts:2:60: computed command: the command passed to send() is not a traceable `new XCommand()`\n');
});

test('--filename reads another entry module', async () => {
  const { stdout, stderr } = await captured(() => genPolicyCommand({ projectDir: project(), filename: 'other.ts' }));
  assert.equal(JSON.parse(stdout).Statement[0].Action, ['sns:Publish']);
  assert.is(stderr, '');
});

test('a missing file is a user error (exit 2)', async () => {
  try {
    await genPolicyCommand({ projectDir: project(), filename: 'nope.ts' });
    assert.unreachable('expected an error');
  } catch (error) {
    assert.match((error as Error).message, /^App file does not exist: .*nope\.ts$/);
    assert.is(
      reportError(error, false, () => {}),
      2,
    );
  }
});

test.run();
