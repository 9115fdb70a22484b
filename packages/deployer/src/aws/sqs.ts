import type * as SqsSdk from '@aws-sdk/client-sqs';
import { call, callRequiring } from './call.ts';
import { lazyClient, loadSdk, type AwsContext } from './clients.ts';
import type { AwsFacade } from './facade.ts';

/**
 * The facade's SQS call: the ARN of a queue named in the app (the queue is the user's; Chalice
 * only reads from it).
 *
 * @example
 * const arn = await sqsCalls(context).getQueueArn('my-queue');
 */
export function sqsCalls(context: AwsContext): Pick<AwsFacade, 'getQueueArn'> {
  const sqs = lazyClient(
    () => loadSdk<typeof SqsSdk>('@aws-sdk/client-sqs'),
    (sdk) => new sdk.SQSClient(context.clientConfig),
  );
  return {
    async getQueueArn(queueName) {
      const { client, sdk } = sqs();
      const { QueueUrl } = await callRequiring(
        'sqs:GetQueueUrl',
        ['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue'],
        `SQS queue ${queueName} does not exist in ${context.clientConfig.region}: create it or fix the queue name`,
        () => client.send(new sdk.GetQueueUrlCommand({ QueueName: queueName })),
      );
      const out = await call('sqs:GetQueueAttributes', () => client.send(new sdk.GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] })));
      return out.Attributes!.QueueArn!;
    },
  };
}
