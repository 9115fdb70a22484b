import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { lambdaContext, recordedEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UnexpectedEventError } from '@chalice/events';
import { WebsocketAPI, WebsocketEvent, websocketHandler } from '../src/index.ts';

test('calls the handler with a WebsocketEvent and answers 200, as a promise even for a sync handler', async () => {
  const api = new WebsocketAPI();
  const seen: WebsocketEvent[] = [];
  const context = lambdaContext();
  const handler = websocketHandler((event) => {
    seen.push(event);
  }, api);
  const result = handler(recordedEvent('websocket-message'), context);
  assert.instance(result, Promise);
  assert.equal(await result, { statusCode: 200 });
  assert.is(seen.length, 1);
  assert.instance(seen[0], WebsocketEvent);
  assert.is(seen[0]!.connectionId, 'Ab1Cd2Ef3Gh=');
  assert.is(seen[0]!.context, context);
});

test('configures the API from the event before the handler runs', async () => {
  const api = new WebsocketAPI();
  let during: string | null = null;
  await websocketHandler(() => {
    during = api.endpoint;
  }, api)(recordedEvent('websocket-connect'), lambdaContext());
  assert.is(during, 'https://ws123.execute-api.us-west-2.amazonaws.com/api');
});

test('keeps an explicit endpoint (chalice local)', async () => {
  const api = new WebsocketAPI();
  api.setEndpoint('http://127.0.0.1:8000');
  await websocketHandler(() => {}, api)(recordedEvent('websocket-message'), lambdaContext());
  assert.is(api.endpoint, 'http://127.0.0.1:8000');
});

test('async handlers answer 200 through a promise', async () => {
  const handler = websocketHandler(async (event) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return event.jsonBody;
  }, new WebsocketAPI());
  const pending = handler(recordedEvent('websocket-message'), lambdaContext());
  assert.instance(pending, Promise);
  assert.equal(await pending, { statusCode: 200 });
});

test('a returned object with a numeric statusCode passes through (a $connect may refuse)', async () => {
  const refuse = { statusCode: 403, body: 'no' };
  const api = new WebsocketAPI();
  assert.is(await websocketHandler(() => refuse, api)(recordedEvent('websocket-connect'), lambdaContext()), refuse);
  assert.is(await websocketHandler(async () => refuse, api)(recordedEvent('websocket-connect'), lambdaContext()), refuse);
});

test('other return values answer 200', async () => {
  const api = new WebsocketAPI();
  for (const value of [undefined, null, 'ok', 42, { statusCode: '403' }, { hello: 'world' }, [1]]) {
    assert.equal(await websocketHandler(() => value, api)(recordedEvent('websocket-message'), lambdaContext()), { statusCode: 200 });
    assert.equal(await websocketHandler(async () => value, api)(recordedEvent('websocket-message'), lambdaContext()), { statusCode: 200 });
  }
});

test('errors thrown by the handler propagate', async () => {
  const api = new WebsocketAPI();
  for (const fn of [
    () => {
      throw new Error('not welcome');
    },
    async () => {
      throw new Error('not welcome');
    },
  ]) {
    try {
      await websocketHandler(fn, api)(recordedEvent('websocket-connect'), lambdaContext());
      assert.unreachable('should have rejected');
    } catch (err) {
      assert.match((err as Error).message, 'not welcome');
    }
  }
  try {
    await websocketHandler(async () => {
      throw new Error('later');
    }, api)(recordedEvent('websocket-connect'), lambdaContext());
    assert.unreachable('should have rejected');
  } catch (err) {
    assert.match((err as Error).message, 'later');
  }
});

test('a wrong-shaped event rejects with UnexpectedEventError before the handler runs', async () => {
  let called = false;
  const handler = websocketHandler(() => {
    called = true;
  }, new WebsocketAPI());
  try {
    await handler(recordedEvent('rest-get'), lambdaContext());
    assert.unreachable('accepted a wrong event');
  } catch (err) {
    assert.instance(err, UnexpectedEventError);
  }
  assert.is(called, false);
});

test('without the AWS SDK installed, send says how to install it (and tries again next time)', () => {
  const script = fileURLToPath(new URL('./fixtures/without-sdk.mjs', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
    timeout: 30_000,
  });
  const errors = JSON.parse(out);
  assert.is(errors.length, 2);
  for (const err of errors) {
    assert.is(err.code, 'AWS_SDK_MISSING');
    assert.match(err.message, 'npm install @aws-sdk/client-apigatewaymanagementapi');
    assert.match(err.message, 'Lambda Node.js runtime already provides it');
    assert.is(err.cause, 'ERR_MODULE_NOT_FOUND');
  }
});

test.run();
