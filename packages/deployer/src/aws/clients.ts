import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  /** Connect and inactivity timeouts (ms) of the SDK's Node.js HTTP handler. */
  requestHandler: { connectionTimeout: number; socketTimeout: number };
}

/**
 * What the per-service parts of the facade share: the client settings, whether calls go to
 * an emulator rather than AWS (S3 then needs path-style addressing, as `bucket.localhost` does
 * not resolve), and the sleep that retries and waits use.
 *
 * @example
 * const s3 = lazyClient(() => loadSdk<typeof S3Sdk>('@aws-sdk/client-s3'), (sdk) => new sdk.S3Client({ ...context.clientConfig, forcePathStyle: context.customEndpoint }));
 */
export interface AwsContext {
  readonly clientConfig: ClientConfig;
  /** The ARN partition of the region (`aws`, `aws-cn`, `aws-us-gov`), for ARNs the calls name. */
  readonly partition: string;
  readonly customEndpoint: boolean;
  readonly sleep: Sleep;
}

/**
 * The part of an SDK v3 client that {@link lazyClient} uses: its middleware stack, where the call
 * log goes.
 */
export interface SdkClient {
  middlewareStack: {
    add(middleware: CallLogMiddleware, options: { step: 'initialize'; name: string }): void;
  };
}

// Generic, so that it fits the initialize middleware of every client's own input and output.
type CallLogMiddleware = <Args, Result>(next: (args: Args) => Promise<Result>, context: { clientName?: string; commandName?: string }) => (args: Args) => Promise<Result>;

/**
 * The environment variable naming the call log: with it set, every SDK command the facade
 * sends appends one line, `Service:Command` (`Lambda:GetFunction`), to that file. It is how
 * tests and benchmarks count a deploy's AWS calls (an emulator keeps no call log), and how a
 * user sees what a deploy asked of AWS.
 */
export const CALL_LOG_ENV = 'CHALICE_AWS_CALL_LOG';

// The SDK's packages are CommonJS only (no `exports` map). `import()` of one also runs Node's
// CJS export lexer over its bundled source: in a fresh process, the five clients and the
// credential chain of an unchanged redeploy load in ~250 ms that way, ~175 ms by `require`.
// `require` gives the same module instance that a static import does, so tests'
// `mockClient(LambdaClient)` still applies.
const require = createRequire(import.meta.url);

/**
 * Loads an AWS SDK package by name, typed as the package (a type-only import of it), for
 * {@link lazyClient} and the facade's credential chain.
 *
 * @example
 * import type * as LambdaSdk from '@aws-sdk/client-lambda';
 * const { LambdaClient } = loadSdk<typeof LambdaSdk>('@aws-sdk/client-lambda');
 */
export function loadSdk<Sdk>(name: string): Sdk {
  return require(name) as Sdk;
}

/**
 * A service's client together with the SDK module it was made from, whose commands it is sent.
 *
 * @example
 * const { client, sdk }: LoadedClient<typeof IamSdk, IamSdk.IAMClient> = iam();
 * await client.send(new sdk.GetRoleCommand({ RoleName: name }));
 */
export interface LoadedClient<Sdk, Client> {
  readonly client: Client;
  readonly sdk: Sdk;
}

/**
 * Loads a service's SDK module and makes its client on first use, once: a deploy touches 3-5
 * of the ten services, and loading an SDK client module costs 30-150 ms, so none is loaded
 * before the deploy first calls that service. A failed load or make is not kept, so the next
 * call tries again. Every client of the facade is made here, so this is where the call log
 * ({@link CALL_LOG_ENV}) is attached, read when the client is made.
 *
 * @example
 * const iam = lazyClient(() => loadSdk<typeof IamSdk>('@aws-sdk/client-iam'), (sdk) => new sdk.IAMClient(context.clientConfig));
 * const { client, sdk } = iam();
 * await client.send(new sdk.GetRoleCommand({ RoleName: name }));
 */
export function lazyClient<Sdk, Client extends SdkClient>(load: () => Sdk, make: (sdk: Sdk) => Client): () => LoadedClient<Sdk, Client> {
  let loaded: LoadedClient<Sdk, Client> | undefined;
  return () => {
    if (!loaded) {
      const sdk = load();
      loaded = { client: withKillSwitch(withCallLog(make(sdk))), sdk };
    }
    return loaded;
  };
}

/**
 * For crash tests only: set to N, the process kills itself with SIGKILL as soon as the Nth
 * call that changes AWS (any command but Get, List and Describe) has been answered, before
 * the deployer sees the answer: the worst moment for a `kill -9`.
 */
export const KILL_AFTER_ENV = 'CHALICE_TEST_KILL_AFTER_CALLS';

let changingCalls = 0;

function withKillSwitch<T extends SdkClient>(client: T): T {
  const killAfter = Number(process.env[KILL_AFTER_ENV] ?? 0);
  if (!killAfter) return client;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (!/^(Get|List|Describe)/.test(context.commandName ?? '') && ++changingCalls === killAfter) process.kill(process.pid, 'SIGKILL');
      return result;
    },
    { step: 'initialize', name: 'chaliceKillSwitch' },
  );
  return client;
}

function withCallLog<T extends SdkClient>(client: T): T {
  const file = process.env[CALL_LOG_ENV];
  if (!file) return client;
  // The initialize step runs once per `send`, before the SDK's own retries: one line per
  // command, whatever its outcome; the facade's retries send again and log again.
  client.middlewareStack.add(
    (next, context) => (args) => {
      const service = (context.clientName ?? 'Unknown').replace(/Client$/, '');
      appendFileSync(file, `${service}:${(context.commandName ?? 'Unknown').replace(/Command$/, '')}\n`);
      return next(args);
    },
    { step: 'initialize', name: 'chaliceCallLog' },
  );
  return client;
}
