import { AwsError, hasAwsErrorCode, toAwsError } from './aws-error.ts';

/**
 * Runs one AWS call (with whatever retries `run` does inside), so that any failure reaches
 * the caller as an `AwsError` naming `operation`.
 *
 * @example
 * const out = await call('lambda:GetPolicy', () => lambda().send(new GetPolicyCommand({ FunctionName: name })));
 */
export async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAwsError(error, operation);
  }
}

/**
 * Like {@link call}, for a resource that is the user's and must exist (a bucket, a queue): an
 * answer with one of the `missing` codes is an `AwsError` saying so with `message`.
 *
 * @example
 * await callRequiring('s3:GetBucketNotificationConfiguration', ['NoSuchBucket'], `S3 bucket ${bucket} does not exist`, () => s3().send(command));
 */
export async function callRequiring<T>(operation: string, missing: readonly string[], message: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (hasAwsErrorCode(error, missing)) throw new AwsError('AWS_CALL_FAILED', operation, message, { cause: error });
    throw toAwsError(error, operation);
  }
}

/**
 * Like {@link call}, but `null` when AWS answers with one of the `missing` codes: the facade's
 * getters return `null` for a resource that does not exist, and its deletes succeed.
 *
 * @example
 * const role = await callIfExists('iam:GetRole', ['NoSuchEntity'], () => iam().send(new GetRoleCommand({ RoleName: name })));
 */
export async function callIfExists<T>(operation: string, missing: readonly string[], run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (hasAwsErrorCode(error, missing)) return null;
    throw toAwsError(error, operation);
  }
}
