/** The settings a stage, the top level or (most of them) a function may set, with Chalice's keys. */
export interface Settings {
  api_gateway_stage?: string;
  api_gateway_endpoint_type?: 'EDGE' | 'REGIONAL' | 'PRIVATE';
  api_gateway_endpoint_vpce?: string | string[];
  api_gateway_policy_file?: string;
  minimum_compression_size?: number;
  autogen_policy?: boolean;
  environment_variables?: Record<string, string>;
  iam_policy_file?: string;
  iam_role_arn?: string;
  lambda_memory_size?: number;
  lambda_timeout?: number;
  /** Ours: the Lambda Node.js runtime, e.g. `nodejs22.x` (default: inferred from local Node). */
  lambda_runtime?: string;
  layers?: string[];
  manage_iam_role?: boolean;
  reserved_concurrency?: number;
  security_group_ids?: string[];
  subnet_ids?: string[];
  tags?: Record<string, string>;
}

/** What one function's entry in `lambda_functions` may set. */
export type PerFunctionSettings = Omit<
  Settings,
  'api_gateway_stage' | 'api_gateway_endpoint_type' | 'api_gateway_endpoint_vpce' | 'api_gateway_policy_file' | 'minimum_compression_size'
>;

/** One stage's configuration. */
export interface StageConfig extends Settings {
  lambda_functions?: Record<string, PerFunctionSettings>;
}

/** The contents of `.chalice/config.json`, as the seed defines them. */
export interface ChaliceConfig extends StageConfig {
  version?: string;
  app_name: string;
  stages?: Record<string, StageConfig>;
}

/** A validated configuration with the file it came from and the warnings it raised. */
export interface ProjectConfig {
  /** The file, for messages (relative to the working directory when inside it). */
  file: string;
  data: ChaliceConfig;
  /** Unknown keys and the like: worth telling, not worth stopping for. */
  warnings: string[];
}
