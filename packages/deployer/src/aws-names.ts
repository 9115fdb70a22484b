import { createHash } from 'node:crypto';
import type { AwsFacade } from './aws/facade.ts';

/**
 * Where a deploy goes: what every ARN and URL of the deploy is made of.
 *
 * @example
 * const target: AwsTarget = { partition: 'aws', region: 'us-east-1', accountId: '123456789012' };
 */
export interface AwsTarget {
  partition: string;
  region: string;
  accountId: string;
}

/**
 * The deploy's target as the facade reports it (the account id is asked of STS once per facade).
 *
 * @example
 * const target = await awsTarget(aws); // { partition: 'aws', region: 'us-east-1', accountId: '123456789012' }
 */
export async function awsTarget(aws: Pick<AwsFacade, 'partition' | 'region' | 'accountId'>): Promise<AwsTarget> {
  return { partition: aws.partition, region: aws.region, accountId: await aws.accountId() };
}

/**
 * The service principals Chalice lets invoke a function: the planner adds their permissions
 * and the executor removes them, both by {@link permissionId}, so both must name them alike.
 *
 * @example
 * permissionId(PRINCIPAL.sns, topicArn(target, 'alerts'));
 */
export const PRINCIPAL = {
  apiGateway: 'apigateway.amazonaws.com',
  events: 'events.amazonaws.com',
  s3: 's3.amazonaws.com',
  sns: 'sns.amazonaws.com',
} as const;

/**
 * A role's ARN (IAM's ARNs follow from the name and name no region).
 *
 * @example
 * roleArn(target, 'app-dev'); // 'arn:aws:iam::123456789012:role/app-dev'
 */
export function roleArn(target: AwsTarget, roleName: string): string {
  return `arn:${target.partition}:iam::${target.accountId}:role/${roleName}`;
}

/**
 * A function's unqualified ARN, as Lambda reports it.
 *
 * @example
 * functionArn(target, 'app-dev'); // 'arn:aws:lambda:us-east-1:123456789012:function:app-dev'
 */
export function functionArn(target: AwsTarget, functionName: string): string {
  return `arn:${target.partition}:lambda:${target.region}:${target.accountId}:function:${functionName}`;
}

/**
 * The function name at the end of a function ARN (a name stays a name).
 *
 * @example
 * functionNameOf('arn:aws:lambda:us-east-1:123456789012:function:app-dev'); // 'app-dev'
 */
export function functionNameOf(arnOrName: string): string {
  return arnOrName.split(':function:')[1]?.split(':')[0] ?? arnOrName;
}

/**
 * The ARN of a rule on the default event bus.
 *
 * @example
 * ruleArn(target, 'app-dev-tick-event'); // 'arn:aws:events:us-east-1:123456789012:rule/app-dev-tick-event'
 */
export function ruleArn(target: AwsTarget, ruleName: string): string {
  return `arn:${target.partition}:events:${target.region}:${target.accountId}:rule/${ruleName}`;
}

/**
 * A topic's ARN: the config names a topic of the deploy's account and region, or gives an ARN.
 *
 * @example
 * topicArn(target, 'alerts'); // 'arn:aws:sns:us-east-1:123456789012:alerts'
 */
export function topicArn(target: AwsTarget, topic: string): string {
  return /^arn:aws[a-z-]*:sns:/.test(topic) ? topic : `arn:${target.partition}:sns:${target.region}:${target.accountId}:${topic}`;
}

/**
 * A bucket's ARN (bucket ARNs name no region or account).
 *
 * @example
 * bucketArn(target, 'uploads'); // 'arn:aws:s3:::uploads'
 */
export function bucketArn(target: AwsTarget, bucket: string): string {
  return `arn:${target.partition}:s3:::${bucket}`;
}

/**
 * An API's `path`: by default every stage, method and path (REST) or route (websocket), the
 * source ARN API Gateway invokes a function with; the connection paths of `CONNECTION_PATHS`
 * for `execute-api:ManageConnections`.
 *
 * @example
 * executeApiArn(target, 'abc123'); // 'arn:aws:execute-api:us-east-1:123456789012:abc123/*'
 */
export function executeApiArn(target: AwsTarget, apiId: string, path = '*'): string {
  return `arn:${target.partition}:execute-api:${target.region}:${target.accountId}:${apiId}/${path}`;
}

/**
 * A queue's ARN in the deploying account and region, by name.
 *
 * @example
 * queueArn(target, 'jobs'); // 'arn:aws:sqs:us-east-1:123456789012:jobs'
 */
export function queueArn(target: AwsTarget, queue: string): string {
  return `arn:${target.partition}:sqs:${target.region}:${target.accountId}:${queue}`;
}

/**
 * A REST API stage's URL, as the original records and prints it (with the final slash).
 *
 * @example
 * restApiUrl(target, 'abc123', 'api'); // 'https://abc123.execute-api.us-east-1.amazonaws.com/api/'
 */
export function restApiUrl(target: AwsTarget, restApiId: string, stage: string): string {
  return `https://${apiHost(target, restApiId)}/${stage}/`;
}

/**
 * A websocket API stage's URL, as the original records and prints it (with the final slash).
 *
 * @example
 * websocketApiUrl(target, 'ws1234', 'api'); // 'wss://ws1234.execute-api.us-east-1.amazonaws.com/api/'
 */
export function websocketApiUrl(target: AwsTarget, apiId: string, stage: string): string {
  return `wss://${apiHost(target, apiId)}/${stage}/`;
}

function apiHost(target: AwsTarget, apiId: string): string {
  const dnsSuffix = target.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `${apiId}.execute-api.${target.region}.${dnsSuffix}`;
}

/**
 * API Gateway's integration URI of a function.
 *
 * @example
 * lambdaIntegrationUri(target, functionArn(target, 'app-dev'));
 */
export function lambdaIntegrationUri(target: AwsTarget, lambdaArn: string): string {
  return `arn:${target.partition}:apigateway:${target.region}:lambda:path/2015-03-31/functions/${lambdaArn}/invocations`;
}

/**
 * The statement id of a function permission, derived from who may invoke it from where: the
 * planner can then tell from the ids alone whether a permission exists, and a delete knows
 * which statement to remove. (Lambda allows 100 characters of `[A-Za-z0-9_-]`.)
 *
 * @example
 * permissionId('sns.amazonaws.com', 'arn:aws:sns:us-east-1:123456789012:alerts'); // 'chalice-sns-<16 hex digits>'
 */
export function permissionId(principal: string, sourceArn: string): string {
  const service = principal.split('.')[0]!.replace(/[^A-Za-z0-9_-]/g, '');
  return `chalice-${service}-${createHash('sha256').update(sourceArn).digest('hex').slice(0, 16)}`;
}

/**
 * JSON text with object keys sorted at every level: equal data gives equal text, whatever
 * order AWS returned the keys in.
 *
 * @example
 * canonicalJson({ b: 1, a: [2] }); // '{"a":[2],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/**
 * Whether two JSON values hold the same data.
 *
 * @example
 * sameJson({ a: 1, b: 2 }, { b: 2, a: 1 }); // true
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
