/**
 * The context object the Node.js Lambda runtime passes to every handler. Hand-written to the
 * shape of `Context` in `@types/aws-lambda` (no index signature, so theirs is assignable to ours);
 * ours leaves out the deprecated `done`/`fail`/`succeed`, so a handler typed with it serves both.
 *
 * @example
 * export const handler = async (event: unknown, context: LambdaContext) => context.getRemainingTimeInMillis();
 */
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
  /** The Amazon Cognito identity of a call made through the AWS Mobile SDK. */
  identity?: { cognitoIdentityId: string; cognitoIdentityPoolId: string } | undefined;
  /** The client and device of a call made through the AWS Mobile SDK. */
  clientContext?: LambdaClientContext | undefined;
  /** The tenant of a multi-tenant function's invocation. */
  tenantId?: string | undefined;
}

/** `LambdaContext.clientContext`: what the AWS Mobile SDK tells about the calling app and device. */
export interface LambdaClientContext {
  client: { installationId: string; appTitle: string; appVersionName: string; appVersionCode: string; appPackageName: string };
  custom?: unknown;
  env: { platformVersion: string; platform: string; make: string; model: string; locale: string };
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
    const got = event && typeof event === 'object' ? `an object with keys: ${Object.keys(event).slice(0, 8).join(', ') || '(none)'}` : JSON.stringify(event);
    super(`handler expected ${expected} but got ${got}`);
    this.expected = expected;
  }
}
