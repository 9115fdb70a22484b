import { lambdaContext, recordedEvent, restEvent } from '@chalice/fixtures';
import { describeApp, lambdaHandler } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

test('blueprint routes live under the URL prefix', async () => {
  assert.equal(
    describeApp(app).routes.map((r) => r.path),
    ['/v1', '/v1/foo'],
  );
  const foo = await app.handler(restEvent({ resource: '/v1/foo' }), lambdaContext());
  assert.equal(JSON.parse(foo.body), { foo: 'bar', from: 'blueprint-demo' });
  assert.equal(JSON.parse((await app.handler(restEvent({ resource: '/v1' }), lambdaContext())).body), { hello: 'world' });
});

test('blueprint functions carry the name prefix', async () => {
  assert.equal(
    describeApp(app).functions.map((f) => f.name),
    ['events_cron', 'events_handle_sns_message'],
  );
  assert.is(await lambdaHandler(app, 'events_cron')(recordedEvent('eventbridge-scheduled'), lambdaContext()), 'ran');
  assert.is(await lambdaHandler(app, 'events_handle_sns_message')(recordedEvent('sns'), lambdaContext()), 'TestMessage1');
});

test.run();
