export { AwsError, type AwsErrorCode } from './aws/aws-error.ts';
export { createAwsFacade, type AwsFacadeOptions } from './aws/create-facade.ts';
export type {
  AwsFacade,
  BucketNotification,
  EventSourceMapping,
  FunctionSpec,
  InvokeResult,
  LogEvent,
  LogQuery,
  Permission,
  RemoteFunction,
  RemoteRule,
  RuleSpec,
  WebsocketIntegration,
  WebsocketRoute,
} from './aws/facade.ts';
export { deploy, deploymentSummary, destroy, getUrl, plan, type DeployOptions, type DeployResult, type DestroyOptions } from './deploy.ts';
export type { DeployedTarget } from './deployed-function.ts';
export { DeployError } from './errors.ts';
export { executePlan, type ExecuteOptions } from './executor.ts';
export { formatPlan } from './format-plan.ts';
export { invokeFunction, type InvokeOptions, type InvokeOutcome } from './invoke.ts';
export { formatLogEvent, parseSince, showLogs, type LogsOptions } from './logs.ts';
export { isMutating, type Instruction, type InstructionKind, type Plan } from './plan-types.ts';
export { planDelete, planDeploy, type PlanDeployInput } from './planner.ts';
export { DeployedStateError, readState, statePath, writeState } from './state.ts';
export type { DeployedState, RecordedResource, RecordedResourceType } from './state-types.ts';
