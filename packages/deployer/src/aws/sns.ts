import type * as SnsSdk from '@aws-sdk/client-sns';
import { call, callIfExists } from './call.ts';
import { lazyClient, loadSdk, type AwsContext } from './clients.ts';
import type { AwsFacade } from './facade.ts';

const MISSING = ['NotFound'];

/**
 * The facade's SNS calls: a topic's subscriptions, and subscribing a Lambda function to it.
 *
 * @example
 * const sns = snsCalls(context);
 * const { subscriptionArn } = await sns.subscribe(topicArn, functionArn);
 */
export function snsCalls(context: AwsContext): Pick<AwsFacade, 'listSubscriptions' | 'subscribe' | 'unsubscribe'> {
  const sns = lazyClient(
    () => loadSdk<typeof SnsSdk>('@aws-sdk/client-sns'),
    (sdk) => new sdk.SNSClient(context.clientConfig),
  );
  return {
    async listSubscriptions(topicArn) {
      const { client, sdk } = sns();
      // A topic that no longer exists has no subscriptions; subscribing to it is the error.
      const found = await callIfExists('sns:ListSubscriptionsByTopic', MISSING, async () => {
        const all: Array<{ subscriptionArn: string; protocol: string; endpoint: string }> = [];
        for await (const page of sdk.paginateListSubscriptionsByTopic({ client }, { TopicArn: topicArn })) {
          for (const s of page.Subscriptions ?? []) all.push({ subscriptionArn: s.SubscriptionArn!, protocol: s.Protocol!, endpoint: s.Endpoint! });
        }
        return all;
      });
      return found ?? [];
    },
    async subscribe(topicArn, lambdaArn) {
      const { client, sdk } = sns();
      const input = { TopicArn: topicArn, Protocol: 'lambda', Endpoint: lambdaArn, ReturnSubscriptionArn: true };
      const out = await call('sns:Subscribe', () => client.send(new sdk.SubscribeCommand(input)));
      return { subscriptionArn: out.SubscriptionArn! };
    },
    async unsubscribe(subscriptionArn) {
      const { client, sdk } = sns();
      await callIfExists('sns:Unsubscribe', MISSING, () => client.send(new sdk.UnsubscribeCommand({ SubscriptionArn: subscriptionArn })));
    },
  };
}
