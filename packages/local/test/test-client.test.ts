import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalice, NotFoundError } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TestClient } from '../src/index.ts';

function makeApp() {
  const app = new Chalice({ appName: 'tested' });
  app.route('/', () => ({ hello: 'world' }));
  app.route('/env', () => ({ table: process.env.TABLE_NAME ?? null }));
  app.route('/items/{id}', { methods: ['GET', 'PUT'] }, ({ id }, request) => {
    if (request.method === 'PUT') return { id, saved: request.jsonBody };
    throw new NotFoundError(`No item ${id}`);
  });
  app.lambdaFunction(function echo(event: unknown, context) {
    return { event, name: context.functionName, memory: context.memoryLimitInMB, table: process.env.TABLE_NAME ?? null };
  });
  app.onS3Event({ bucket: 'b' }, function on_upload(event) {
    return `${event.bucket}/${event.key}`;
  });
  app.onSnsMessage('t', function on_message(event) {
    return [event.subject, event.message];
  });
  app.onSqsMessage('q', function on_batch(event) {
    return [...event].map((r) => r.body);
  });
  app.onCwEvent({ source: ['my.app'] }, function on_event(event) {
    return [event.source, event.detailType, event.detail];
  });
  return app;
}

function projectWithConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-tc-'));
  mkdirSync(join(dir, '.chalice'));
  writeFileSync(
    join(dir, '.chalice', 'config.json'),
    JSON.stringify({
      app_name: 'tested',
      stages: {
        dev: { environment_variables: { TABLE_NAME: 'dev-table' } },
        prod: { environment_variables: { TABLE_NAME: 'prod-table' }, lambda_functions: { echo: { lambda_memory_size: 512, environment_variables: { TABLE_NAME: 'echo-table' } } } },
      },
    }),
  );
  return dir;
}

test('http requests: status, headers, text and json()', async () => {
  const client = new TestClient(makeApp());
  const res = await client.http.get('/');
  assert.is(res.statusCode, 200);
  assert.is(res.headers['Content-Type'], 'application/json');
  assert.equal(res.json(), { hello: 'world' });
  assert.is(res.text, '{"hello":"world"}');
  assert.equal([...res.body], [...new TextEncoder().encode('{"hello":"world"}')]);
  const missing = await client.http.get('/items/7');
  assert.is(missing.statusCode, 404);
  assert.equal(missing.json(), { Code: 'NotFoundError', Message: 'No item 7' });
  const put = await client.http.put('/items/7', { body: { n: 1 } });
  assert.equal(put.json(), { id: '7', saved: { n: 1 } });
  assert.is((await client.http.get('/nowhere')).statusCode, 403);
  client.close();
});

test('stage environment variables are applied, and restored by close()', async () => {
  delete process.env.TABLE_NAME;
  const dir = projectWithConfig();
  const dev = new TestClient(makeApp(), { projectDir: dir });
  assert.equal((await dev.http.get('/env')).json(), { table: 'dev-table' });
  dev.close();
  assert.is(process.env.TABLE_NAME, undefined);
  const prod = new TestClient(makeApp(), { projectDir: dir, stage: 'prod' });
  assert.equal((await prod.http.get('/env')).json(), { table: 'prod-table' });
  prod.close();
});

test('lambda.invoke calls a function by name with its own memory and environment variables from the stage config', async () => {
  const client = new TestClient(makeApp(), { projectDir: projectWithConfig(), stage: 'prod' });
  const { payload } = await client.lambda.invoke('echo', { a: 1 });
  assert.equal(payload, { event: { a: 1 }, name: 'tested-prod-echo', memory: '512', table: 'echo-table' });
  assert.is(process.env.TABLE_NAME, 'prod-table', "the API handler's again after the call");
  client.close();
});

test("TestClient.load: the config's environment is set before the app module loads, and files are found as deployed", async () => {
  delete process.env.TABLE_NAME;
  const dir = projectWithConfig();
  writeFileSync(
    join(dir, 'app.ts'),
    "import { Chalice } from '@chalice/router';\nconst TABLE = process.env.TABLE_NAME ?? null;\nexport const app = new Chalice({ appName: 'tested' });\napp.route('/', () => ({ table: TABLE, dir: import.meta.dirname }));\n",
  );
  const client = await TestClient.load({ projectDir: dir, stage: 'prod' });
  assert.equal((await client.http.get('/')).json(), { table: 'prod-table', dir });
  client.close();
  assert.is(process.env.TABLE_NAME, undefined, 'put back by close()');
});

test('generated events are accepted by the event handlers', async () => {
  const client = new TestClient(makeApp());
  const { events, lambda } = client;
  assert.is((await lambda.invoke('on_upload', events.generateS3Event({ bucket: 'b', key: 'my photos/a+b.jpg' }))).payload, 'b/my photos/a+b.jpg');
  assert.equal((await lambda.invoke('on_message', events.generateSnsEvent({ message: 'hi', subject: 'Hello' }))).payload, ['Hello', 'hi']);
  assert.equal((await lambda.invoke('on_batch', events.generateSqsEvent({ messages: ['one', 'two'] }))).payload, ['one', 'two']);
  const cw = events.generateCloudWatchEvent({ source: 'my.app', detailType: 'Thing Happened', detail: { n: 1 } });
  assert.equal((await lambda.invoke('on_event', cw)).payload, ['my.app', 'Thing Happened', { n: 1 }]);
  client.close();
});

test.run();
