import { ConfigError } from './errors.ts';
import type { ChaliceConfig, PerFunctionSettings, ProjectConfig, Settings } from './types.ts';

/** The stage name Chalice uses when none is given. */
export const DEFAULT_STAGE = 'dev';
/** The Lambda function that serves every route. */
export const API_HANDLER = 'api_handler';

/** A stage's REST API settings, after precedence and defaults. */
export interface StageSettings {
  stage: string;
  appName: string;
  apiGatewayStage: string;
  apiGatewayEndpointType: 'EDGE' | 'REGIONAL' | 'PRIVATE';
  apiGatewayEndpointVpce: string[];
  apiGatewayPolicyFile: string | null;
  minimumCompressionSize: number | null;
}

/** One Lambda function's settings in one stage, after precedence, merging and defaults. */
export interface FunctionConfig {
  stage: string;
  functionName: string;
  autogenPolicy: boolean;
  environmentVariables: Record<string, string>;
  /** Relative to `.chalice/`; default `policy-<stage>.json`. */
  iamPolicyFile: string;
  iamRoleArn: string | null;
  lambdaMemorySize: number;
  lambdaTimeout: number;
  /** `null`: infer from the local Node.js version. */
  lambdaRuntime: string | null;
  layers: string[];
  manageIamRole: boolean;
  reservedConcurrency: number | null;
  securityGroupIds: string[];
  subnetIds: string[];
  tags: Record<string, string>;
}

// Most specific first, as the seed orders them: the function in the stage, the stage, the
// function at the top level, the top level.
function chain(data: ChaliceConfig, stage: string, functionName?: string): Settings[] {
  const stageConfig = data.stages?.[stage] ?? {};
  if (functionName === undefined) return [stageConfig, data];
  return [stageConfig.lambda_functions?.[functionName] ?? {}, stageConfig, data.lambda_functions?.[functionName] ?? {}, data];
}

function lookup<K extends keyof Settings>(levels: Settings[], key: K): Settings[K] | undefined {
  for (const level of levels) if (level[key] !== undefined && level[key] !== null) return level[key];
  return undefined;
}

// Environment variables and tags add up across levels; the more specific wins a clash.
function merge(levels: Settings[], key: 'environment_variables' | 'tags'): Record<string, string> {
  return Object.assign({}, ...[...levels].reverse().map((level) => level[key] ?? {}));
}

/**
 * A stage's REST API settings: the stage's value, else the top level's, else the default.
 *
 * @example
 * stageSettings(config, 'prod').apiGatewayStage; // 'api' unless configured
 */
export function stageSettings(config: ProjectConfig, stage = DEFAULT_STAGE): StageSettings {
  const levels = chain(config.data, stage);
  const vpce = lookup(levels, 'api_gateway_endpoint_vpce');
  return {
    stage,
    appName: config.data.app_name,
    apiGatewayStage: lookup(levels, 'api_gateway_stage') ?? 'api',
    apiGatewayEndpointType: lookup(levels, 'api_gateway_endpoint_type') ?? 'EDGE',
    apiGatewayEndpointVpce: vpce === undefined ? [] : typeof vpce === 'string' ? [vpce] : vpce,
    apiGatewayPolicyFile: lookup(levels, 'api_gateway_policy_file') ?? null,
    minimumCompressionSize: lookup(levels, 'minimum_compression_size') ?? null,
  };
}

/**
 * One function's settings in a stage with the seed's precedence (function in stage > stage >
 * function at top level > top level > default); `environment_variables` and `tags` are merged
 * across all four. `manage_iam_role: false` without an `iam_role_arn` is a {@link ConfigError}.
 *
 * @example
 * functionConfig(config, 'dev', 'api_handler').lambdaTimeout; // 60 unless configured
 */
export function functionConfig(config: ProjectConfig, stage: string, functionName: string): FunctionConfig {
  const levels = chain(config.data, stage, functionName);
  const get = <K extends keyof PerFunctionSettings>(key: K) => lookup(levels, key);
  const manageIamRole = get('manage_iam_role') ?? true;
  const iamRoleArn = get('iam_role_arn') ?? null;
  if (!manageIamRole && !iamRoleArn) {
    throw new ConfigError(config.file, 'iam_role_arn', `is required for function "${functionName}" in stage "${stage}" because manage_iam_role is false`);
  }
  return {
    stage,
    functionName,
    autogenPolicy: get('autogen_policy') ?? true,
    environmentVariables: merge(levels, 'environment_variables'),
    iamPolicyFile: get('iam_policy_file') ?? `policy-${stage}.json`,
    iamRoleArn,
    lambdaMemorySize: get('lambda_memory_size') ?? 128,
    lambdaTimeout: get('lambda_timeout') ?? 60,
    lambdaRuntime: get('lambda_runtime') ?? null,
    layers: get('layers') ?? [],
    manageIamRole,
    reservedConcurrency: get('reserved_concurrency') ?? null,
    securityGroupIds: get('security_group_ids') ?? [],
    subnetIds: get('subnet_ids') ?? [],
    tags: merge(levels, 'tags'),
  };
}
