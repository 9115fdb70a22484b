import { hasAwsErrorCode } from './aws-error.ts';

/**
 * Waits `ms` milliseconds. The facade takes one so that tests of its retries and waits run
 * without waiting.
 *
 * @example
 * const noWait: Sleep = async () => {};
 */
export type Sleep = (ms: number) => Promise<void>;

/**
 * The real {@link Sleep}.
 *
 * @example
 * await realSleep(500);
 */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * When to try a failed call again, and how long to keep trying: delays double from
 * `firstDelayMs` up to `maxDelayMs`, and stop once their sum would pass `budgetMs`.
 *
 * @example
 * const policy: RetryPolicy = { retryable: (e) => e instanceof Busy, firstDelayMs: 100, maxDelayMs: 1_000, budgetMs: 10_000 };
 */
export interface RetryPolicy {
  retryable(error: unknown): boolean;
  firstDelayMs: number;
  maxDelayMs: number;
  budgetMs: number;
}

/**
 * Runs `attempt` until it succeeds, fails with an error the policy does not retry, or the
 * policy's time budget is spent; then the last error is thrown.
 *
 * @example
 * const out = await withRetries(() => lambda.send(command), ROLE_PROPAGATION, sleep);
 */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy, sleep: Sleep): Promise<T> {
  let waited = 0;
  let delay = policy.firstDelayMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!policy.retryable(error) || waited + delay > policy.budgetMs) throw error;
      await sleep(delay);
      waited += delay;
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

function invalidParameter(error: unknown, pattern: RegExp): boolean {
  return hasAwsErrorCode(error, ['InvalidParameterValueException']) && pattern.test((error as Error).message);
}

/**
 * A role or policy created moments ago that Lambda cannot use yet: IAM is eventually
 * consistent, and for some seconds Lambda says the new role "cannot be assumed" or "does not
 * have permissions" (to make a VPC's network interfaces, to read an SQS queue). Chalice waits
 * up to about a minute.
 *
 * @example
 * await withRetries(() => lambda.send(new CreateFunctionCommand(input)), ROLE_PROPAGATION, sleep);
 */
export const ROLE_PROPAGATION: RetryPolicy = {
  retryable: (error) => invalidParameter(error, /cannot be assumed by Lambda|execution role does not have permissions/i),
  firstDelayMs: 1_000,
  maxDelayMs: 8_000,
  budgetMs: 60_000,
};

/**
 * Lambda refusing a change while the function's previous update is still being applied
 * (`ResourceConflictException`: "An update is in progress"); it passes once that update ends.
 *
 * @example
 * await withRetries(() => lambda.send(new TagResourceCommand(input)), UPDATE_IN_PROGRESS, sleep);
 */
export const UPDATE_IN_PROGRESS: RetryPolicy = {
  retryable: (error) => hasAwsErrorCode(error, ['ResourceConflictException']) && /update is in progress|cannot be performed at this time/i.test((error as Error).message),
  firstDelayMs: 1_000,
  maxDelayMs: 5_000,
  budgetMs: 120_000,
};

/**
 * An event source mapping still being created or updated (`ResourceInUseException`): Lambda
 * refuses to change or delete it for the few seconds that takes, as when a failed deploy is
 * deleted at once.
 *
 * @example
 * await withRetries(() => lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid })), MAPPING_BUSY, sleep);
 */
export const MAPPING_BUSY: RetryPolicy = {
  retryable: (error) => hasAwsErrorCode(error, ['ResourceInUseException']),
  firstDelayMs: 1_000,
  maxDelayMs: 5_000,
  budgetMs: 60_000,
};

/**
 * API Gateway's control-plane quotas are per account and low (DeleteRestApi: one call every
 * 30 s), longer than the SDK's own throttling retries last, so its `TooManyRequestsException`
 * gets a second, slower round.
 *
 * @example
 * await withRetries(() => apigateway.send(new DeleteRestApiCommand(input)), API_THROTTLED, sleep);
 */
export const API_THROTTLED: RetryPolicy = {
  retryable: (error) => hasAwsErrorCode(error, ['TooManyRequestsException']),
  firstDelayMs: 2_000,
  maxDelayMs: 30_000,
  budgetMs: 120_000,
};
