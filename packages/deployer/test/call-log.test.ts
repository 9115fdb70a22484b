import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto, type MotoServer } from '@chalice/fixtures';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CALL_LOG_ENV } from '../src/aws/clients.ts';
import { createAwsFacade } from '../src/aws/create-facade.ts';

// The call log runs inside the SDK's middleware stack, which aws-sdk-client-mock bypasses:
// only real requests (to moto) exercise it.

interface Context {
  moto: MotoServer;
  dir: string;
}

const callLog = suite<Context>('CHALICE_AWS_CALL_LOG');
const saved = { ...process.env };

callLog.before(async (context) => {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' });
  delete process.env.AWS_PROFILE;
  context.moto = await startMoto();
  context.dir = mkdtempSync(join(tmpdir(), 'chalice-call-log-'));
});

callLog.after(async (context) => {
  await context.moto?.stop();
  rmSync(context.dir, { recursive: true, force: true });
  process.env = saved;
});

callLog('one line per SDK command, failed ones (a missing resource) included, in the order sent', async ({ moto, dir }) => {
  const file = join(dir, 'calls.log');
  process.env[CALL_LOG_ENV] = file;
  const aws = await createAwsFacade({ region: 'us-east-1', endpoint: moto.endpoint });
  assert.is(await aws.accountId(), '123456789012');
  assert.is(await aws.getRole('no-such-role'), null);
  assert.is(await aws.getFunction('no-such-function'), null);
  assert.is(await aws.getRestApi('nosuchapi'), null);
  assert.equal(readFileSync(file, 'utf8').split('\n'), ['STS:GetCallerIdentity', 'IAM:GetRole', 'Lambda:GetFunction', 'APIGateway:GetRestApi', '']);
});

callLog('without the variable, nothing is logged', async ({ moto, dir }) => {
  const file = join(dir, 'unset.log');
  delete process.env[CALL_LOG_ENV];
  const aws = await createAwsFacade({ region: 'us-east-1', endpoint: moto.endpoint });
  assert.is(await aws.getRole('no-such-role'), null);
  process.env[CALL_LOG_ENV] = file;
  // The variable is read when a client is made: the IAM client already exists, unlogged.
  assert.is(await aws.getRole('no-such-role'), null);
  assert.throws(() => readFileSync(file));
});

callLog.run();
