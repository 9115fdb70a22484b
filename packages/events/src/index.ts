export { UnexpectedEventError, type LambdaClientContext, type LambdaContext } from './lambda.ts';
export { Cron, Rate, scheduleExpressionString, type ScheduleExpression } from './schedule.ts';
export {
  CloudWatchEvent,
  S3Event,
  SNSEvent,
  SQSEvent,
  SQSRecord,
  type CloudWatchEventPayload,
  type S3EventNotification,
  type S3EventRecord,
  type SNSEventNotification,
  type SNSEventRecord,
  type SNSMessagePayload,
  type SQSEventBatch,
  type SQSMessageAttributeValue,
  type SQSMessageRecord,
  type SQSMessageSystemAttributes,
} from './event-classes.ts';
export { cloudWatchHandler, s3Handler, snsHandler, sqsHandler, type EventLambda } from './handlers.ts';
export { checkEventSource, EventSourceError } from './check-source.ts';
export {
  cloudWatchSource,
  s3Source,
  scheduleSource,
  snsSource,
  sqsSource,
  type CloudWatchEventSource,
  type EventSource,
  type S3EventOptions,
  type S3EventSource,
  type ScheduleSource,
  type SnsEventSource,
  type SnsMessageOptions,
  type SqsEventSource,
  type SqsMessageOptions,
} from './sources.ts';
