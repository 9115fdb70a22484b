import { getResource, type AppGraph, type LambdaFunctionResource } from '@chalice/packager';
import type { AwsFacade, Permission } from './aws/facade.ts';
import { functionArn, permissionId, sameJson, type AwsTarget } from './aws-names.ts';
import { deleteSteps } from './plan-delete.ts';
import type { Instruction, RoleArnRef } from './plan-types.ts';
import { getRecorded, type RecordedOfType } from './state.ts';
import type { DeployedState, RecordedResource, RecordedResourceType } from './state-types.ts';

/**
 * What planning one resource needs to know, and what the resources planned before it found
 * out: roles whose ARN is only known once created, functions the plan creates (their
 * permissions and mappings are all missing), each function's permission ids (asked once), and
 * the websocket API's id, which role policies name.
 *
 * @example
 * const ctx = new PlanContext(graph, state, aws, { partition: 'aws', region: 'us-east-1', accountId }, codeSha256);
 * const steps = await ctx.permission('on_alert', PRINCIPAL.sns, topicArn);
 */
export class PlanContext {
  /** Each role's ARN for the plan (`ref`), and as AWS will report it (`arn`: IAM's ARNs follow from the name). */
  readonly roles = new Map<string, { ref: RoleArnRef; arn: string }>();
  readonly newFunctions = new Set<string>();
  /** The app's websocket API, with its id when it exists before this deploy (role policies name it). */
  websocketApi: { resourceName: string; apiId: string | null } | null = null;
  /**
   * Role policy updates that name a websocket API this plan creates, by role: they run once it
   * exists. Keyed, as roles are planned side by side, so that they keep the graph's order.
   */
  readonly afterWebsocketApi = new Map<string, Instruction>();
  private readonly permissions = new Map<string, Promise<Set<string>>>();

  constructor(
    readonly graph: AppGraph,
    readonly state: DeployedState,
    readonly aws: AwsFacade,
    readonly target: AwsTarget,
    readonly codeSha256: string,
  ) {}

  /** The graph's function of that resource name. */
  fn(resourceName: string): LambdaFunctionResource {
    return getResource(this.graph, resourceName, 'lambdaFunction');
  }

  /** The ARN the function has, or will have once created (Lambda's ARNs follow from the name). */
  functionArn(resourceName: string): string {
    return functionArn(this.target, this.fn(resourceName).functionName);
  }

  /**
   * The recorded entry for a graph resource, if it still describes it. An entry of another
   * type or for another AWS resource (a renamed app, a handler moved to another bucket, topic
   * or queue) is deleted first, then the resource is planned as new.
   */
  current<T extends RecordedResourceType>(name: string, type: T, same: (recorded: RecordedOfType<T>) => boolean): { recorded: RecordedOfType<T> | null; replaced: Instruction[] } {
    const recorded = getRecorded(this.state, name);
    if (!recorded) return { recorded: null, replaced: [] };
    const typed = getRecorded(this.state, name, type);
    if (typed && same(typed)) return { recorded: typed, replaced: [] };
    return { recorded: null, replaced: deleteSteps(recorded) };
  }

  /** A `record` step when the state does not hold exactly this entry (found in AWS, not recorded). */
  recordIfChanged(resource: RecordedResource): Instruction[] {
    const recorded = getRecorded(this.state, resource.name);
    return recorded && sameJson(recorded, resource) ? [] : [{ kind: 'record', message: null, resource }];
  }

  /** An `addPermission` step unless the function already has the statement. */
  async permission(fnName: string, principal: string, sourceArn: string, sourceAccount?: string): Promise<Instruction[]> {
    const permission: Permission = { statementId: permissionId(principal, sourceArn), principal, sourceArn, ...(sourceAccount ? { sourceAccount } : {}) };
    if (await this.hasPermission(fnName, permission.statementId)) return [];
    return [{ kind: 'addPermission', message: null, functionName: this.fn(fnName).functionName, permission }];
  }

  /** Whether the function exists and its resource policy has the statement. */
  async hasPermission(fnName: string, statementId: string): Promise<boolean> {
    return !this.newFunctions.has(fnName) && (await this.permissionIds(this.fn(fnName).functionName)).has(statementId);
  }

  /** The statement ids of an existing function's resource policy. */
  permissionIds(functionName: string): Promise<Set<string>> {
    let ids = this.permissions.get(functionName);
    if (!ids) {
      ids = this.aws.listPermissionIds(functionName).then((list) => new Set(list));
      this.permissions.set(functionName, ids);
    }
    return ids;
  }
}
