import { API_HANDLER, functionConfig, loadConfig, stageSettings, type ProjectConfig } from '@chalice/config';
import type { Chalice } from '@chalice/router';
import type { GatewayOptions } from './gateway.ts';
import type { LocalFunction } from './lambda-context.ts';

/** A stage of a project as the local tools run it: gateway settings and environment variables. */
export interface LocalStage {
  gateway: GatewayOptions;
  /** The API handler's environment variables (top level, stage and `api_handler` merged). */
  environment: Record<string, string>;
  /** A function's own environment variables (top level, stage and its `lambda_functions` entry merged). */
  functionEnvironment(name: string): Record<string, string>;
}

/**
 * What `chalice local` and the test client take from `.chalice/config.json` for a stage: the API
 * Gateway stage name, each function's deployed name, memory and timeout, and the API handler's
 * environment variables. Without a project directory, the defaults.
 */
export function localStage(app: Chalice, stage: string, config: ProjectConfig | null): LocalStage {
  // Asked on every request: worked out once per function.
  const functions = new Map<string, LocalFunction>();
  const fn = (name: string): LocalFunction => {
    let found = functions.get(name);
    if (!found) {
      const settings = config ? functionConfig(config, stage, name) : null;
      found = {
        functionName: name === API_HANDLER ? `${app.appName}-${stage}` : `${app.appName}-${stage}-${name}`,
        memorySize: settings?.lambdaMemorySize ?? 128,
        timeoutSeconds: settings?.lambdaTimeout ?? 60,
      };
      functions.set(name, found);
    }
    return found;
  };
  return {
    gateway: { apiGatewayStage: config ? stageSettings(config, stage).apiGatewayStage : 'api', lambdaFunction: fn },
    environment: functionEnvironment(config, stage, API_HANDLER),
    functionEnvironment: (name) => functionEnvironment(config, stage, name),
  };
}

/**
 * A function's environment variables for a stage, as deployed: top level, stage and the
 * function's `lambda_functions` entries merged (none without a config). The API handler's
 * (`api_handler`) are the ones a local run sets before the app module loads.
 *
 * @example
 * applyEnvironment(functionEnvironment(config, 'dev', API_HANDLER));
 */
export function functionEnvironment(config: ProjectConfig | null, stage: string, name: string): Record<string, string> {
  return config ? functionConfig(config, stage, name).environmentVariables : {};
}

/** Loads the project's config when it has one (`null` when the directory has no `.chalice/`). */
export function projectConfig(projectDir: string | undefined): ProjectConfig | null {
  return projectDir ? loadConfig(projectDir) : null;
}

/** Sets environment variables, returning a function that puts back what was there. */
export function applyEnvironment(variables: Record<string, string>): () => void {
  const saved = Object.keys(variables).map((key) => [key, process.env[key]] as const);
  Object.assign(process.env, variables);
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
