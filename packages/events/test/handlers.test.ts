import { lambdaContext, recordedEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cloudWatchHandler, type S3Event, s3Handler, snsHandler, type SQSEvent, sqsHandler, UnexpectedEventError } from '../src/index.ts';

test('wrappers hand the handler its event object and pass the result through', () => {
  const ctx = lambdaContext();
  assert.is(s3Handler((e) => `${e.bucket}/${e.key}`)(recordedEvent('s3'), ctx), 'mybucket-name/images/my house(2).jpg');
  assert.is(snsHandler((e) => e.message)(recordedEvent('sns'), ctx), 'TestMessage1');
  assert.equal(sqsHandler((e) => [...e].length)(recordedEvent('sqs'), ctx), 2);
  assert.is(cloudWatchHandler((e) => e.source)(recordedEvent('eventbridge-codecommit'), ctx), 'aws.codecommit');
});

test('a sync handler stays sync; an async one gives its promise', async () => {
  const sync = s3Handler(() => 'done')(recordedEvent('s3'), lambdaContext());
  assert.is(sync, 'done');
  const later = sqsHandler(async (e: SQSEvent) => e.records.length)(recordedEvent('sqs'), lambdaContext());
  assert.instance(later, Promise);
  assert.is(await later, 2);
});

test('the event object gets the Lambda context', () => {
  const ctx = lambdaContext({ awsRequestId: 'abc' });
  const seen = s3Handler((e: S3Event) => e.context.awsRequestId)(recordedEvent('s3'), ctx);
  assert.is(seen, 'abc');
});

const wrong: Array<[string, (e: unknown) => unknown, RegExp]> = [
  ['s3Handler', (e) => s3Handler(() => 1)(e, lambdaContext()), /expected an S3 event notification \(Records\[0\]\.s3\)/],
  ['snsHandler', (e) => snsHandler(() => 1)(e, lambdaContext()), /expected an SNS notification \(Records\[0\]\.Sns\)/],
  ['sqsHandler', (e) => sqsHandler(() => 1)(e, lambdaContext()), /expected an SQS event \(Records\[\]\.body\)/],
  ['cloudWatchHandler', (e) => cloudWatchHandler(() => 1)(e, lambdaContext()), /expected a CloudWatch\/EventBridge event/],
];

for (const [name, call, pattern] of wrong) {
  test(`${name} rejects events of another kind with UnexpectedEventError`, () => {
    for (const event of [{ foo: 1, bar: 2 }, null, 'text', recordedEvent(name === 'sqsHandler' ? 's3' : 'sqs')]) {
      try {
        call(event);
        assert.unreachable('accepted a wrong event');
      } catch (error) {
        assert.instance(error, UnexpectedEventError);
        assert.is((error as UnexpectedEventError).code, 'UNEXPECTED_EVENT');
        assert.match((error as Error).message, pattern);
      }
    }
  });
}

test('the error lists the keys it got', () => {
  try {
    s3Handler(() => 1)({ foo: 1, bar: 2 }, lambdaContext());
  } catch (error) {
    assert.match((error as Error).message, /but got an object with keys: foo, bar/);
  }
});

test.run();
