import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkEventSource, EventSourceError, cloudWatchSource, Cron, Rate, s3Source, scheduleSource, snsSource, sqsSource } from '../src/index.ts';

test("builders fill in the seed's defaults as plain data", () => {
  assert.equal(scheduleSource('rate(5 minutes)'), { kind: 'schedule', expression: 'rate(5 minutes)', description: '' });
  assert.equal(scheduleSource(new Rate(1, Rate.HOURS), 'hourly'), { kind: 'schedule', expression: 'rate(1 hour)', description: 'hourly' });
  assert.equal(scheduleSource(new Cron(0, 10, '*', '*', '?', '*')).expression, 'cron(0 10 * * ? *)');
  assert.equal(cloudWatchSource({ source: ['aws.codecommit'] }), { kind: 'cloudWatchEvent', eventPattern: { source: ['aws.codecommit'] } });
  assert.equal(s3Source({ bucket: 'b' }), { kind: 's3Event', bucket: 'b', events: ['s3:ObjectCreated:*'], prefix: null, suffix: null });
  assert.equal(s3Source({ bucket: 'b', events: ['s3:ObjectRemoved:*'], prefix: 'images/', suffix: '.jpg' }), {
    kind: 's3Event',
    bucket: 'b',
    events: ['s3:ObjectRemoved:*'],
    prefix: 'images/',
    suffix: '.jpg',
  });
  assert.equal(snsSource({ topic: 'arn:aws:sns:us-west-2:1:t' }), { kind: 'snsMessage', topic: 'arn:aws:sns:us-west-2:1:t' });
  assert.equal(sqsSource({ queue: 'q.fifo' }), { kind: 'sqsMessage', queue: 'q.fifo', batchSize: 1 });
});

test('valid sources pass the check', () => {
  for (const source of [
    scheduleSource('cron(0 10 * * ? *)'),
    cloudWatchSource({ source: ['x'] }),
    s3Source({ bucket: 'b' }),
    snsSource({ topic: 't' }),
    sqsSource({ queue: 'q', batchSize: 10 }),
  ]) {
    checkEventSource(source, 'h');
  }
});

const bad: Array<[string, Parameters<typeof checkEventSource>[0], RegExp]> = [
  ['schedule string', scheduleSource('every hour'), /^schedule handler "h": Invalid schedule expression "every hour"/],
  ['empty pattern', cloudWatchSource({}), /^onCwEvent handler "h": the event pattern must be a non-empty object/],
  ['array pattern', cloudWatchSource([] as never), /non-empty object/],
  ['no bucket', s3Source({} as never), /^onS3Event handler "h": bucket must be the name of an existing bucket/],
  ['bad events', s3Source({ bucket: 'b', events: ['ObjectCreated:*'] }), /events must be a non-empty list of S3 event types/],
  ['empty events', s3Source({ bucket: 'b', events: [] }), /events must be a non-empty list/],
  ['no topic', snsSource({ topic: '' }), /^onSnsMessage handler "h": topic must be a topic name or ARN/],
  ['queue URL', sqsSource({ queue: 'https://sqs.us-west-2.amazonaws.com/1/q' }), /must be the name of the queue, not the queue URL or the queue ARN\. Invalid value: https:/],
  ['queue ARN', sqsSource({ queue: 'arn:aws:sqs:us-west-2:1:q' }), /Invalid value: arn:aws:sqs/],
  ['batch 0', sqsSource({ queue: 'q', batchSize: 0 }), /batchSize must be an integer from 1 to 10, got 0/],
  ['batch 20', sqsSource({ queue: 'q', batchSize: 20 }), /got 20/],
  ['batch 2.5', sqsSource({ queue: 'q', batchSize: 2.5 }), /got 2.5/],
];

for (const [what, source, pattern] of bad) {
  test(`checkEventSource rejects ${what}, naming the handler`, () => {
    assert.throws(() => checkEventSource(source, 'h'), pattern);
    assert.throws(
      () => checkEventSource(source, 'h'),
      (error: Error) => error instanceof EventSourceError && error instanceof TypeError && (error as EventSourceError).code === 'DEFINITION_ERROR',
      'a user error the CLI reports with exit status 2',
    );
  });
}

test.run();
