import type { BucketNotification, LambdaNotification } from './aws/facade.ts';
import { canonicalJson } from './aws-names.ts';

/**
 * The notification sending a bucket's events to a function, as S3 stores it.
 *
 * @example
 * lambdaNotification(arn, ['s3:ObjectCreated:*'], null, '.jpg');
 */
export function lambdaNotification(lambdaArn: string, events: string[], prefix: string | null, suffix: string | null): LambdaNotification {
  // The SDK's own spelling of the rule names (FilterRuleName); S3 answers with either case.
  const rules = [...(prefix === null ? [] : [{ Name: 'prefix', Value: prefix }]), ...(suffix === null ? [] : [{ Name: 'suffix', Value: suffix }])];
  return { LambdaFunctionArn: lambdaArn, Events: [...events], ...(rules.length ? { Filter: { Key: { FilterRules: rules } } } : {}) };
}

/**
 * Whether the bucket already sends exactly these events to the function (ids aside; S3 may
 * spell filter names in either case and list events in any order).
 *
 * @example
 * if (!hasNotification(await aws.getBucketNotification('uploads'), wanted)) { ... }
 */
export function hasNotification(current: BucketNotification, wanted: LambdaNotification): boolean {
  const key = (n: LambdaNotification) =>
    canonicalJson({
      arn: n.LambdaFunctionArn,
      events: [...n.Events].sort(),
      rules: (n.Filter?.Key.FilterRules ?? []).map((r) => [r.Name.toLowerCase(), r.Value]).sort(),
    });
  return (current.LambdaFunctionConfigurations ?? []).some((n) => key(n) === key(wanted));
}

/**
 * The bucket's configuration with the function's notification put in place of any it had,
 * everything else (other functions, topics, queues, EventBridge) as it was: a bucket is often
 * shared, and S3 replaces the whole configuration on every write.
 *
 * @example
 * await aws.putBucketNotification('uploads', withNotification(await aws.getBucketNotification('uploads'), wanted));
 */
export function withNotification(current: BucketNotification, wanted: LambdaNotification): BucketNotification {
  const others = withoutFunction(current, wanted.LambdaFunctionArn).LambdaFunctionConfigurations ?? [];
  return { ...current, LambdaFunctionConfigurations: [...others, wanted] };
}

/**
 * The bucket's configuration without the function's notifications.
 *
 * @example
 * await aws.putBucketNotification('uploads', withoutFunction(await aws.getBucketNotification('uploads'), arn));
 */
export function withoutFunction(current: BucketNotification, lambdaArn: string): BucketNotification {
  return { ...current, LambdaFunctionConfigurations: (current.LambdaFunctionConfigurations ?? []).filter((n) => n.LambdaFunctionArn !== lambdaArn) };
}
