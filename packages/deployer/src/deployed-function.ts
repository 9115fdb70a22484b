import type { AwsFacade } from './aws/facade.ts';
import { DeployError } from './errors.ts';
import { readState, statePath } from './state.ts';

/** Where `logs` and `invoke` find AWS and the deployed stage. */
export interface DeployedTarget {
  projectDir: string;
  stage?: string;
  profile?: string;
  region?: string;
  /** The AWS facade to use (tests inject a fake); default: the SDK's, from `profile`/`region`. */
  aws?: AwsFacade;
}

/**
 * The deployed ARN of a function of the stage, by its Chalice name (`api_handler`, or the
 * handler's name); a clear error names the stage's state file and the functions it has.
 *
 * @example
 * const arn = deployedFunctionArn(process.cwd(), 'dev', 'every_hour');
 */
export function deployedFunctionArn(projectDir: string, stage: string, name: string): string {
  const state = readState(projectDir, stage);
  const functions = state.resources.filter((r) => r.resource_type === 'lambda_function');
  const found = functions.find((r) => r.name === name);
  if (found?.resource_type === 'lambda_function') return found.lambda_arn;
  if (functions.length === 0) {
    throw new DeployError('NOT_DEPLOYED', `Stage "${stage}" is not deployed (${statePath(projectDir, stage)} records no function): run chalice deploy --stage ${stage}`);
  }
  throw new DeployError('NOT_DEPLOYED', `No function "${name}" is deployed in stage "${stage}"; deployed: ${functions.map((f) => f.name).join(', ')}`);
}

// The SDK's facade is loaded only when none is injected, so tests with a fake never load the SDK.
/** The facade to use: the injected one, else the SDK's for `region` and `profile`. */
export async function facadeFor(target: Pick<DeployedTarget, 'aws' | 'profile' | 'region'> & { connectionTimeout?: number }): Promise<AwsFacade> {
  if (target.aws) return target.aws;
  const { createAwsFacade } = await import('./aws/create-facade.ts');
  return createAwsFacade({ profile: target.profile, region: target.region, timeoutSeconds: target.connectionTimeout });
}
