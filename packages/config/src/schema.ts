import { isAbsolute } from 'node:path';

/** Where a key may appear: the top level, a stage, or a function's entry in `lambda_functions`. */
export type KeyLevel = 'top' | 'stage' | 'function';

/** A key's check: `null` when the value is fine, else what it must be. */
type Check = (value: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const string: Check = (v) => (typeof v === 'string' && v !== '' ? null : 'must be a non-empty string');
const boolean: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const stringList: Check = (v) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? null : 'must be a list of strings');
const stringMap: Check = (v) => (isObject(v) && Object.values(v).every((s) => typeof s === 'string') ? null : 'must be an object whose values are all strings');
const integer =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? null : `must be an integer from ${min} to ${max}`;
const oneOf =
  (...choices: string[]): Check =>
  (v) =>
    choices.includes(v as string) ? null : `must be one of ${choices.join(', ')}`;

/** API Gateway's rule for stage names. */
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * What is wrong with an API Gateway stage name (`api_gateway_stage`, `--api-gateway-stage`), or
 * `null` when API Gateway accepts it.
 *
 * @example
 * apiGatewayStageProblem('v1'); // null
 */
export function apiGatewayStageProblem(name: unknown): string | null {
  return typeof name === 'string' && STAGE_NAME.test(name) ? null : 'must be 1 to 128 letters, digits, "-" or "_" (API Gateway\'s rule for stage names)';
}

// Policy files live in .chalice/ and are committed with the project: a path of one machine
// would not be found on another (or in CI).
const relativeFile: Check = (v) => string(v) ?? (isAbsolute(v as string) ? 'must be a file name relative to .chalice/' : null);

const ALL: KeyLevel[] = ['top', 'stage', 'function'];
const STAGE: KeyLevel[] = ['top', 'stage'];

/** Every setting of `.chalice/config.json` with the levels it may appear at and its check. */
export const SETTINGS: Record<string, { levels: KeyLevel[]; check: Check }> = {
  api_gateway_stage: { levels: STAGE, check: apiGatewayStageProblem },
  api_gateway_endpoint_type: { levels: STAGE, check: oneOf('EDGE', 'REGIONAL', 'PRIVATE') },
  api_gateway_endpoint_vpce: { levels: STAGE, check: (v) => (typeof v === 'string' ? null : stringList(v)) },
  api_gateway_policy_file: { levels: STAGE, check: relativeFile },
  minimum_compression_size: { levels: STAGE, check: integer(0, 10485760) },
  autogen_policy: { levels: ALL, check: boolean },
  environment_variables: { levels: ALL, check: stringMap },
  iam_policy_file: { levels: ALL, check: relativeFile },
  iam_role_arn: { levels: ALL, check: string },
  lambda_memory_size: { levels: ALL, check: integer(128, 10240) },
  lambda_timeout: { levels: ALL, check: integer(1, 900) },
  lambda_runtime: { levels: ALL, check: (v) => (typeof v === 'string' && /^nodejs\d+\.x$/.test(v) ? null : 'must be a Lambda Node.js runtime such as "nodejs22.x"') },
  layers: { levels: ALL, check: stringList },
  manage_iam_role: { levels: ALL, check: boolean },
  // Written by `chalice new-project --profile`, as the original does.
  profile: { levels: STAGE, check: string },
  reserved_concurrency: { levels: ALL, check: integer(0, 1000000) },
  security_group_ids: { levels: ALL, check: stringList },
  subnet_ids: { levels: ALL, check: stringList },
  tags: { levels: ALL, check: stringMap },
};

/** The keys only the top level has, besides the settings. */
export const TOP_ONLY = ['version', 'app_name', 'stages', 'lambda_functions'] as const;
