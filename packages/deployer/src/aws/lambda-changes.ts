import type * as LambdaSdk from '@aws-sdk/client-lambda';
import { AwsError } from './aws-error.ts';
import { call } from './call.ts';
import type { LoadedClient } from './clients.ts';
import { UPDATE_IN_PROGRESS, withRetries, type RetryPolicy, type Sleep } from './retry.ts';

/**
 * The facade's Lambda client, loaded with its SDK module on first use (`lazyClient`).
 *
 * @example
 * const lambda: Lambda = lazyClient(() => loadSdk<typeof LambdaSdk>('@aws-sdk/client-lambda'), (sdk) => new sdk.LambdaClient(config));
 */
export type Lambda = () => LoadedClient<typeof LambdaSdk, LambdaSdk.LambdaClient>;

/**
 * Makes one change to a Lambda function: retried while an earlier update of the function is
 * still in progress, and mapped to an `AwsError` naming `operation` if it fails for good.
 *
 * @example
 * await changeFunction('lambda:TagResource', () => client.send(new sdk.TagResourceCommand(input)), sleep);
 */
export function changeFunction<T>(operation: string, send: () => Promise<T>, sleep: Sleep): Promise<T> {
  return call(operation, () => withRetries(send, UPDATE_IN_PROGRESS, sleep));
}

// Why a poll found the function not ready yet; only the waiter retries it.
class NotReady extends AwsError {}

// VPC functions can take minutes to become Active, the others a few seconds.
const FUNCTION_READY: RetryPolicy = { retryable: (e) => e instanceof NotReady, firstDelayMs: 500, maxDelayMs: 5_000, budgetMs: 600_000 };

/**
 * Polls the function's configuration until its `State` is Active and its `LastUpdateStatus`
 * Successful, as Lambda requires before the next change; a Failed state or update is an
 * `AwsError` carrying Lambda's reason.
 *
 * @example
 * await client.send(new sdk.UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zip }));
 * await waitUntilReady(lambda, name, sleep);
 */
export async function waitUntilReady(lambda: Lambda, functionName: string, sleep: Sleep): Promise<void> {
  const operation = 'lambda:GetFunctionConfiguration';
  const { client, sdk } = lambda();
  await withRetries(
    async () => {
      const config = await call(operation, () => client.send(new sdk.GetFunctionConfigurationCommand({ FunctionName: functionName })));
      const state = config.State ?? 'Active';
      const update = config.LastUpdateStatus ?? 'Successful';
      if (state === 'Failed') {
        throw new AwsError('AWS_CALL_FAILED', operation, `Lambda function ${functionName} failed: ${config.StateReason ?? 'no reason given'}`);
      }
      if (update === 'Failed') {
        throw new AwsError('AWS_CALL_FAILED', operation, `Update of Lambda function ${functionName} failed: ${config.LastUpdateStatusReason ?? 'no reason given'}`);
      }
      if (state !== 'Active' || update !== 'Successful') {
        throw new NotReady('AWS_CALL_FAILED', operation, `Timed out waiting for Lambda function ${functionName} (State ${state}, LastUpdateStatus ${update})`);
      }
    },
    FUNCTION_READY,
    sleep,
  );
}
