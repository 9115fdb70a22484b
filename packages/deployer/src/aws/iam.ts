import type * as IamSdk from '@aws-sdk/client-iam';
import type { IamPolicyDocument } from '@chalice/packager';
import { call, callIfExists } from './call.ts';
import { lazyClient, loadSdk, type AwsContext } from './clients.ts';
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
  const iam = lazyClient(
    () => loadSdk<typeof IamSdk>('@aws-sdk/client-iam'),
    (sdk) => new sdk.IAMClient(context.clientConfig),
  );
  return {
    async getRole(roleName) {
      const { client, sdk } = iam();
      const out = await callIfExists('iam:GetRole', MISSING, () => client.send(new sdk.GetRoleCommand({ RoleName: roleName })));
      return out ? { roleArn: out.Role!.Arn! } : null;
    },
    async createRole(roleName, trustPolicy) {
      const { client, sdk } = iam();
      const out = await call('iam:CreateRole', () => client.send(new sdk.CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trustPolicy) })));
      return { roleArn: out.Role!.Arn! };
    },
    async getRolePolicy(roleName, policyName) {
      const { client, sdk } = iam();
      const out = await callIfExists('iam:GetRolePolicy', MISSING, () => client.send(new sdk.GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })));
      return out ? parsePolicyDocument(out.PolicyDocument!) : null;
    },
    async putRolePolicy(roleName, policyName, document) {
      const { client, sdk } = iam();
      await call('iam:PutRolePolicy', () => client.send(new sdk.PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: JSON.stringify(document) })));
    },
    async deleteRole(roleName) {
      const { client, sdk } = iam();
      const names = await callIfExists('iam:ListRolePolicies', MISSING, async () => {
        const all: string[] = [];
        for await (const page of sdk.paginateListRolePolicies({ client }, { RoleName: roleName })) all.push(...(page.PolicyNames ?? []));
        return all;
      });
      if (names === null) return;
      for (const name of names) {
        await callIfExists('iam:DeleteRolePolicy', MISSING, () => client.send(new sdk.DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: name })));
      }
      await callIfExists('iam:DeleteRole', MISSING, () => client.send(new sdk.DeleteRoleCommand({ RoleName: roleName })));
    },
  };
}

// IAM returns policy documents URL-encoded (RFC 3986) and the SDK leaves them so; emulators
// may return them plain.
function parsePolicyDocument(text: string): IamPolicyDocument {
  return JSON.parse(text.trimStart().startsWith('{') ? text : decodeURIComponent(text)) as IamPolicyDocument;
}
