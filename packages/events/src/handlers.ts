import {
  CloudWatchEvent,
  S3Event,
  SNSEvent,
  SQSEvent,
  type CloudWatchEventPayload,
  type S3EventNotification,
  type SNSEventNotification,
  type SQSEventBatch,
} from './event-classes.ts';
import { UnexpectedEventError, type LambdaContext } from './lambda.ts';

/** A Lambda entry: the raw event and context in, the handler's result out. */
export type EventLambda<R> = (event: unknown, context: LambdaContext) => R;

type Check = (event: any) => boolean;

function wrap<E, R>(expected: string, check: Check, make: (event: any, context: LambdaContext) => E, fn: (event: E) => R): EventLambda<R> {
  return (event, context) => {
    if (!event || typeof event !== 'object' || !check(event)) throw new UnexpectedEventError(expected, event);
    return fn(make(event, context));
  };
}

const firstRecord = (event: { Records?: unknown }, key: string): boolean => Array.isArray(event.Records) && event.Records.length > 0 && typeof event.Records[0]?.[key] === 'object';

/**
 * Wraps a handler of {@link CloudWatchEvent}s (schedules, EventBridge rules) as a Lambda entry.
 *
 * @example
 * export const handler = cloudWatchHandler((event) => console.log(event.detailType));
 */
export function cloudWatchHandler<R>(fn: (event: CloudWatchEvent) => R): EventLambda<R> {
  return wrap<CloudWatchEvent, R>(
    'a CloudWatch/EventBridge event (detail-type, source, detail)',
    (e) => typeof e['detail-type'] === 'string' && typeof e.source === 'string',
    (e: CloudWatchEventPayload, c) => new CloudWatchEvent(e, c),
    fn,
  );
}

/**
 * Wraps a handler of {@link S3Event}s as a Lambda entry.
 *
 * @example
 * export const handler = s3Handler(async (event) => console.log(event.bucket, event.key));
 */
export function s3Handler<R>(fn: (event: S3Event) => R): EventLambda<R> {
  return wrap<S3Event, R>(
    'an S3 event notification (Records[0].s3)',
    (e) => firstRecord(e, 's3'),
    (e: S3EventNotification, c) => new S3Event(e, c),
    fn,
  );
}

/**
 * Wraps a handler of {@link SNSEvent}s as a Lambda entry.
 *
 * @example
 * export const handler = snsHandler((event) => console.log(event.subject, event.message));
 */
export function snsHandler<R>(fn: (event: SNSEvent) => R): EventLambda<R> {
  return wrap<SNSEvent, R>(
    'an SNS notification (Records[0].Sns)',
    (e) => firstRecord(e, 'Sns'),
    (e: SNSEventNotification, c) => new SNSEvent(e, c),
    fn,
  );
}

/**
 * Wraps a handler of {@link SQSEvent}s as a Lambda entry. Throwing fails the whole batch,
 * so Lambda makes its messages visible again.
 *
 * @example
 * export const handler = sqsHandler(async (event) => { for (const record of event) console.log(record.body); });
 */
export function sqsHandler<R>(fn: (event: SQSEvent) => R): EventLambda<R> {
  return wrap<SQSEvent, R>(
    'an SQS event (Records[].body)',
    (e) => Array.isArray(e.Records) && e.Records.every((r: { body?: unknown }) => typeof r?.body === 'string'),
    (e: SQSEventBatch, c) => new SQSEvent(e, c),
    fn,
  );
}
