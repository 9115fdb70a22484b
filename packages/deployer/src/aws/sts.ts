import type * as StsSdk from '@aws-sdk/client-sts';
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
  const sts = lazyClient(() => loadSdk<typeof StsSdk>('@aws-sdk/client-sts'), (sdk) => new sdk.STSClient(context.clientConfig));
  let account: Promise<string> | undefined;
  return {
    accountId() {
      account ??= call('sts:GetCallerIdentity', () => {
        const { client, sdk } = sts();
        return client.send(new sdk.GetCallerIdentityCommand({}));
      }).then(
        (out) => out.Account!,
        (error: unknown) => {
          account = undefined;
          throw error;
        },
      );
      return account;
    },
  };
}
