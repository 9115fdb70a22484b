import { lambdaContext } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Chalice } from '../src/index.ts';
import { invoke, json } from './helpers.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('currentRequest and lambdaContext stay with their invocation under concurrency', async () => {
  const app = new Chalice({ appName: 'conc' });
  app.route('/users/{name}', async ({ name }) => {
    const before = app.currentRequest?.uriParams?.name;
    await sleep(name === 'slow' ? 20 : 1);
    const after = app.currentRequest?.uriParams?.name;
    return { name, before, after, fn: app.lambdaContext?.functionName };
  });
  const names = ['slow', 'a', 'b', 'c', 'd'];
  const results = await Promise.all(names.map((name) => invoke(app, { resource: '/users/{name}', pathParameters: { name } }, lambdaContext({ functionName: `fn-${name}` }))));
  results.forEach((r, i) => {
    assert.equal(json(r), { name: names[i], before: names[i], after: names[i], fn: `fn-${names[i]}` });
  });
  assert.is(app.currentRequest, null, 'nothing leaks out of an invocation');
  assert.is(app.lambdaContext, null);
});

test("the handler's second argument is the same request as app.currentRequest", async () => {
  const app = new Chalice({ appName: 'same' });
  let same = false;
  app.route('/', (_, request) => {
    same = request === app.currentRequest;
    return {};
  });
  await invoke(app, { resource: '/' });
  assert.ok(same);
});

test.run();
