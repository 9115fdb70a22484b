import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { functionNameOf } from '../src/aws-names.ts';
import { DeployError } from '../src/errors.ts';
import { executePlan } from '../src/executor.ts';
import { planDelete } from '../src/planner.ts';
import type { DeployedState, RecordedResource } from '../src/state-types.ts';
import type { FakeAws, Failure } from './fake-aws.ts';
import { demoApp, deployGraph, fakeAws, graphOf } from './helpers.ts';

// Every kind of handler, websocket ones included: every kind of instruction runs.
const graph = graphOf(demoApp({ websocket: true }));

async function destroy(aws: FakeAws, state: DeployedState) {
  const states: DeployedState[] = [];
  try {
    const final = await executePlan(planDelete(state), { aws, state, zip: new Uint8Array(), onState: (s) => states.push(s) });
    return { state: final, error: null };
  } catch (error) {
    return { state: states.at(-1) ?? state, error: error as Error };
  }
}

// What a recorded resource stands for, in the fake's `leftovers()` words.
function recordedAs(resource: RecordedResource): string {
  switch (resource.resource_type) {
    case 'iam_role':
      return `role ${resource.role_name}`;
    case 'lambda_function':
      return `function ${functionNameOf(resource.lambda_arn)}`;
    case 'rest_api':
      return `rest api ${resource.rest_api_id}`;
    case 'cloudwatch_event':
      return `rule ${resource.rule_name}`;
    case 's3_event':
      return `notification ${resource.bucket} -> ${resource.lambda_arn}`;
    case 'sns_event':
      return `subscription ${resource.subscription_arn}`;
    case 'sqs_event':
      return `mapping ${resource.event_uuid}`;
    case 'websocket_api':
      return `websocket api ${resource.websocket_api_id}`;
  }
}

const unrecorded = (aws: FakeAws, state: DeployedState) => {
  const recorded = new Set(state.resources.map(recordedAs));
  return aws.leftovers().filter((thing) => !recorded.has(thing));
};

const reference = await (async () => {
  const aws = fakeAws();
  const result = await deployGraph(aws, graph);
  assert.is(result.error, null);
  return { snapshot: aws.snapshot(), state: result.state, calls: aws.mutatingCalls() };
})();

async function convergesAfter(failure: Failure, { deleteRightAway }: { deleteRightAway: boolean }) {
  const where = `${failure.when} mutating call ${failure.call} (${reference.calls[failure.call - 1]})`;
  const aws = fakeAws();
  aws.failure = failure;
  const failed = await deployGraph(aws, graph);
  assert.instance(failed.error, DeployError, where);
  assert.is((failed.error as DeployError).code, 'DEPLOY_FAILED');
  aws.failure = null;
  if (failure.when === 'before') assert.equal(unrecorded(aws, failed.state), [], `${where}: the state holds everything created so far`);
  if (deleteRightAway) {
    const deleted = await destroy(aws, failed.state);
    assert.is(deleted.error, null, where);
    assert.equal(aws.leftovers(), [], `${where}: a delete right after the failure leaves nothing`);
    return;
  }
  const rerun = await deployGraph(aws, graph, failed.state);
  assert.is(rerun.error, null, where);
  assert.is(aws.snapshot(), reference.snapshot, `${where}: the re-run converges to the same remote state`);
  assert.equal(rerun.state, reference.state, `${where}: and the same deployed state`);
  aws.calls.length = 0;
  const again = await deployGraph(aws, graph, rerun.state);
  assert.equal([again.plan.instructions, aws.mutatingCalls()], [[], []], `${where}: after which nothing is left to do`);
  const deleted = await destroy(aws, rerun.state);
  assert.is(deleted.error, null, where);
  assert.equal(deleted.state.resources, []);
  assert.equal(aws.leftovers(), [], `${where}: delete leaves nothing behind`);
  assert.equal(aws.buckets.get('uploads')?.TopicConfigurations?.length, 1, `${where}: the bucket keeps its own topic notification`);
}

test('the reference deploy makes every kind of call, and delete removes everything', async () => {
  assert.ok(reference.calls.length > 20, String(reference.calls.length));
  const websocket = ['createWebsocketApi', 'createWebsocketIntegration', 'createWebsocketRoute', 'createWebsocketDeployment', 'createWebsocketStage'];
  for (const call of [
    'createRole',
    'putRolePolicy',
    'createFunction',
    'putRule',
    'putTarget',
    'addPermission',
    'subscribe',
    'createEventSourceMapping',
    'putBucketNotification',
    'createRestApi',
    'putRestApi',
    'createDeployment',
    ...websocket,
  ]) {
    assert.ok(reference.calls.includes(call), call);
  }
  assert.equal(unrecorded(fakeAws(), reference.state), []);
});

test('a deploy refused at any mutating call: a re-run converges, then delete leaves nothing', async () => {
  for (let call = 1; call <= reference.calls.length; call++) await convergesAfter({ call, when: 'before' }, { deleteRightAway: false });
});

test('a deploy refused at any mutating call: a delete right away leaves nothing', async () => {
  for (let call = 1; call <= reference.calls.length; call++) await convergesAfter({ call, when: 'before' }, { deleteRightAway: true });
});

test('a call that took effect but whose answer was lost: the re-run finds and records what it made', async () => {
  for (let call = 1; call <= reference.calls.length; call++) await convergesAfter({ call, when: 'after' }, { deleteRightAway: false });
});

// The process killed right after AWS made something, before the state recorded it.
test('a call that took effect but whose answer was lost: a delete right away finds and removes what it made', async () => {
  for (let call = 1; call <= reference.calls.length; call++) await convergesAfter({ call, when: 'after' }, { deleteRightAway: true });
});

test("a change of the REST API's settings failing at any of its calls: a re-run converges", async () => {
  const changed = graphOf(demoApp({ websocket: true }), { api_gateway_endpoint_type: 'PRIVATE', api_gateway_endpoint_vpce: ['vpce-1'], minimum_compression_size: 0 });
  const expected = fakeAws();
  const done = await deployGraph(expected, changed, (await deployGraph(expected, graph)).state);
  const calls = expected.mutatingCalls().slice(reference.calls.length);
  assert.equal(calls, ['updateRestApi', 'putRestApi', 'createDeployment']);
  for (const when of ['before', 'after'] as const) {
    for (let call = 1; call <= calls.length; call++) {
      const where = `${when} ${calls[call - 1]}`;
      const aws = fakeAws();
      const { state } = await deployGraph(aws, graph);
      aws.failure = { call: reference.calls.length + call, when };
      const failed = await deployGraph(aws, changed, state);
      assert.instance(failed.error, DeployError, where);
      aws.failure = null;
      const rerun = await deployGraph(aws, changed, failed.state);
      assert.is(rerun.error, null, where);
      assert.is(aws.snapshot(), expected.snapshot(), `${where}: the same remote state`);
      assert.equal(rerun.state, done.state, `${where}: and the same deployed state`);
      aws.calls.length = 0;
      assert.equal([(await deployGraph(aws, changed, rerun.state)).plan.instructions, aws.mutatingCalls()], [[], []], `${where}: nothing left to do`);
    }
  }
});

test('a delete failing at any call: running it again finishes it, tolerating what is already gone', async () => {
  const probe = fakeAws();
  const deployed = await deployGraph(probe, graph);
  const before = probe.mutatingCalls().length;
  await destroy(probe, deployed.state);
  const deleteCalls = probe.mutatingCalls().length - before;
  for (const when of ['before', 'after'] as const) {
    for (let call = 1; call <= deleteCalls; call++) {
      const aws = fakeAws();
      const { state } = await deployGraph(aws, graph);
      aws.failure = { call: aws.mutatingCalls().length + call, when };
      const failed = await destroy(aws, state);
      assert.instance(failed.error, DeployError, `${when} delete call ${call}`);
      aws.failure = null;
      const again = await destroy(aws, failed.state);
      assert.is(again.error, null);
      assert.equal(aws.leftovers(), [], `${when} delete call ${call}`);
    }
  }
});

test('the failure names the step and keeps the AWS error as its cause', async () => {
  const aws = fakeAws();
  aws.failure = { call: 3, when: 'before' };
  const { error, messages } = await deployGraph(aws, graph);
  assert.match(error!.message, /^step 3 of \d+ \(createFunction\) failed: InjectedFailure: createFunction refused/);
  assert.match(error!.message, /run the command again to finish, or `chalice delete`/);
  assert.instance((error as Error & { cause: unknown }).cause, Error);
  assert.equal(messages, ['Creating IAM role: demo-dev', 'Creating lambda function: demo-dev-every_hour']);
});

test.run();
