import type * as S3Sdk from '@aws-sdk/client-s3';
import { callRequiring } from './call.ts';
import { lazyClient, loadSdk, type AwsContext } from './clients.ts';
import type { AwsFacade, BucketNotification } from './facade.ts';

/**
 * The facade's S3 calls: a bucket's whole notification configuration, read and written back.
 * The bucket is the user's, so a missing one is an error here, not `null`.
 *
 * @example
 * const s3 = s3Calls(context);
 * const current = await s3.getBucketNotification('my-bucket');
 * await s3.putBucketNotification('my-bucket', { ...current, LambdaFunctionConfigurations: mine });
 */
export function s3Calls(context: AwsContext): Pick<AwsFacade, 'getBucketNotification' | 'putBucketNotification'> {
  const s3 = lazyClient(
    () => loadSdk<typeof S3Sdk>('@aws-sdk/client-s3'),
    (sdk) => new sdk.S3Client({ ...context.clientConfig, forcePathStyle: context.customEndpoint }),
  );
  const bucketCall = <T>(operation: string, bucket: string, run: () => Promise<T>): Promise<T> =>
    callRequiring(operation, ['NoSuchBucket'], `S3 bucket ${bucket} does not exist: create it or fix the bucket name`, run);
  return {
    async getBucketNotification(bucket) {
      const { client, sdk } = s3();
      const out = await bucketCall('s3:GetBucketNotificationConfiguration', bucket, () => client.send(new sdk.GetBucketNotificationConfigurationCommand({ Bucket: bucket })));
      // Only the configuration: the SDK's answer also carries $metadata, which S3 would refuse.
      const notification: BucketNotification = {};
      if (out.LambdaFunctionConfigurations?.length)
        notification.LambdaFunctionConfigurations = out.LambdaFunctionConfigurations as BucketNotification['LambdaFunctionConfigurations'];
      if (out.TopicConfigurations?.length) notification.TopicConfigurations = out.TopicConfigurations;
      if (out.QueueConfigurations?.length) notification.QueueConfigurations = out.QueueConfigurations;
      if (out.EventBridgeConfiguration) notification.EventBridgeConfiguration = out.EventBridgeConfiguration;
      return notification;
    },
    async putBucketNotification(bucket, notification) {
      const { client, sdk } = s3();
      // The facade types the parts Chalice does not own as opaque; they are S3's own shapes, read from S3.
      await bucketCall('s3:PutBucketNotificationConfiguration', bucket, () =>
        client.send(new sdk.PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: notification as S3Sdk.NotificationConfiguration })),
      );
    },
  };
}
