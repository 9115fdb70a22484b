import { Chalice, Cron, Rate } from '@chalice/router';

export const app = new Chalice({ appName: 'events' });
app.debug = true;

/** What the handlers saw, so the tests (and you, in `chalice logs`) can follow along. */
export const seen: string[] = [];

app.schedule('rate(1 hour)', function every_hour(event) {
  seen.push(`every_hour ${event.detailType}`);
});

app.schedule(new Rate(2, Rate.HOURS), function every_two_hours(event) {
  seen.push(`every_two_hours ${event.time}`);
});

app.schedule(new Cron(0, 18, '?', '*', 'MON-FRI', '*'), function weekday_evenings(event) {
  seen.push(`weekday_evenings ${event.resources[0]}`);
});

app.onCwEvent({ source: ['aws.codecommit'] }, function on_code_commit_changes(event) {
  seen.push(`on_code_commit_changes ${String(event.detail.repositoryName)}`);
});

app.onS3Event({ bucket: 'mybucket-name', events: ['s3:ObjectCreated:*'] }, function handle_s3_event(event) {
  app.log.debug('Received event for bucket: %s, key: %s', event.bucket, event.key);
  seen.push(`handle_s3_event ${event.bucket} ${event.key}`);
});

app.onSnsMessage({ topic: 'my-demo-topic' }, function handle_sns_message(event) {
  app.log.debug('Received message with subject: %s, message: %s', event.subject, event.message);
  seen.push(`handle_sns_message ${event.subject} ${event.message}`);
});

app.onSqsMessage({ queue: 'my-queue', batchSize: 1 }, function handle_sqs_message(event) {
  for (const record of event) {
    app.log.debug('Received message with contents: %s', record.body);
    seen.push(`handle_sqs_message ${record.body}`);
  }
});
