/** The context object the Node.js Lambda runtime passes to every handler. */
export interface LambdaContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  getRemainingTimeInMillis(): number;
  callbackWaitsForEmptyEventLoop?: boolean;
  [key: string]: unknown;
}

/**
 * Thrown by a Lambda entry given an event of the wrong shape (an SQS event sent to an S3
 * handler, a test event typed by hand), instead of a TypeError from deep inside.
 */
export class UnexpectedEventError extends Error {
  readonly code = 'UNEXPECTED_EVENT';
  /** What the handler expected, e.g. `an SQS event (Records[].body)`. */
  readonly expected: string;

  constructor(expected: string, event: unknown) {
    const got =
      event && typeof event === 'object' ? `an object with keys: ${Object.keys(event).slice(0, 8).join(', ') || '(none)'}` : JSON.stringify(event);
    super(`handler expected ${expected} but got ${got}`);
    this.expected = expected;
  }
}
