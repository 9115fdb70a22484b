import type * as SqsSdk from '@aws-sdk/client-sqs';
import { AwsError, hasAwsErrorCode } from './aws-error.ts';
import { call } from './call.ts';
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
  const sqs = lazyClient(() => loadSdk<typeof SqsSdk>('@aws-sdk/client-sqs'), (sdk) => new sdk.SQSClient(context.clientConfig));
  return {
    async getQueueArn(queueName) {
      const { client, sdk } = sqs();
      const operation = 'sqs:GetQueueUrl';
      const { QueueUrl } = await call(operation, async () => {
        try {
          return await client.send(new sdk.GetQueueUrlCommand({ QueueName: queueName }));
        } catch (error) {
          if (!hasAwsErrorCode(error, ['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue'])) throw error;
          throw new AwsError('AWS_CALL_FAILED', operation, `SQS queue ${queueName} does not exist in ${context.clientConfig.region}: create it or fix the queue name`, { cause: error });
        }
      });
      const out = await call('sqs:GetQueueAttributes', () => client.send(new sdk.GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] })));
      return out.Attributes!.QueueArn!;
    },
  };
}
