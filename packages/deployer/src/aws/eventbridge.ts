import type * as EventBridgeSdk from '@aws-sdk/client-eventbridge';
import { AwsError } from './aws-error.ts';
import { call, callIfExists } from './call.ts';
import { lazyClient, loadSdk, type AwsContext } from './clients.ts';
import type { AwsFacade } from './facade.ts';

const MISSING = ['ResourceNotFoundException'];

/**
 * The facade's EventBridge calls: schedules and event-pattern rules on the default bus, each
 * with its Lambda target.
 *
 * @example
 * const events = eventBridgeCalls(context);
 * await events.putRule({ ruleName: 'myapp-dev-every_hour', scheduleExpression: 'rate(1 hour)', description: '' });
 */
export function eventBridgeCalls(context: AwsContext): Pick<AwsFacade, 'getRule' | 'putRule' | 'listTargets' | 'putTarget' | 'deleteRule'> {
  const events = lazyClient(
    () => loadSdk<typeof EventBridgeSdk>('@aws-sdk/client-eventbridge'),
    (sdk) => new sdk.EventBridgeClient(context.clientConfig),
  );
  const listTargets: AwsFacade['listTargets'] = async (ruleName) => {
    const { client, sdk } = events();
    const targets: Array<{ id: string; arn: string }> = [];
    let token: string | undefined;
    do {
      const out = await callIfExists('events:ListTargetsByRule', MISSING, () => client.send(new sdk.ListTargetsByRuleCommand({ Rule: ruleName, NextToken: token })));
      for (const t of out?.Targets ?? []) targets.push({ id: t.Id!, arn: t.Arn! });
      token = out?.NextToken;
    } while (token);
    return targets;
  };
  return {
    listTargets,
    async getRule(ruleName) {
      const { client, sdk } = events();
      const out = await callIfExists('events:DescribeRule', MISSING, () => client.send(new sdk.DescribeRuleCommand({ Name: ruleName })));
      if (!out) return null;
      return {
        ruleName: out.Name!,
        ruleArn: out.Arn!,
        description: out.Description ?? '',
        ...(out.ScheduleExpression ? { scheduleExpression: out.ScheduleExpression } : {}),
        ...(out.EventPattern ? { eventPattern: out.EventPattern } : {}),
      };
    },
    async putRule(rule) {
      const { client, sdk } = events();
      const input = {
        Name: rule.ruleName,
        ScheduleExpression: rule.scheduleExpression,
        EventPattern: rule.eventPattern,
        Description: rule.description,
        State: 'ENABLED' as const,
      };
      const out = await call('events:PutRule', () => client.send(new sdk.PutRuleCommand(input)));
      return { ruleArn: out.RuleArn! };
    },
    async putTarget(ruleName, target) {
      const { client, sdk } = events();
      const operation = 'events:PutTargets';
      const out = await call(operation, () => client.send(new sdk.PutTargetsCommand({ Rule: ruleName, Targets: [{ Id: target.id, Arn: target.arn }] })));
      // PutTargets reports a rejected target in its answer, not as an error.
      const failed = out.FailedEntries?.[0];
      if (failed) throw new AwsError('AWS_CALL_FAILED', operation, `${operation} failed for rule ${ruleName}: ${failed.ErrorCode}: ${failed.ErrorMessage}`);
    },
    async deleteRule(ruleName) {
      const { client, sdk } = events();
      const ids = (await listTargets(ruleName)).map((t) => t.id);
      if (ids.length > 0) await callIfExists('events:RemoveTargets', MISSING, () => client.send(new sdk.RemoveTargetsCommand({ Rule: ruleName, Ids: ids })));
      await callIfExists('events:DeleteRule', MISSING, () => client.send(new sdk.DeleteRuleCommand({ Name: ruleName })));
    },
  };
}
