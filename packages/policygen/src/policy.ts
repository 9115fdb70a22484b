import type { PolicyDocument, PolicyStatement } from './types.ts';

const LOGS: PolicyStatement = {
  Sid: 'ChaliceLogs',
  Effect: 'Allow',
  Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  Resource: 'arn:*:logs:*:*:*',
};

const VPC_NETWORK_INTERFACES: PolicyStatement = {
  Sid: 'ChaliceVpcNetworkInterfaces',
  Effect: 'Allow',
  Action: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'],
  Resource: '*',
};

function sid(prefix: string): string {
  return prefix
    .split(/[^a-zA-Z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * One statement per IAM service prefix, actions sorted, Sids made from the prefix
 * (`s3` -> `S3`, `execute-api` -> `ExecuteApi`), `Resource: "*"`.
 *
 * @example
 * serviceStatements(['s3:PutObject', 'dynamodb:GetItem', 's3:GetObject']).map((s) => s.Sid); // ['Dynamodb', 'S3']
 */
export function serviceStatements(actions: Iterable<string>): PolicyStatement[] {
  const byPrefix = new Map<string, Set<string>>();
  for (const action of actions) {
    const prefix = action.slice(0, action.indexOf(':'));
    if (!byPrefix.has(prefix)) byPrefix.set(prefix, new Set());
    byPrefix.get(prefix)!.add(action);
  }
  return [...byPrefix.keys()].sort().map((prefix) => ({ Sid: sid(prefix), Effect: 'Allow', Action: [...byPrefix.get(prefix)!].sort(), Resource: '*' }));
}

/**
 * The policy document of a Chalice function's role: the app's service statements, then CloudWatch
 * Logs (every function writes its logs), then EC2 network interfaces when the function runs in a
 * VPC. Cheap: analyse once with `analyzeApp`, then build the document for either `vpc`.
 *
 * @example
 * const { statements } = analyzeApp({ projectDir: '.' });
 * policyDocument(statements, { vpc: true }).Statement.at(-1)?.Sid; // 'ChaliceVpcNetworkInterfaces'
 */
export function policyDocument(statements: PolicyStatement[], { vpc = false }: { vpc?: boolean } = {}): PolicyDocument {
  const base = vpc ? [LOGS, VPC_NETWORK_INTERFACES] : [LOGS];
  return { Version: '2012-10-17', Statement: [...statements, ...base].map((statement) => ({ ...statement, Action: [...statement.Action] })) };
}

/** A policy document as stored or read: statements whose `Action` is a string or a list. */
export type PolicyLike = { Statement: Array<Record<string, unknown>> | Record<string, unknown> };

function actionsOf(policy: PolicyLike): Set<string> {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return new Set(statements.flatMap((statement) => (statement.Action === undefined ? [] : ([] as unknown[]).concat(statement.Action).map(String))));
}

/**
 * The actions a new policy adds and removes, sorted, for the deploy confirmation
 * ("The following action will be added to the execution policy: s3:ListBucket").
 *
 * @example
 * diffPolicies(oldPolicy, newPolicy); // { added: ['s3:ListBucket'], removed: [] }
 */
export function diffPolicies(oldPolicy: PolicyLike, newPolicy: PolicyLike): { added: string[]; removed: string[] } {
  const before = actionsOf(oldPolicy);
  const after = actionsOf(newPolicy);
  return { added: [...after].filter((a) => !before.has(a)).sort(), removed: [...before].filter((a) => !after.has(a)).sort() };
}
