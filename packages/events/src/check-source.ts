import { scheduleExpressionString } from './schedule.ts';
import type { EventSource } from './sources.ts';

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * A handler's trigger options are wrong: the message names the registration method, the handler
 * and the option. A `TypeError` whose `code` is the one tooling reports as the user's mistake in
 * defining the app (exit status 2 in the CLI), like the router's definition errors.
 */
export class EventSourceError extends TypeError {
  readonly code = 'DEFINITION_ERROR';
}

/**
 * Checks an event handler's trigger and throws an {@link EventSourceError} naming the handler
 * and the bad value. Tooling runs it for every handler when it loads an app (`describeApp`), and so does
 * each Lambda entry when it is built.
 *
 * @example
 * checkEventSource(sqsSource({ queue: 'my-queue', batchSize: 20 }), 'drain');
 * // EventSourceError: onSqsMessage handler "drain": batchSize must be an integer from 1 to 10, got 20
 */
export function checkEventSource(source: EventSource, handlerName: string): void {
  const fail = (method: string, why: string): never => {
    throw new EventSourceError(`${method} handler "${handlerName}": ${why}`);
  };
  switch (source.kind) {
    case 'schedule':
      try {
        scheduleExpressionString(source.expression);
      } catch (error) {
        fail('schedule', (error as Error).message);
      }
      return;
    case 'cloudWatchEvent': {
      const p = source.eventPattern;
      if (!p || typeof p !== 'object' || Array.isArray(p) || !Object.keys(p).length) {
        fail('onCwEvent', "the event pattern must be a non-empty object, e.g. { source: ['aws.codecommit'] }");
      }
      return;
    }
    case 's3Event': {
      if (!isText(source.bucket)) fail('onS3Event', 'bucket must be the name of an existing bucket');
      const { events } = source;
      if (!Array.isArray(events) || !events.length || !events.every((e) => typeof e === 'string' && e.startsWith('s3:'))) {
        fail('onS3Event', `events must be a non-empty list of S3 event types such as "s3:ObjectCreated:*", got ${JSON.stringify(events)}`);
      }
      return;
    }
    case 'snsMessage':
      if (!isText(source.topic)) fail('onSnsMessage', 'topic must be a topic name or ARN');
      return;
    case 'sqsMessage': {
      const { queue, batchSize } = source;
      if (!isText(queue)) fail('onSqsMessage', 'queue must be the name of an SQS queue');
      if (queue.startsWith('https:') || queue.startsWith('arn:')) {
        fail('onSqsMessage', `the 'queue' parameter must be the name of the queue, not the queue URL or the queue ARN. Invalid value: ${queue}`);
      }
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10) {
        fail('onSqsMessage', `batchSize must be an integer from 1 to 10, got ${String(batchSize)}`);
      }
      return;
    }
  }
}
