import type * as StsSdk from '@aws-sdk/client-sts';
import { AwsError } from './aws-error.ts';
import { call } from './call.ts';
import { lazyClient, loadSdk, type AwsContext } from './clients.ts';
import type { AwsFacade } from './facade.ts';

/**
 * The facade's STS call: the caller's account id, asked once per facade (ARNs the deployer
 * builds need it many times). A failed attempt is not kept, so the next call asks again.
 *
 * @example
 * const account = await stsCalls(context).accountId();
 */
export function stsCalls(context: AwsContext): Pick<AwsFacade, 'accountId'> {
  // The first call of every deploy: an endpoint that does not answer is reported after two
  // timeouts, not after the eight attempts that throttling gets elsewhere.
  const sts = lazyClient(
    () => loadSdk<typeof StsSdk>('@aws-sdk/client-sts'),
    (sdk) => new sdk.STSClient({ ...context.clientConfig, maxAttempts: 2 }),
  );
  let account: Promise<string> | undefined;
  return {
    accountId() {
      account ??= call('sts:GetCallerIdentity', () => {
        const { client, sdk } = sts();
        return client.send(new sdk.GetCallerIdentityCommand({}));
      })
        .then((out) => {
          // A page from a proxy, answered with 200, reads as an answer without fields.
          if (!out.Account)
            throw new AwsError(
              'AWS_CALL_FAILED',
              'sts:GetCallerIdentity',
              'The answer to sts:GetCallerIdentity has no account id, so it is not from AWS: a proxy, a captive portal or AWS_ENDPOINT_URL may be in the way',
            );
          return out.Account;
        })
        .catch((error: unknown) => {
          account = undefined;
          throw error;
        });
      return account;
    },
  };
}
