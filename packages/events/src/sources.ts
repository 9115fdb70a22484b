import type { ScheduleExpression } from './schedule.ts';

/** A schedule trigger, as plain data. */
export interface ScheduleSource {
  kind: 'schedule';
  expression: string;
  description: string;
}
/** An EventBridge rule trigger, as plain data. */
export interface CloudWatchEventSource {
  kind: 'cloudWatchEvent';
  eventPattern: Record<string, unknown>;
}
/** An S3 bucket notification trigger, as plain data. */
export interface S3EventSource {
  kind: 's3Event';
  bucket: string;
  events: string[];
  prefix: string | null;
  suffix: string | null;
}
/** An SNS subscription trigger, as plain data. */
export interface SnsEventSource {
  kind: 'snsMessage';
  topic: string;
}
/** An SQS event source mapping, as plain data. */
export interface SqsEventSource {
  kind: 'sqsMessage';
  queue: string;
  batchSize: number;
}
/**
 * Every trigger of an event handler; tooling switches over `kind`. The builders below only
 * fill in defaults: {@link checkEventSource} checks the values (kept apart so a Lambda that
 * never reads its triggers does not carry the checks).
 */
export type EventSource = ScheduleSource | CloudWatchEventSource | S3EventSource | SnsEventSource | SqsEventSource;

/** Options of `app.onS3Event`. */
export interface S3EventOptions {
  /** An existing bucket's name. */
  bucket: string;
  /** Event types (default `['s3:ObjectCreated:*']`). */
  events?: string[];
  /** A literal key prefix, e.g. `images/`. */
  prefix?: string;
  /** A literal key suffix, e.g. `.jpg`. */
  suffix?: string;
}
/** Options of `app.onSnsMessage`. */
export interface SnsMessageOptions {
  /** The topic's name, or its ARN (for a topic in another region or account). */
  topic: string;
}
/** Options of `app.onSqsMessage`. */
export interface SqsMessageOptions {
  /** The queue's name (with `.fifo` for a FIFO queue), not its URL or ARN. */
  queue: string;
  /** Messages per invocation, 1 to 10 (default 1). */
  batchSize?: number;
}

/** A schedule trigger: `rate(...)`/`cron(...)` strings, {@link Rate} and {@link Cron} all become their string. */
export function scheduleSource(expression: ScheduleExpression, description = ''): ScheduleSource {
  return { kind: 'schedule', expression: String(expression), description };
}

/** An EventBridge rule trigger. */
export function cloudWatchSource(eventPattern: Record<string, unknown>): CloudWatchEventSource {
  return { kind: 'cloudWatchEvent', eventPattern };
}

/** An S3 trigger, with the default event `s3:ObjectCreated:*`. */
export function s3Source(options: S3EventOptions): S3EventSource {
  const { bucket, events = ['s3:ObjectCreated:*'], prefix = null, suffix = null } = options ?? ({} as S3EventOptions);
  return { kind: 's3Event', bucket, events, prefix, suffix };
}

/** An SNS trigger. */
export function snsSource(options: SnsMessageOptions): SnsEventSource {
  return { kind: 'snsMessage', topic: options?.topic };
}

/** An SQS trigger, batch size 1 by default. */
export function sqsSource(options: SqsMessageOptions): SqsEventSource {
  return { kind: 'sqsMessage', queue: options?.queue, batchSize: options?.batchSize ?? 1 };
}
