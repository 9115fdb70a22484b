import type * as LogsSdk from '@aws-sdk/client-cloudwatch-logs';
import { callIfExists } from './call.ts';
import { lazyClient, loadSdk, type AwsContext } from './clients.ts';
import type { AwsFacade } from './facade.ts';

/**
 * The facade's CloudWatch Logs call, for `chalice logs`.
 *
 * @example
 * const page = await logsCalls(context).filterLogEvents({ logGroupName: '/aws/lambda/myapp-dev', startTime: Date.now() - 600_000 });
 */
export function logsCalls(context: AwsContext): Pick<AwsFacade, 'filterLogEvents'> {
  const logs = lazyClient(
    () => loadSdk<typeof LogsSdk>('@aws-sdk/client-cloudwatch-logs'),
    (sdk) => new sdk.CloudWatchLogsClient(context.clientConfig),
  );
  return {
    async filterLogEvents(query) {
      const { client, sdk } = logs();
      const input = { logGroupName: query.logGroupName, startTime: query.startTime, nextToken: query.nextToken ?? undefined };
      // Lambda creates the log group on the first invocation: until then there is nothing to show.
      const out = await callIfExists('logs:FilterLogEvents', ['ResourceNotFoundException'], () => client.send(new sdk.FilterLogEventsCommand(input)));
      return {
        events: (out?.events ?? []).map((e) => ({ eventId: e.eventId!, timestamp: e.timestamp!, message: e.message!, logStreamName: e.logStreamName! })),
        nextToken: out?.nextToken ?? null,
      };
    },
  };
}
