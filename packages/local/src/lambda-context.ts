import { requestId } from './ids.ts';
import type { LambdaContext } from '@chalice/router';

// Read once: process.env look-ups are slow enough to show on every request.
let region: string | undefined;

/** What a local Lambda context is made from: the function's name and configured limits. */
export interface LocalFunction {
  /** The deployed name, `<app>-<stage>` for the API handler, `<app>-<stage>-<name>` otherwise. */
  functionName: string;
  memorySize: number;
  timeoutSeconds: number;
}

/**
 * A Lambda context like the Node.js runtime's, for running a handler locally: the function's
 * name and memory, a fresh request id, and `getRemainingTimeInMillis()` counting down from
 * `lambda_timeout`.
 *
 * @example
 * const context = localLambdaContext({ functionName: 'app-dev', memorySize: 128, timeoutSeconds: 60 });
 */
export function localLambdaContext(fn: LocalFunction): LambdaContext {
  const deadline = Date.now() + fn.timeoutSeconds * 1000;
  region ??= process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  return {
    functionName: fn.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:123456789012:function:${fn.functionName}`,
    memoryLimitInMB: String(fn.memorySize),
    awsRequestId: requestId(),
    logGroupName: `/aws/lambda/${fn.functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}
