import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deploy, destroy, getUrl, plan } from '../src/deploy.ts';
import { DeployError } from '../src/errors.ts';
import { statePath } from '../src/state.ts';
import { fakeAws } from './helpers.ts';

const temp = mkdtempSync(join(tmpdir(), 'chalice-deploy-'));
let projects = 0;

// The seed's 1.2.0 example: a pure function `foo` and a REST API.
const SEED_APP = `import { Chalice } from '@chalice/router';
export const app = new Chalice({ appName: 'myapp' });
app.route('/', () => ({ hello: 'world' }));
app.lambdaFunction(function foo() { return 'foo'; });
`;

// The seed's websocket echo server (16.1.1), with a REST route when asked.
const echoApp = ({ rest }: { rest: boolean }) => `import { Chalice } from '@chalice/router';
export const app = new Chalice({ appName: 'myapp' });
app.experimentalFeatureFlags.add('WEBSOCKETS');
${rest ? "app.route('/', () => ({ hello: 'world' }));\n" : ''}app.onWsConnect(() => {});
app.onWsMessage(async (event) => { await app.websocketApi.send(event.connectionId, event.body); });
app.onWsDisconnect(() => {});
`;

function project(source = SEED_APP): string {
  const dir = join(temp, `myapp-${++projects}`);
  mkdirSync(join(dir, '.chalice'), { recursive: true });
  writeFileSync(join(dir, '.chalice', 'config.json'), JSON.stringify({ version: '2.0', app_name: 'myapp', stages: { dev: {} } }));
  writeFileSync(join(dir, 'app.ts'), source);
  return dir;
}

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function';

async function rejects(promise: Promise<unknown>): Promise<DeployError> {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, DeployError);
    return error as DeployError;
  }
  throw new Error('expected a DeployError');
}

test("a first deploy prints the seed's lines and summary, and records the stage", async () => {
  const projectDir = project();
  const aws = fakeAws();
  const lines: string[] = [];
  const result = await deploy({ projectDir, aws, onProgress: (line) => lines.push(line) });
  const url = 'https://api0000001.execute-api.us-east-1.amazonaws.com/api/';
  assert.equal(lines, [
    'Creating deployment package.',
    'Creating IAM role: myapp-dev',
    'Creating lambda function: myapp-dev-foo',
    'Creating lambda function: myapp-dev',
    'Creating Rest API',
    'Resources deployed:',
    `- Lambda ARN: ${ARN}:myapp-dev-foo`,
    `- Lambda ARN: ${ARN}:myapp-dev`,
    `- Rest API URL: ${url}`,
  ]);
  assert.equal(result.summary, lines.slice(-4));
  assert.equal(
    result.resources.map((r) => r.name),
    ['default-role', 'foo', 'api_handler', 'rest_api'],
  );
  const file = JSON.parse(readFileSync(statePath(projectDir, 'dev'), 'utf8'));
  assert.equal(file.resources, result.resources);
  assert.is(getUrl({ projectDir }), url);
  assert.equal(aws.functions.get('myapp-dev')?.spec.handler, 'app.api_handler');

  aws.calls.length = 0;
  const again: string[] = [];
  const unchanged = await deploy({ projectDir, aws, onProgress: (line) => again.push(line) });
  assert.equal(unchanged.plan.instructions, []);
  assert.equal(aws.mutatingCalls(), [], 'an unchanged redeploy makes no mutating call');
  assert.equal(again, ['Creating deployment package.', ...lines.slice(-4)]);

  writeFileSync(join(projectDir, 'app.ts'), readFileSync(join(projectDir, 'app.ts'), 'utf8').replace("'foo'", "'bar'"));
  aws.calls.length = 0;
  await deploy({ projectDir, aws });
  assert.equal(aws.mutatingCalls(), ['updateFunctionCode', 'updateFunctionCode'], 'a code-only change updates code and nothing else');

  await destroy({ projectDir, aws });
  assert.equal(aws.leftovers(), []);
  assert.not.ok(existsSync(statePath(projectDir, 'dev')), 'the state file is removed');
  const notDeployed = await rejects((async () => getUrl({ projectDir }))());
  assert.is(notDeployed.code, 'NOT_DEPLOYED');
  assert.match(notDeployed.message, /run `chalice deploy` first/);
});

test("a websocket app: the seed's lines and summary, both URLs, and a delete that removes the API first", async () => {
  const projectDir = project(echoApp({ rest: true }));
  const aws = fakeAws();
  const lines: string[] = [];
  await deploy({ projectDir, aws, onProgress: (line) => lines.push(line) });
  const [apiId] = aws.websocket.apis.keys();
  const wss = `wss://${apiId}.execute-api.us-east-1.amazonaws.com/api/`;
  const [restApiId] = aws.restApis.keys();
  const https = `https://${restApiId}.execute-api.us-east-1.amazonaws.com/api/`;
  assert.equal(lines, [
    'Creating deployment package.',
    'Creating IAM role: myapp-dev',
    'Creating lambda function: myapp-dev',
    'Creating Rest API',
    'Creating lambda function: myapp-dev-websocket_connect',
    'Creating lambda function: myapp-dev-websocket_message',
    'Creating lambda function: myapp-dev-websocket_disconnect',
    'Creating websocket api: myapp-dev-websocket-api',
    'Resources deployed:',
    `- Lambda ARN: ${ARN}:myapp-dev`,
    `- Lambda ARN: ${ARN}:myapp-dev-websocket_connect`,
    `- Lambda ARN: ${ARN}:myapp-dev-websocket_message`,
    `- Lambda ARN: ${ARN}:myapp-dev-websocket_disconnect`,
    `- Rest API URL: ${https}`,
    `- Websocket API URL: ${wss}`,
  ]);
  assert.is(getUrl({ projectDir }), `${https}\n${wss}`, 'REST first, then websocket');
  const file = JSON.parse(readFileSync(statePath(projectDir, 'dev'), 'utf8'));
  assert.equal(file.resources.at(-1), {
    name: 'websocket_api',
    resource_type: 'websocket_api',
    routes_sha256: file.resources.at(-1).routes_sha256,
    websocket_api_id: apiId,
    websocket_api_url: wss,
  });

  aws.calls.length = 0;
  await deploy({ projectDir, aws });
  assert.equal(aws.mutatingCalls(), [], 'an unchanged redeploy makes no mutating call');

  const deleted: string[] = [];
  await destroy({ projectDir, aws, onProgress: (line) => deleted.push(line) });
  assert.is(deleted[0], `Deleting Websocket API: ${apiId}`);
  assert.equal(aws.leftovers(), []);
});

test('a websocket-only app: `chalice url` prints just the wss:// URL', async () => {
  const projectDir = project(echoApp({ rest: false }));
  const aws = fakeAws();
  await deploy({ projectDir, aws });
  const [apiId] = aws.websocket.apis.keys();
  assert.is(getUrl({ projectDir }), `wss://${apiId}.execute-api.us-east-1.amazonaws.com/api/`);
  const policy = aws.roles.get('myapp-dev')!.policies.get('myapp-dev')!;
  const resources = policy.Statement.filter((s) => JSON.stringify(s.Action).includes('execute-api:ManageConnections')).map((s) => s.Resource);
  assert.equal(
    resources,
    [['POST', 'GET', 'DELETE'].map((method) => `arn:aws:execute-api:us-east-1:123456789012:${apiId}/*/${method}/@connections/*`)],
    'the role manages the connections of its own API only',
  );
});

test('a dry run plans and touches nothing', async () => {
  const projectDir = project();
  const aws = fakeAws();
  const planned = await plan({ projectDir, aws });
  assert.is(planned.instructions[0]?.kind, 'createRole');
  const result = await deploy({ projectDir, aws, dryRun: true });
  assert.equal(result.summary, []);
  assert.equal(aws.mutatingCalls(), []);
  assert.not.ok(existsSync(statePath(projectDir, 'dev')));
});

test("a change of the autogenerated policy's actions is confirmed, refused without a way to ask", async () => {
  const projectDir = project();
  const aws = fakeAws();
  await deploy({ projectDir, aws });
  // Someone narrowed the policy in the console: the deploy would add the action back.
  const policy = aws.roles.get('myapp-dev')!.policies.get('myapp-dev')!;
  (policy.Statement[0] as { Action: string[] }).Action = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups'];
  aws.calls.length = 0;
  const text =
    'Updating IAM policy.\n\nThe following action will be added to the execution policy:\n\nlogs:PutLogEvents\n\nThe following action will be removed from the execution policy:\n\nlogs:DescribeLogGroups\n';

  const refused = await rejects(deploy({ projectDir, aws }));
  assert.is(refused.code, 'POLICY_NOT_CONFIRMED');
  assert.match(refused.message, /^The IAM policy changes; rerun with --yes to accept/);
  assert.ok(refused.message.includes(text));
  const asked: string[] = [];
  const declined = await rejects(deploy({ projectDir, aws, confirm: (diff) => (asked.push(diff), false) }));
  assert.match(declined.message, /not accepted/);
  assert.equal(asked, [text]);
  assert.equal(aws.mutatingCalls(), [], 'nothing changes until the change is accepted');

  await deploy({ projectDir, aws, confirm: () => true });
  assert.equal(aws.mutatingCalls(), ['putRolePolicy']);
  (policy.Statement[0] as { Action: string[] }).Action = ['logs:CreateLogGroup'];
  aws.roles.get('myapp-dev')!.policies.set('myapp-dev', policy);
  await deploy({ projectDir, aws, yes: true, confirm: () => assert.unreachable('--yes does not ask') as never });
});

test('a deploy failing half-way leaves a state file that a re-run completes', async () => {
  const projectDir = project();
  const aws = fakeAws();
  // createRole, putRolePolicy, two createFunction calls, then createRestApi fails.
  aws.failure = { call: 5, when: 'before' };
  const failed = await rejects(deploy({ projectDir, aws }));
  assert.is(failed.code, 'DEPLOY_FAILED');
  const saved = JSON.parse(readFileSync(statePath(projectDir, 'dev'), 'utf8'));
  assert.equal(
    saved.resources.map((r: { name: string }) => r.name),
    ['default-role', 'foo', 'api_handler'],
  );
  aws.failure = null;
  const lines: string[] = [];
  await deploy({ projectDir, aws, onProgress: (line) => lines.push(line) });
  assert.equal(lines.slice(0, 2), ['Creating deployment package.', 'Creating Rest API']);
  assert.is(getUrl({ projectDir }), 'https://api0000001.execute-api.us-east-1.amazonaws.com/api/');
});

test('a deploy that dies right after AWS made its first resource: delete finds it by its pending note and removes it', async () => {
  const projectDir = project();
  const aws = fakeAws();
  // The role is made, but its answer is lost: nothing is recorded, only the note of the create.
  aws.failure = { call: 1, when: 'after' };
  await rejects(deploy({ projectDir, aws }));
  const saved = JSON.parse(readFileSync(statePath(projectDir, 'dev'), 'utf8'));
  assert.equal([saved.resources, saved.pending], [[], [{ name: 'default-role', resource_type: 'iam_role', role_name: 'myapp-dev' }]]);
  aws.failure = null;
  await destroy({ projectDir, aws });
  assert.equal(aws.leftovers(), []);
  assert.not.ok(existsSync(statePath(projectDir, 'dev')));
});

test('a stage deployed by Python Chalice 1.15 is taken over: nothing is made again, and its record types are kept', async () => {
  const projectDir = project(`${SEED_APP}app.schedule('rate(1 hour)', function tick() {});\n`);
  const aws = fakeAws();
  await deploy({ projectDir, aws });
  // The file as the original writes it: schedules are cloudwatch_event records, no digests.
  const file = statePath(projectDir, 'dev');
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  const python = saved.resources.map(({ openapi_sha256, ...r }: Record<string, unknown>) =>
    r.resource_type === 'rest_api' ? { ...r, rest_api_url: String(r.rest_api_url).replace(/\/$/, '') } : r,
  );
  writeFileSync(file, JSON.stringify({ schema_version: '2.0', backend: 'api', resources: python }));
  assert.ok(
    python.some((r: { resource_type: string }) => r.resource_type === 'cloudwatch_event'),
    JSON.stringify(python),
  );
  aws.calls.length = 0;
  await deploy({ projectDir, aws });
  assert.equal(
    aws.mutatingCalls().filter((call) => /^(create(?!Deployment)|delete)/.test(call)),
    [],
    aws.mutatingCalls().join(' '),
  );
  const after = JSON.parse(readFileSync(file, 'utf8')).resources.map((r: { name: string; resource_type: string }) => `${r.resource_type} ${r.name}`);
  assert.equal(after, ['iam_role default-role', 'lambda_function foo', 'lambda_function tick', 'cloudwatch_event tick-event', 'lambda_function api_handler', 'rest_api rest_api']);
});

test('the dev stage with autogen_policy off and no policy-dev.json reads .chalice/policy.json, as the original does', async () => {
  const projectDir = project();
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }] };
  writeFileSync(join(projectDir, '.chalice', 'policy.json'), JSON.stringify(policy));
  const aws = fakeAws();
  await deploy({ projectDir, aws, autogenPolicy: false });
  assert.equal(
    [...aws.roles].map(([name, role]) => role.policies.get(name)),
    [policy, policy],
    'each role (one per function, --no-autogen-policy) has its policy',
  );
  const prod = await deploy({ projectDir, aws, stage: 'prod', autogenPolicy: false }).catch((error: Error) => error);
  assert.match(String(prod), /policy-prod\.json not found/, 'only for the dev stage');
});

test('a stage of a pre-1.2 .chalice/deployed.json: delete removes its resources, and it is not read again', async () => {
  const projectDir = project();
  const aws = fakeAws();
  await deploy({ projectDir, aws });
  const [role, foo, handler, api] = JSON.parse(readFileSync(statePath(projectDir, 'dev'), 'utf8')).resources;
  const legacy = {
    region: 'us-east-1',
    api_handler_name: 'myapp-dev',
    api_handler_arn: handler.lambda_arn,
    rest_api_id: api.rest_api_id,
    api_gateway_stage: 'api',
    lambda_functions: { 'myapp-dev-foo': { type: 'pure_lambda', arn: foo.lambda_arn } },
  };
  writeFileSync(join(projectDir, '.chalice', 'deployed.json'), JSON.stringify({ dev: legacy }));
  rmSync(statePath(projectDir, 'dev'));
  assert.is(getUrl({ projectDir }), api.rest_api_url);
  await destroy({ projectDir, aws });
  assert.equal(aws.leftovers(), [`role ${role.role_name}`], 'the old format recorded no role');
  assert.is((await rejects((async () => getUrl({ projectDir }))())).code, 'NOT_DEPLOYED');
});

test("--api-gateway-stage overrides the config's stage name in the URL", async () => {
  const projectDir = project();
  await deploy({ projectDir, aws: fakeAws(), apiGatewayStage: 'v1' });
  assert.match(getUrl({ projectDir }), /\/v1\/$/);
});

test.run();
