import { format } from 'node:util';
import { lambdaContext, recordedEvent } from '@chalice/fixtures';
import { describeApp, lambdaHandler } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app, seen } from '../app.ts';

const run = async (name: string, event: Parameters<typeof recordedEvent>[0]) => {
  const saved = console.debug;
  const logged: string[] = [];
  console.debug = (...args: unknown[]) => logged.push(format(...args));
  try {
    await lambdaHandler(app, name)(recordedEvent(event), lambdaContext());
  } finally {
    console.debug = saved;
  }
  return logged;
};

test('each handler gets its event object', async () => {
  seen.length = 0;
  await run('every_hour', 'eventbridge-scheduled');
  await run('every_two_hours', 'eventbridge-scheduled');
  await run('weekday_evenings', 'eventbridge-scheduled');
  await run('on_code_commit_changes', 'eventbridge-codecommit');
  await run('handle_s3_event', 's3');
  await run('handle_sns_message', 'sns');
  await run('handle_sqs_message', 'sqs');
  assert.equal(seen, [
    'every_hour Scheduled Event',
    'every_two_hours 2024-03-12T18:00:00Z',
    'weekday_evenings arn:aws:events:us-west-2:123456789012:rule/myapp-dev-every_hour',
    'on_code_commit_changes my-repo',
    'handle_s3_event mybucket-name images/my house(2).jpg',
    'handle_sns_message TestSubject1 TestMessage1',
    'handle_sqs_message {"order": 1}',
    'handle_sqs_message second message',
  ]);
});

test('app.log writes debug lines in debug mode', async () => {
  const logged = await run('handle_sns_message', 'sns');
  assert.equal(logged, ['events - DEBUG - Received message with subject: TestSubject1, message: TestMessage1']);
});

test('the triggers are in the app model', () => {
  const sources = Object.fromEntries(describeApp(app).functions.map((f) => [f.name, f.kind === 'eventHandler' ? f.source : null]));
  assert.equal(sources.every_hour, { kind: 'schedule', expression: 'rate(1 hour)', description: '' });
  assert.equal(sources.every_two_hours, { kind: 'schedule', expression: 'rate(2 hours)', description: '' });
  assert.equal(sources.weekday_evenings, { kind: 'schedule', expression: 'cron(0 18 ? * MON-FRI *)', description: '' });
  assert.equal(sources.on_code_commit_changes, { kind: 'cloudWatchEvent', eventPattern: { source: ['aws.codecommit'] } });
  assert.equal(sources.handle_s3_event, { kind: 's3Event', bucket: 'mybucket-name', events: ['s3:ObjectCreated:*'], prefix: null, suffix: null });
  assert.equal(sources.handle_sns_message, { kind: 'snsMessage', topic: 'my-demo-topic' });
  assert.equal(sources.handle_sqs_message, { kind: 'sqsMessage', queue: 'my-queue', batchSize: 1 });
});

test.run();
