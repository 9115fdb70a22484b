import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { call } from './call.ts';
import { lazy, type AwsContext } from './clients.ts';
import type { AwsFacade } from './facade.ts';

/**
 * The facade's STS call: the caller's account id, asked once per facade (ARNs the deployer
 * builds need it many times). A failed attempt is not kept, so the next call asks again.
 *
 * @example
 * const account = await stsCalls(context).accountId();
 */
export function stsCalls(context: AwsContext): Pick<AwsFacade, 'accountId'> {
  const sts = lazy(() => new STSClient(context.clientConfig));
  let account: Promise<string> | undefined;
  return {
    accountId() {
      account ??= call('sts:GetCallerIdentity', () => sts().send(new GetCallerIdentityCommand({}))).then(
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
