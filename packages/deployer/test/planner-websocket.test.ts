import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planDelete, planDeploy } from '../src/planner.ts';
import { isMutating, type Plan } from '../src/plan-types.ts';
import { emptyState } from '../src/state.ts';
import type { DeployedState } from '../src/state-types.ts';
import { sha256, type FakeAws } from './fake-aws.ts';
import { demoApp, deployGraph, fakeAws, graphOf, kinds, ZIP, type DemoParts } from './helpers.ts';

// The websocket API of an app with every other kind of handler too, so that it shares the
// default role (whose policy names the API) with them.
const app = (parts: DemoParts = {}) => demoApp({ websocket: true, ...parts });
const mutating = (plan: Plan) => plan.instructions.filter(isMutating).map((i) => i.kind);
const uri = (fn: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:demo-dev-${fn}/invocations`;

function websocketEntry(state: DeployedState) {
  const entry = state.resources.find((r) => r.resource_type === 'websocket_api');
  assert.ok(entry?.resource_type === 'websocket_api', 'the websocket API is recorded');
  return entry;
}

const policyOf = (aws: FakeAws) => aws.roles.get('demo-dev')!.policies.get('demo-dev')!;
const manageConnections = (aws: FakeAws) => policyOf(aws).Statement.filter((s) => JSON.stringify(s.Action).includes('execute-api:ManageConnections'));

async function deployed(parts: DemoParts = {}) {
  const aws = fakeAws();
  const first = await deployGraph(aws, graphOf(app(parts)));
  assert.is(first.error, null);
  aws.calls.length = 0;
  return { aws, state: first.state, first };
}

async function unchanged(aws: FakeAws, state: DeployedState, parts: DemoParts = {}) {
  const plan = await planDeploy({ graph: graphOf(app(parts)), state, aws, codeSha256: sha256(ZIP) });
  assert.equal(plan.instructions, [], 'then nothing is left to do');
}

test('from nothing: the API after its functions, the policy naming it, integrations, routes, permissions, a deployment', async () => {
  const { aws, first } = await deployed();
  assert.equal(kinds(first.plan).slice(-12), [
    'createWebsocketApi',
    'putRolePolicy',
    'createWebsocketIntegration',
    'createWebsocketIntegration',
    'createWebsocketIntegration',
    'putWebsocketRoute',
    'putWebsocketRoute',
    'putWebsocketRoute',
    'addWebsocketApiPermission',
    'addWebsocketApiPermission',
    'addWebsocketApiPermission',
    'deployWebsocketApi',
  ]);
  assert.equal(first.messages.slice(-4), [
    'Creating lambda function: demo-dev-websocket_connect',
    'Creating lambda function: demo-dev-websocket_message',
    'Creating lambda function: demo-dev-websocket_disconnect',
    'Creating websocket api: demo-dev-websocket-api',
  ]);
  const entry = websocketEntry(first.state);
  const apiId = entry.websocket_api_id;
  assert.is(entry.websocket_api_url, `wss://${apiId}.execute-api.us-east-1.amazonaws.com/api/`);
  assert.equal(Object.keys(entry), ['name', 'resource_type', 'websocket_api_id', 'websocket_api_url', 'routes_sha256']);
  const api = aws.websocket.apis.get(apiId)!;
  assert.is(api.name, 'demo-dev-websocket-api');
  const served = { $connect: uri('websocket_connect'), $default: uri('websocket_message'), $disconnect: uri('websocket_disconnect') };
  assert.equal(aws.websocket.snapshot()[apiId], { name: 'demo-dev-websocket-api', integrations: Object.values(served).sort(), routes: served, stages: { api: served } });
  const sourceArn = `arn:aws:execute-api:us-east-1:123456789012:${apiId}/*`;
  for (const fn of ['websocket_connect', 'websocket_message', 'websocket_disconnect']) {
    const permissions = [...aws.functions.get(`demo-dev-${fn}`)!.permissions.values()];
    assert.equal(
      permissions.map((p) => [p.principal, p.sourceArn]),
      [['apigateway.amazonaws.com', sourceArn]],
      fn,
    );
  }
  // Only the API's own connections: send (POST), info (GET) and close (DELETE), as the original scopes it.
  const connections = ['POST', 'GET', 'DELETE'].map((method) => `arn:aws:execute-api:us-east-1:123456789012:${apiId}/*/${method}/@connections/*`);
  assert.equal(manageConnections(aws), [{ Sid: 'ChaliceWebsocketConnections', Effect: 'Allow', Action: ['execute-api:ManageConnections'], Resource: connections }]);
  const puts = first.plan.instructions.filter((i) => i.kind === 'putRolePolicy');
  assert.equal(
    puts.map((p) => p.kind === 'putRolePolicy' && [p.previous, p.websocketApi ?? null]),
    [
      [null, null],
      [null, 'websocket_api'],
    ],
    'a new role: nothing to confirm',
  );
});

test('an unchanged redeploy makes no mutating call', async () => {
  const { aws, state } = await deployed();
  const again = await deployGraph(aws, graphOf(app()), state);
  assert.equal([again.plan.instructions, aws.mutatingCalls(), again.messages], [[], [], []]);
});

test('a removed handler: its route, then its integration, go; the API is deployed again; its function is deleted', async () => {
  const { aws, state } = await deployed();
  const again = await deployGraph(aws, graphOf(app({ websocket: { disconnect: false } })), state);
  assert.is(again.error, null);
  assert.equal(kinds(again.plan), ['deleteWebsocketRoute', 'deleteWebsocketIntegration', 'deployWebsocketApi', 'deleteFunction']);
  const apiId = websocketEntry(again.state).websocket_api_id;
  const served = { $connect: uri('websocket_connect'), $default: uri('websocket_message') };
  assert.equal(aws.websocket.snapshot()[apiId], { name: 'demo-dev-websocket-api', integrations: Object.values(served).sort(), routes: served, stages: { api: served } });
  assert.not.ok(aws.functions.has('demo-dev-websocket_disconnect'));
  await unchanged(aws, again.state, { websocket: { disconnect: false } });
});

test("a removed websocket API is deleted, with the seed's message, and the policy loses its statement", async () => {
  const { aws, state } = await deployed();
  const apiId = websocketEntry(state).websocket_api_id;
  const again = await deployGraph(aws, graphOf(app({ websocket: false })), state);
  assert.is(again.error, null);
  assert.equal(kinds(again.plan), ['putRolePolicy', 'deleteWebsocketApi', 'deleteFunction', 'deleteFunction', 'deleteFunction']);
  assert.equal(again.messages.slice(0, 2), ['Updating policy for IAM role: demo-dev', `Deleting Websocket API: ${apiId}`]);
  assert.equal([aws.websocket.apis.size, manageConnections(aws)], [0, []]);
  assert.not.ok(again.state.resources.some((r) => r.resource_type === 'websocket_api'));
  await unchanged(aws, again.state, { websocket: false });
});

test("an app gaining websockets: the existing role's policy gains the statement once the API exists, confirmed as a change", async () => {
  const aws = fakeAws();
  const before = await deployGraph(aws, graphOf(app({ websocket: false })));
  const again = await deployGraph(aws, graphOf(app()), before.state);
  assert.is(again.error, null);
  const puts = again.plan.instructions.filter((i) => i.kind === 'putRolePolicy');
  assert.is(puts.length, 1, 'the rest of the policy is unchanged: one put, after the API');
  const put = puts[0]!;
  assert.ok(put.kind === 'putRolePolicy' && put.previous !== null && put.websocketApi === 'websocket_api');
  assert.is(put.message, 'Updating policy for IAM role: demo-dev');
  assert.ok(kinds(again.plan).indexOf('createWebsocketApi') < again.plan.instructions.indexOf(put));
  assert.is(manageConnections(aws).length, 1);
  await unchanged(aws, again.state);
});

test('an API deleted behind our back is made again, and the policy and permissions follow its new id', async () => {
  const { aws, state } = await deployed();
  const oldId = websocketEntry(state).websocket_api_id;
  aws.websocket.apis.delete(oldId);
  const again = await deployGraph(aws, graphOf(app()), state);
  assert.is(again.error, null);
  const newId = websocketEntry(again.state).websocket_api_id;
  assert.is.not(newId, oldId);
  assert.equal(kinds(again.plan).slice(0, 2), ['putRolePolicy', 'createWebsocketApi'], 'the statement on the old API goes at once');
  assert.equal(
    manageConnections(aws).map((s) => s.Resource),
    [['POST', 'GET', 'DELETE'].map((method) => `arn:aws:execute-api:us-east-1:123456789012:${newId}/*/${method}/@connections/*`)],
  );
  await unchanged(aws, again.state);
});

test('drift: a route deleted or re-pointed behind our back is put back, and the API deployed again', async () => {
  const { aws, state } = await deployed();
  const api = aws.websocket.apis.get(websocketEntry(state).websocket_api_id)!;
  const routes = [...api.routes];
  const connect = routes.find(([, r]) => r.routeKey === '$connect')!;
  const message = routes.find(([, r]) => r.routeKey === '$default')!;
  api.routes.delete(connect[0]);
  message[1].integrationId = [...api.integrations].find(([, u]) => u === uri('websocket_disconnect'))![0];
  const again = await deployGraph(aws, graphOf(app()), state);
  assert.is(again.error, null);
  assert.equal(kinds(again.plan), ['putWebsocketRoute', 'putWebsocketRoute', 'deployWebsocketApi']);
  assert.equal(again.plan.instructions.map((i) => i.kind === 'putWebsocketRoute' && [i.routeKey, i.routeId]).slice(0, 2), [
    ['$connect', null],
    ['$default', message[0]],
  ]);
  await unchanged(aws, again.state);
});

test('a state lost after the API was made: the API is found by name and recorded, and deployed once more', async () => {
  const { aws, state } = await deployed();
  const plan = await planDeploy({ graph: graphOf(app()), state: emptyState(), aws, codeSha256: sha256(ZIP) });
  // The REST API too is found by name (and stage tag); both are deployed again, as what they serve was not recorded.
  assert.equal(mutating(plan), ['putRestApi', 'deployWebsocketApi']);
  const record = plan.instructions.find((i) => i.kind === 'record' && i.resource.resource_type === 'websocket_api');
  assert.ok(record?.kind === 'record' && record.resource.resource_type === 'websocket_api');
  assert.is(record.resource.websocket_api_id, websocketEntry(state).websocket_api_id);
});

test("delete: the websocket API goes first, with the seed's message", async () => {
  const { state } = await deployed();
  const [first] = planDelete(state).instructions;
  assert.equal(first, {
    kind: 'deleteWebsocketApi',
    message: `Deleting Websocket API: ${websocketEntry(state).websocket_api_id}`,
    name: 'websocket_api',
    websocketApiId: websocketEntry(state).websocket_api_id,
  });
});

test.run();
