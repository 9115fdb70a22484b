import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  paginateListRolePolicies,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import type { PolicyDocument } from '@chalice/packager';
import { call, callIfExists } from './call.ts';
import { lazy, type AwsContext } from './clients.ts';
import type { AwsFacade } from './facade.ts';

const MISSING = ['NoSuchEntity'];

/**
 * The facade's IAM calls. Chalice's role policies are inline (`PutRolePolicy`), so a role is
 * deleted by removing its inline policies first.
 *
 * @example
 * const { getRole } = iamCalls(context);
 * const role = await getRole('myapp-dev');
 */
export function iamCalls(context: AwsContext): Pick<AwsFacade, 'getRole' | 'createRole' | 'getRolePolicy' | 'putRolePolicy' | 'deleteRole'> {
  const iam = lazy(() => new IAMClient(context.clientConfig));
  return {
    async getRole(roleName) {
      const out = await callIfExists('iam:GetRole', MISSING, () => iam().send(new GetRoleCommand({ RoleName: roleName })));
      return out ? { roleArn: out.Role!.Arn! } : null;
    },
    async createRole(roleName, trustPolicy) {
      const out = await call('iam:CreateRole', () =>
        iam().send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trustPolicy) })),
      );
      return { roleArn: out.Role!.Arn! };
    },
    async getRolePolicy(roleName, policyName) {
      const out = await callIfExists('iam:GetRolePolicy', MISSING, () =>
        iam().send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })),
      );
      return out ? parsePolicyDocument(out.PolicyDocument!) : null;
    },
    async putRolePolicy(roleName, policyName, document) {
      await call('iam:PutRolePolicy', () =>
        iam().send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: JSON.stringify(document) })),
      );
    },
    async deleteRole(roleName) {
      const names = await callIfExists('iam:ListRolePolicies', MISSING, async () => {
        const all: string[] = [];
        for await (const page of paginateListRolePolicies({ client: iam() }, { RoleName: roleName })) all.push(...(page.PolicyNames ?? []));
        return all;
      });
      if (names === null) return;
      for (const name of names) {
        await callIfExists('iam:DeleteRolePolicy', MISSING, () => iam().send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: name })));
      }
      await callIfExists('iam:DeleteRole', MISSING, () => iam().send(new DeleteRoleCommand({ RoleName: roleName })));
    },
  };
}

// IAM returns policy documents URL-encoded (RFC 3986) and the SDK leaves them so; emulators
// may return them plain.
function parsePolicyDocument(text: string): PolicyDocument {
  return JSON.parse(text.trimStart().startsWith('{') ? text : decodeURIComponent(text)) as PolicyDocument;
}
