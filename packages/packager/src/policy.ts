import type { IamPolicyDocument } from './graph-types.ts';

/** Lets Lambda assume a function's role. */
export const LAMBDA_TRUST_POLICY: IamPolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/**
 * The resource policy of a PRIVATE REST API reachable only from the given VPC endpoints.
 *
 * @example
 * privateApiPolicy(['vpce-123']).Statement[0].Condition; // { StringEquals: { 'aws:SourceVpce': ['vpce-123'] } }
 */
export function privateApiPolicy(vpceIds: string[]): IamPolicyDocument {
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
