import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto, type MotoServer } from '@chalice/fixtures';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { changing, motoCli, type ChaliceRun } from './helpers/moto-cli.ts';

// `kill -9` of the built CLI at every point of a deploy, against moto: right after each call
// that changes AWS is answered (CHALICE_TEST_KILL_AFTER_CALLS, read by the deployer's AWS
// clients), before the deployer could record what the call made. Then `chalice delete` must
// leave nothing, and a deploy after such a kill must leave exactly one of each resource. What is
// in moto is read with the AWS CLI, not with our code.

const work = mkdtempSync(join(tmpdir(), 'chalice-crash-'));
let endpoint = '';
const { chalice, aws } = motoCli(work, () => endpoint);

// A REST API, a function fed by an SQS queue and a schedule: every kind the issue names.
const APP = `import { Chalice } from '@chalice/router';
export const app = new Chalice({ appName: 'crashy' });
app.route('/', () => ({ hello: 'world' }));
app.onSqsMessage({ queue: 'jobs', batchSize: 2 }, function on_job() {});
app.schedule('rate(1 hour)', function every_hour() {});
`;

const project = join(work, 'crashy');
mkdirSync(join(project, '.chalice'), { recursive: true });
writeFileSync(join(project, '.chalice', 'config.json'), JSON.stringify({ version: '2.0', app_name: 'crashy', stages: { dev: {} } }));
writeFileSync(join(project, 'app.ts'), APP);

interface Inventory {
  functions: string[];
  roles: string[];
  restApis: string[];
  mappings: string[];
  rules: string[];
}

async function inventory(): Promise<Inventory> {
  const [functions, roles, apis, mappings, rules] = await Promise.all([
    aws<{ Functions: { FunctionName: string }[] }>('lambda', 'list-functions'),
    aws<{ Roles: { RoleName: string }[] }>('iam', 'list-roles'),
    aws<{ items: { id: string; name: string }[] }>('apigateway', 'get-rest-apis'),
    aws<{ EventSourceMappings: { UUID: string; FunctionArn: string }[] }>('lambda', 'list-event-source-mappings'),
    aws<{ Rules: { Name: string }[] }>('events', 'list-rules'),
  ]);
  return {
    functions: functions.Functions.map((f) => f.FunctionName).sort(),
    roles: roles.Roles.map((r) => r.RoleName),
    restApis: apis.items.map((a) => a.name),
    mappings: mappings.EventSourceMappings.map((m) => m.FunctionArn.split(':').at(-1)!),
    rules: rules.Rules.map((r) => r.Name),
  };
}

const NOTHING: Inventory = { functions: [], roles: [], restApis: [], mappings: [], rules: [] };
const ONE_OF_EACH: Inventory = {
  functions: ['crashy-dev', 'crashy-dev-every_hour', 'crashy-dev-on_job'],
  roles: ['crashy-dev'],
  restApis: ['crashy'],
  mappings: ['crashy-dev-on_job'],
  rules: ['crashy-dev-every_hour-event'],
};

function ok(run: ChaliceRun, what: string): ChaliceRun {
  assert.is(run.status, 0, `${what}: ${run.stdout}\n${run.stderr}`);
  return run;
}

function killedAt(call: number): ChaliceRun {
  const run = chalice(['deploy', '--yes'], project, { CHALICE_TEST_KILL_AFTER_CALLS: String(call) });
  assert.is(run.signal, 'SIGKILL', `the deploy is killed after changing call ${call}: ${run.stdout}\n${run.stderr}`);
  return run;
}

const crash = suite<{ moto: MotoServer; changingCalls: string[] }>('chalice deploy killed at every changing call, on moto');

crash.before(async (context) => {
  context.moto = await startMoto();
  endpoint = context.moto.endpoint;
  await aws('sqs', 'create-queue', '--queue-name', 'jobs');
});

crash.after(async (context) => {
  await context.moto?.stop();
  rmSync(work, { recursive: true, force: true });
});

crash('a deploy without a kill: one of each resource, and the calls that change AWS counted', async (context) => {
  context.changingCalls = changing(ok(chalice(['deploy', '--yes'], project), 'deploy').calls);
  assert.ok(context.changingCalls.includes('APIGateway:CreateRestApi') && context.changingCalls.includes('Lambda:CreateEventSourceMapping'), context.changingCalls.join(' '));
  assert.equal(await inventory(), ONE_OF_EACH);
  ok(chalice(['delete'], project), 'delete');
  assert.equal(await inventory(), NOTHING);
});

// Every changing call is a kill point; what follows the kill alternates, so the run stays short
// (each step runs the built CLI 3 to 4 times): after odd calls `chalice delete` must leave
// nothing; after even calls a re-run deploy must leave one of each, and delete then nothing.
// Both follow-ups after every call are covered against the fake AWS (packages/deployer's
// executor tests inject a failure at each call).
crash('killed after any changing call: delete leaves nothing, or a deploy after the kill leaves one of each', async ({ changingCalls }) => {
  for (const [index, name] of changingCalls.entries()) {
    const where = `killed after ${name} (changing call ${index + 1} of ${changingCalls.length})`;
    killedAt(index + 1);
    if (index % 2 === 0) {
      ok(chalice(['delete'], project), `${where}, delete`);
      assert.equal(await inventory(), NOTHING, `${where}, then deleted`);
      continue;
    }
    ok(chalice(['deploy', '--yes'], project), `${where}, deploy again`);
    assert.equal(await inventory(), ONE_OF_EACH, `${where}, then deployed again`);
    ok(chalice(['delete'], project), `${where}, deploy again, delete`);
    assert.equal(await inventory(), NOTHING, `${where}, then deployed again and deleted`);
  }
});

crash.run();
