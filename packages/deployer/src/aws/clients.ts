import type { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { Sleep } from './retry.ts';

/**
 * What every service's client is made with. `endpoint` is only set to override
 * `AWS_ENDPOINT_URL` (which the SDK reads itself); `maxAttempts` raises the SDK's own retries
 * of throttling and transient errors above its default of 3, as a deploy makes bursts of calls.
 *
 * @example
 * const lambda = new LambdaClient({ ...context.clientConfig });
 */
export interface ClientConfig {
  /** Also given to clients so that the profile's other settings (e.g. `endpoint_url`) apply. */
  profile?: string;
  region: string;
  credentials: ReturnType<typeof fromNodeProviderChain>;
  endpoint?: string;
  maxAttempts: number;
}

/**
 * What the per-service parts of the facade share: the client settings, whether calls go to
 * an emulator rather than AWS (S3 then needs path-style addressing, as `bucket.localhost` does
 * not resolve), and the sleep that retries and waits use.
 *
 * @example
 * const s3 = lazy(() => new S3Client({ ...context.clientConfig, forcePathStyle: context.customEndpoint }));
 */
export interface AwsContext {
  readonly clientConfig: ClientConfig;
  readonly customEndpoint: boolean;
  readonly sleep: Sleep;
}

/**
 * Makes a value on first use and keeps it: each service's client is created only when the
 * deploy first calls that service, once.
 *
 * @example
 * const iam = lazy(() => new IAMClient(context.clientConfig));
 * await iam().send(command);
 */
export function lazy<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}
