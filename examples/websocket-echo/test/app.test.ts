import { TestClient } from '@chalice/local';
import { describeApp, missingFeatureFlags } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

test('every message comes back on the same connection', async () => {
  const client = new TestClient(app);
  const conn = await client.ws.connect('/');
  for (const text of ['foo', 'bar', 'foo bar baz']) {
    await conn.send(text);
    assert.is(await conn.next(), text);
  }
  await conn.close();
  client.close();
});

test('each client gets only its own echoes', async () => {
  const client = new TestClient(app);
  const [a, b] = await Promise.all([client.ws.connect('/'), client.ws.connect('/api/')]);
  await Promise.all([a!.send('from a'), b!.send('from b')]);
  assert.is(await a!.next(), 'from a');
  assert.is(await b!.next(), 'from b');
  assert.is(await b!.next({ timeoutMs: 50 }).catch(() => null), null, 'nothing more for b');
  client.close();
});

test('a client that leaves before its echo is no error', async () => {
  const client = new TestClient(app);
  const conn = await client.ws.connect('/');
  const departed = conn.connectionId;
  await conn.close();
  // What API Gateway would run for a message still in flight when the client left.
  await client.lambda.invoke('websocket_message', {
    requestContext: { connectionId: departed, routeKey: '$default', eventType: 'MESSAGE', domainName: 'localhost', stage: 'api' },
    body: 'too late',
  });
  client.close();
});

test('only a message handler, opted into WEBSOCKETS', () => {
  assert.equal(missingFeatureFlags(app), []);
  assert.equal(
    describeApp(app).functions.map((f) => f.name),
    ['websocket_message'],
  );
});

test.run();
