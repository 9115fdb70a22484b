import { Blueprint } from '@chalice/router';

export const myevents = new Blueprint();

myevents.schedule('rate(5 minutes)', function cron() {
  return 'ran';
});

myevents.onSnsMessage('MyTopic', function handle_sns_message(event) {
  return event.message;
});
