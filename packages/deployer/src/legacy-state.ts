import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedResource } from './state-types.ts';

/** One stage of a pre-1.2 `.chalice/deployed.json`, as Chalice before 1.2.0 wrote it. */
interface LegacyStage {
  region?: string;
  api_handler_name?: string;
  api_handler_arn?: string;
  rest_api_id?: string;
  api_gateway_stage?: string;
  /** Function name to `{ type, arn }`; in 0.10.0, function name to ARN. */
  lambda_functions?: Record<string, { arn: string } | string>;
}

/**
 * The resources a pre-1.2 `.chalice/deployed.json` lists for `stage`, converted as the original
 * converts them (functions named by what follows `<app>-<stage>-`, the API handler, the REST
 * API), or `null` when the file does not exist or lacks the stage.
 *
 * @example
 * legacyResources('/work/app', 'dev'); // [{ name: 'api_handler', resource_type: 'lambda_function', lambda_arn: ... }, ...]
 */
export function legacyResources(projectDir: string, stage: string): RecordedResource[] | null {
  let data: Record<string, LegacyStage>;
  try {
    data = JSON.parse(readFileSync(join(projectDir, '.chalice', 'deployed.json'), 'utf8'));
  } catch {
    return null;
  }
  const deployed = Object.hasOwn(data, stage) ? data[stage] : undefined;
  if (!deployed || typeof deployed !== 'object') return null;
  // The API handler is named `<app>-<stage>`: the prefix of every other function.
  const prefix = `${deployed.api_handler_name ?? ''}-`;
  const functions = Object.entries(deployed.lambda_functions ?? {}).map(
    ([name, value]): RecordedResource => ({
      name: name.startsWith(prefix) ? name.slice(prefix.length) : name,
      resource_type: 'lambda_function',
      lambda_arn: typeof value === 'string' ? value : value.arn,
    }),
  );
  const api: RecordedResource[] = [];
  if (deployed.api_handler_arn) api.push({ name: 'api_handler', resource_type: 'lambda_function', lambda_arn: deployed.api_handler_arn });
  if (deployed.rest_api_id) {
    const url = `https://${deployed.rest_api_id}.execute-api.${deployed.region}.amazonaws.com/${deployed.api_gateway_stage ?? 'api'}/`;
    api.push({ name: 'rest_api', resource_type: 'rest_api', rest_api_id: deployed.rest_api_id, rest_api_url: url });
  }
  return [...functions, ...api];
}
