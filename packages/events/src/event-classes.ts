import type { LambdaContext } from './lambda.ts';

// The payload types below are hand-written to the shapes Lambda delivers (and `@types/aws-lambda`
// declares): every field Chalice does not read is optional and none has an index signature, so
// an `S3Event`, `SQSEvent`, `SNSEvent` or `EventBridgeEvent` of `@types/aws-lambda` is accepted
// as it is, and `toDict()` stays typed.

/** An EventBridge (CloudWatch Events) event as Lambda receives it. */
export interface CloudWatchEventPayload<TDetail = Record<string, unknown>> {
  version: string;
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: TDetail;
  'replay-name'?: string;
}

/** One record of an S3 event notification. */
export interface S3EventRecord {
  eventVersion?: string;
  eventSource?: string;
  awsRegion?: string;
  eventTime?: string;
  eventName?: string;
  userIdentity?: { principalId: string };
  requestParameters?: { sourceIPAddress: string };
  responseElements?: { 'x-amz-request-id': string; 'x-amz-id-2': string };
  s3: {
    s3SchemaVersion?: string;
    configurationId?: string;
    bucket: { name: string; ownerIdentity?: { principalId: string }; arn?: string };
    object: { key: string; size?: number; eTag?: string; versionId?: string | undefined; sequencer?: string };
  };
  glacierEventData?: { restoreEventData: { lifecycleRestorationExpiryTime: string; lifecycleRestoreStorageClass: string } } | undefined;
}
/** An S3 event notification. */
export interface S3EventNotification {
  Records: S3EventRecord[];
}

/** The message of one SNS record. */
export interface SNSMessagePayload {
  Message: string;
  Subject?: string | null;
  TopicArn?: string;
  MessageId?: string;
  Type?: string;
  Timestamp?: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
  SignatureVersion?: string;
  Signature?: string;
  SigningCertUrl?: string;
  UnsubscribeUrl?: string;
  Token?: string;
}
/** One record of an SNS notification. */
export interface SNSEventRecord {
  EventVersion?: string;
  EventSubscriptionArn?: string;
  EventSource?: string;
  Sns: SNSMessagePayload;
}
/** An SNS notification. */
export interface SNSEventNotification {
  Records: SNSEventRecord[];
}

/** The system attributes of an SQS message. */
export interface SQSMessageSystemAttributes {
  AWSTraceHeader?: string | undefined;
  ApproximateReceiveCount?: string;
  SentTimestamp?: string;
  SenderId?: string;
  ApproximateFirstReceiveTimestamp?: string;
  SequenceNumber?: string | undefined;
  MessageGroupId?: string | undefined;
  MessageDeduplicationId?: string | undefined;
  DeadLetterQueueSourceArn?: string | undefined;
}
/** One message attribute of an SQS message. */
export interface SQSMessageAttributeValue {
  dataType: string;
  stringValue?: string | undefined;
  binaryValue?: string | undefined;
  stringListValues?: string[] | undefined;
  binaryListValues?: string[] | undefined;
}
/** One SQS message as Lambda receives it. */
export interface SQSMessageRecord {
  messageId: string;
  receiptHandle: string;
  body: string;
  attributes?: SQSMessageSystemAttributes;
  messageAttributes?: Record<string, SQSMessageAttributeValue>;
  md5OfBody?: string;
  md5OfMessageAttributes?: string;
  eventSource?: string;
  eventSourceARN?: string;
  awsRegion?: string;
}
/** A batch of SQS messages. */
export interface SQSEventBatch {
  Records: SQSMessageRecord[];
}

abstract class LambdaEvent<T> {
  readonly context: LambdaContext;
  readonly #event: T;

  constructor(event: T, context: LambdaContext) {
    this.#event = event;
    this.context = context;
  }

  /** The original event, unmodified. */
  toDict(): T {
    return this.#event;
  }
}

/**
 * A scheduled or CloudWatch (EventBridge) event: the argument of `app.schedule` and `app.onCwEvent` handlers.
 *
 * @example
 * app.onCwEvent({ source: ['aws.codecommit'] }, function on_commit(event) { console.log(event.detailType, event.detail); });
 */
export class CloudWatchEvent<TDetail = Record<string, unknown>> extends LambdaEvent<CloudWatchEventPayload<TDetail>> {
  readonly version: string;
  readonly account: string;
  readonly region: string;
  readonly detail: TDetail;
  /** `Scheduled Event` for schedules. */
  readonly detailType: string;
  readonly source: string;
  readonly time: string;
  readonly eventId: string;
  readonly resources: string[];

  constructor(event: CloudWatchEventPayload<TDetail>, context: LambdaContext) {
    super(event, context);
    this.version = event.version;
    this.account = event.account;
    this.region = event.region;
    this.detail = event.detail;
    this.detailType = event['detail-type'];
    this.source = event.source;
    this.time = event.time;
    this.eventId = event.id;
    this.resources = event.resources;
  }
}

/**
 * An S3 event: the argument of `app.onS3Event` handlers. `key` is URL-decoded; `toDict()` keeps it encoded.
 *
 * @example
 * app.onS3Event({ bucket: 'mybucket' }, function on_upload(event) { console.log(event.bucket, event.key); });
 */
export class S3Event extends LambdaEvent<S3EventNotification> {
  readonly bucket: string;
  readonly key: string;

  constructor(event: S3EventNotification, context: LambdaContext) {
    super(event, context);
    const s3 = (event.Records[0] as S3EventRecord).s3;
    this.bucket = s3.bucket.name;
    this.key = decodeS3Key(s3.object.key);
  }
}

// S3 sends keys form-encoded: '+' is a space, the rest percent-encoded.
function decodeS3Key(key: string): string {
  const spaced = key.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * An SNS message: the argument of `app.onSnsMessage` handlers.
 *
 * @example
 * app.onSnsMessage('my-topic', function on_message(event) { console.log(event.subject, event.message); });
 */
export class SNSEvent extends LambdaEvent<SNSEventNotification> {
  readonly subject: string | null;
  readonly message: string;

  constructor(event: SNSEventNotification, context: LambdaContext) {
    super(event, context);
    const sns = (event.Records[0] as SNSEventRecord).Sns;
    this.subject = sns.Subject ?? null;
    this.message = sns.Message;
  }
}

/**
 * One SQS message of an {@link SQSEvent}.
 */
export class SQSRecord extends LambdaEvent<SQSMessageRecord> {
  readonly body: string;
  /** Needed to delete the message yourself, e.g. on partial batch failure. */
  readonly receiptHandle: string;

  constructor(record: SQSMessageRecord, context: LambdaContext) {
    super(record, context);
    this.body = record.body;
    this.receiptHandle = record.receiptHandle;
  }
}

/**
 * A batch of SQS messages: the argument of `app.onSqsMessage` handlers; iterate it for {@link SQSRecord}s.
 *
 * @example
 * app.onSqsMessage('my-queue', function on_batch(event) { for (const record of event) console.log(record.body); });
 */
export class SQSEvent extends LambdaEvent<SQSEventBatch> implements Iterable<SQSRecord> {
  /** The messages of the batch. */
  get records(): SQSRecord[] {
    return this.toDict().Records.map((r) => new SQSRecord(r, this.context));
  }

  [Symbol.iterator](): Iterator<SQSRecord> {
    return this.records[Symbol.iterator]();
  }
}
