import type { PolicyDocument } from './graph-types.ts';

/** Lets Lambda assume a function's role. */
export const LAMBDA_TRUST_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/**
 * What every Chalice function needs: writing its CloudWatch Logs, and managing its network
 * interfaces when it runs in a VPC. The policy generator adds the app's own AWS calls to this.
 *
 * @example
 * basePolicy({ vpcNeeded: false }).Statement.length; // 1
 */
export function basePolicy({ vpcNeeded }: { vpcNeeded: boolean }): PolicyDocument {
  const statements: Array<Record<string, unknown>> = [
    {
      Sid: 'ChaliceLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: 'arn:*:logs:*:*:*',
    },
  ];
  if (vpcNeeded) {
    statements.push({
      Sid: 'ChaliceVpcNetworkInterfaces',
      Effect: 'Allow',
      Action: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'],
      Resource: '*',
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * The resource policy of a PRIVATE REST API reachable only from the given VPC endpoints.
 *
 * @example
 * privateApiPolicy(['vpce-123']).Statement[0].Condition; // { StringEquals: { 'aws:SourceVpce': ['vpce-123'] } }
 */
export function privateApiPolicy(vpceIds: string[]): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'execute-api:Invoke',
        Resource: 'arn:*:execute-api:*:*:*',
        Condition: { StringEquals: { 'aws:SourceVpce': vpceIds.length === 1 ? vpceIds[0] : vpceIds } },
      },
    ],
  };
}
