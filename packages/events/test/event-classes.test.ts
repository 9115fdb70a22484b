import { lambdaContext, recordedEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CloudWatchEvent, S3Event, SNSEvent, SQSEvent, SQSRecord } from '../src/index.ts';

test('CloudWatchEvent maps the scheduled event, toDict is the original', () => {
  const raw = recordedEvent('eventbridge-scheduled');
  const ctx = lambdaContext();
  const event = new CloudWatchEvent(raw, ctx);
  assert.is(event.version, '0');
  assert.is(event.account, '123456789012');
  assert.is(event.region, 'us-west-2');
  assert.equal(event.detail, {});
  assert.is(event.detailType, 'Scheduled Event');
  assert.is(event.source, 'aws.events');
  assert.is(event.time, '2024-03-12T18:00:00Z');
  assert.is(event.eventId, '12345678-b9f1-4667-9c5e-39f98e9a6113');
  assert.equal(event.resources, ['arn:aws:events:us-west-2:123456789012:rule/myapp-dev-every_hour']);
  assert.is(event.context, ctx);
  assert.is(event.toDict(), raw);
});

test('CloudWatchEvent carries an EventBridge detail', () => {
  const event = new CloudWatchEvent<{ repositoryName: string }>(recordedEvent('eventbridge-codecommit'), lambdaContext());
  assert.is(event.detail.repositoryName, 'my-repo');
  assert.is(event.detailType, 'CodeCommit Repository State Change');
});

test('S3Event decodes the key like unquote_plus; toDict keeps it encoded', () => {
  const raw = recordedEvent('s3');
  const event = new S3Event(raw, lambdaContext());
  assert.is(event.bucket, 'mybucket-name');
  assert.is(event.key, 'images/my house(2).jpg');
  assert.is(event.toDict().Records[0]!.s3.object.key, 'images/my+house%282%29.jpg');
});

test('S3Event keeps a key with a stray % readable', () => {
  const raw = recordedEvent('s3');
  raw.Records[0].s3.object.key = '100%+done';
  assert.is(new S3Event(raw, lambdaContext()).key, '100% done');
});

test('SNSEvent has subject and message; a missing subject is null', () => {
  const raw = recordedEvent('sns');
  const event = new SNSEvent(raw, lambdaContext());
  assert.is(event.subject, 'TestSubject1');
  assert.is(event.message, 'TestMessage1');
  delete raw.Records[0].Sns.Subject;
  assert.is(new SNSEvent(raw, lambdaContext()).subject, null);
});

test('SQSEvent iterates SQSRecords with body, receipt handle, context and toDict', () => {
  const raw = recordedEvent('sqs');
  const ctx = lambdaContext();
  const event = new SQSEvent(raw, ctx);
  const records = [...event];
  assert.is(records.length, 2);
  assert.instance(records[0], SQSRecord);
  assert.equal(
    records.map((r) => r.body),
    ['{"order": 1}', 'second message'],
  );
  assert.is(records[1]!.receiptHandle, 'AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq...second');
  assert.is(records[0]!.context, ctx);
  assert.is(records[0]!.toDict(), raw.Records[0]);
  assert.equal(
    event.records.map((r) => r.body),
    ['{"order": 1}', 'second message'],
  );
  assert.is(event.toDict(), raw);
});

test.run();
