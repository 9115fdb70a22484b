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

// The parts of a context that depend only on the function, built once per function; the last
// one is kept at hand, as a server mostly asks for the API handler's again and again.
type FixedParts = { invokedFunctionArn: string; logGroupName: string; memoryLimitInMB: string };
const fixed = new WeakMap<LocalFunction, FixedParts>();
let lastFunction: LocalFunction | undefined;
let lastParts: FixedParts | undefined;

class LocalContext implements LambdaContext {
  [key: string]: unknown;
  readonly functionVersion = '$LATEST';
  readonly logStreamName = 'local';
  callbackWaitsForEmptyEventLoop = true;
  readonly awsRequestId = requestId();
  readonly functionName: string;
  readonly invokedFunctionArn: string;
  readonly logGroupName: string;
  readonly memoryLimitInMB: string;
  readonly #deadline: number;

  constructor(fn: LocalFunction) {
    let parts = fn === lastFunction ? lastParts : fixed.get(fn);
    if (!parts) {
      region ??= process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
      parts = {
        invokedFunctionArn: `arn:aws:lambda:${region}:123456789012:function:${fn.functionName}`,
        logGroupName: `/aws/lambda/${fn.functionName}`,
        memoryLimitInMB: String(fn.memorySize),
      };
      fixed.set(fn, parts);
    }
    lastFunction = fn;
    lastParts = parts;
    this.functionName = fn.functionName;
    this.invokedFunctionArn = parts.invokedFunctionArn;
    this.logGroupName = parts.logGroupName;
    this.memoryLimitInMB = parts.memoryLimitInMB;
    this.#deadline = Date.now() + fn.timeoutSeconds * 1000;
  }

  getRemainingTimeInMillis(): number {
    return Math.max(0, this.#deadline - Date.now());
  }
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
  return new LocalContext(fn);
}
