import { hasAwsErrorCode } from './aws-error.ts';
import { call, callIfExists } from './call.ts';
import type { AwsFacade, EventSourceMapping } from './facade.ts';
import type { Lambda } from './lambda-changes.ts';
import { MAPPING_BUSY, ROLE_PROPAGATION, UPDATE_IN_PROGRESS, withRetries, type Sleep } from './retry.ts';

const MISSING = ['ResourceNotFoundException'];

/**
 * The facade's calls for what invokes a function: its resource policy (which services may
 * call it) and its event source mappings (SQS queues it reads).
 *
 * @example
 * const triggers = lambdaTriggerCalls(lazyClient(() => loadSdk<typeof LambdaSdk>('@aws-sdk/client-lambda'), (sdk) => new sdk.LambdaClient(config)), realSleep);
 * await triggers.addPermission('myapp-dev', { statementId: 's3-invoke', principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::bucket' });
 */
export function lambdaTriggerCalls(
  lambda: Lambda,
  sleep: Sleep,
): Pick<
  AwsFacade,
  'listPermissionIds' | 'addPermission' | 'removePermission' | 'listEventSourceMappings' | 'createEventSourceMapping' | 'updateEventSourceMapping' | 'deleteEventSourceMapping'
> {
  return {
    async listPermissionIds(functionName) {
      const { client, sdk } = lambda();
      // A function nobody may invoke yet has no policy at all: GetPolicy says not found.
      const out = await callIfExists('lambda:GetPolicy', MISSING, () => client.send(new sdk.GetPolicyCommand({ FunctionName: functionName })));
      if (!out?.Policy) return [];
      const policy = JSON.parse(out.Policy) as { Statement?: Array<{ Sid?: string }> };
      return (policy.Statement ?? []).flatMap((statement) => (statement.Sid ? [statement.Sid] : []));
    },
    async addPermission(functionName, permission) {
      const { client, sdk } = lambda();
      const input = {
        FunctionName: functionName,
        StatementId: permission.statementId,
        Action: 'lambda:InvokeFunction',
        Principal: permission.principal,
        SourceArn: permission.sourceArn,
        SourceAccount: permission.sourceAccount,
      };
      await call('lambda:AddPermission', async () => {
        try {
          await withRetries(() => client.send(new sdk.AddPermissionCommand(input)), UPDATE_IN_PROGRESS, sleep);
        } catch (error) {
          if (!alreadyExists(error)) throw error;
        }
      });
    },
    async removePermission(functionName, statementId) {
      const { client, sdk } = lambda();
      await callIfExists('lambda:RemovePermission', MISSING, () =>
        withRetries(() => client.send(new sdk.RemovePermissionCommand({ FunctionName: functionName, StatementId: statementId })), UPDATE_IN_PROGRESS, sleep),
      );
    },
    async listEventSourceMappings(functionName) {
      const { client, sdk } = lambda();
      const found = await callIfExists('lambda:ListEventSourceMappings', MISSING, async () => {
        const all: EventSourceMapping[] = [];
        for await (const page of sdk.paginateListEventSourceMappings({ client }, { FunctionName: functionName })) {
          for (const m of page.EventSourceMappings ?? []) all.push({ uuid: m.UUID!, eventSourceArn: m.EventSourceArn!, batchSize: m.BatchSize! });
        }
        return all;
      });
      return found ?? [];
    },
    async createEventSourceMapping(functionName, eventSourceArn, batchSize) {
      const { client, sdk } = lambda();
      const input = { FunctionName: functionName, EventSourceArn: eventSourceArn, BatchSize: batchSize };
      // The role's new policy may not let Lambda read the queue yet ("does not have permissions").
      const out = await call('lambda:CreateEventSourceMapping', () => withRetries(() => client.send(new sdk.CreateEventSourceMappingCommand(input)), ROLE_PROPAGATION, sleep));
      return { uuid: out.UUID! };
    },
    async updateEventSourceMapping(uuid, batchSize) {
      const { client, sdk } = lambda();
      await call('lambda:UpdateEventSourceMapping', () =>
        withRetries(() => client.send(new sdk.UpdateEventSourceMappingCommand({ UUID: uuid, BatchSize: batchSize })), MAPPING_BUSY, sleep),
      );
    },
    async deleteEventSourceMapping(uuid) {
      const { client, sdk } = lambda();
      await callIfExists('lambda:DeleteEventSourceMapping', MISSING, () =>
        withRetries(() => client.send(new sdk.DeleteEventSourceMappingCommand({ UUID: uuid })), MAPPING_BUSY, sleep),
      );
    },
  };
}

// AddPermission with a statement id the policy already has: the statement stays as it is.
function alreadyExists(error: unknown): boolean {
  return hasAwsErrorCode(error, ['ResourceConflictException']) && /already exists/i.test((error as Error).message);
}
