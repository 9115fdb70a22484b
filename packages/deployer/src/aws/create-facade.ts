import type * as StsSdk from '@aws-sdk/client-sts';
import type * as CredentialProviders from '@aws-sdk/credential-providers';
import { apiGatewayCalls } from './api-gateway.ts';
import { apiGatewayV2Calls } from './apigatewayv2.ts';
import { AwsError } from './aws-error.ts';
import { loadSdk, type AwsContext } from './clients.ts';
import { eventBridgeCalls } from './eventbridge.ts';
import type { AwsFacade } from './facade.ts';
import { checkProfileExists } from './profiles.ts';
import { iamCalls } from './iam.ts';
import { lambdaCalls } from './lambda.ts';
import { logsCalls } from './logs.ts';
import { realSleep, type Sleep } from './retry.ts';
import { s3Calls } from './s3.ts';
import { snsCalls } from './sns.ts';
import { sqsCalls } from './sqs.ts';
import { stsCalls } from './sts.ts';

/**
 * Where the facade's calls go and as whom. Without `region`, the region comes from
 * `AWS_REGION`, `AWS_DEFAULT_REGION` or the profile's config; without `profile`, from
 * `AWS_PROFILE` or the default chain (environment, SSO, config files, container, instance).
 * `endpoint` overrides `AWS_ENDPOINT_URL` (which the SDK reads itself) for every service;
 * `sleep` replaces the real waits of retries and polls, for tests.
 *
 * @example
 * const options: AwsFacadeOptions = { profile: 'work', region: 'eu-west-1' };
 */
export interface AwsFacadeOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
  sleep?: Sleep;
  /**
   * Seconds to wait for a connection to AWS, and for AWS to send anything once connected
   * (default 60, botocore's): an endpoint that never answers fails the call instead of hanging.
   */
  timeoutSeconds?: number;
}

const DEFAULT_TIMEOUT_SECONDS = 60;

// The SDK retries throttling and transient errors itself; a deploy's bursts of calls need more
// than its default 3 attempts.
const MAX_ATTEMPTS = 8;

/**
 * The {@link AwsFacade} over the AWS SDK for JavaScript v3: one client per service, made when
 * the service is first called, all sharing one credential provider (so an SSO or assume-role
 * profile resolves once). Fails with an `AwsError` (`AWS_CREDENTIALS`) when no region is
 * configured; missing credentials surface on the first call.
 *
 * @example
 * const aws = await createAwsFacade({ profile: 'work' });
 * const role = await aws.getRole('myapp-dev');
 * // Against an emulator:
 * const local = await createAwsFacade({ region: 'us-east-1', endpoint: 'http://127.0.0.1:5000' });
 */
export async function createAwsFacade(options: AwsFacadeOptions = {}): Promise<AwsFacade> {
  if (options.profile) checkProfileExists(options.profile);
  const profile = options.profile ? { profile: options.profile } : {};
  // Loaded when a facade is made, as each client is on its service's first call: importing the
  // deployer must not load the SDK.
  const { fromNodeProviderChain } = loadSdk<typeof CredentialProviders>('@aws-sdk/credential-providers');
  const credentials = fromNodeProviderChain(profile);
  const region = await resolveRegion(options, credentials);
  const context: AwsContext = {
    clientConfig: {
      ...profile,
      region,
      credentials,
      maxAttempts: MAX_ATTEMPTS,
      requestHandler: timeouts(options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    },
    partition: partitionOf(region),
    customEndpoint: Boolean(options.endpoint ?? process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL),
    sleep: options.sleep ?? realSleep,
  };
  return {
    region,
    partition: context.partition,
    ...stsCalls(context),
    ...iamCalls(context),
    ...lambdaCalls(context),
    ...apiGatewayCalls(context),
    ...apiGatewayV2Calls(context),
    ...eventBridgeCalls(context),
    ...snsCalls(context),
    ...sqsCalls(context),
    ...s3Calls(context),
    ...logsCalls(context),
  };
}

// The SDK reads AWS_REGION and the profile's `region` (its own loadConfig, through a client's
// resolved config), but not AWS_DEFAULT_REGION, which the AWS CLI and Python Chalice honour.
async function resolveRegion(options: AwsFacadeOptions, credentials: AwsContext['clientConfig']['credentials']): Promise<string> {
  const explicit = options.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION;
  if (explicit) return explicit;
  const { STSClient } = loadSdk<typeof StsSdk>('@aws-sdk/client-sts');
  const probe = new STSClient({ credentials, ...(options.profile ? { profile: options.profile } : {}) });
  try {
    return await probe.config.region();
  } catch (error) {
    const where = options.profile ? `profile ${options.profile}` : 'the default profile';
    throw new AwsError('AWS_CREDENTIALS', 'region', `No AWS region configured: set AWS_REGION or run \`aws configure\` to give ${where} a region`, {
      cause: error,
    });
  } finally {
    probe.destroy();
  }
}

// `socketTimeout` is the SDK's inactivity timeout: a long upload that keeps sending is not cut.
function timeouts(seconds: number) {
  return { connectionTimeout: seconds * 1000, socketTimeout: seconds * 1000 };
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
