import { DEFAULT_STAGE } from '@chalice/config';
import { deployedFunctionArn, facadeFor, type DeployedTarget } from './deployed-function.ts';

/** What `chalice invoke` sends. */
export interface InvokeOptions extends DeployedTarget {
  /** The function's Chalice name, e.g. `api_handler` or `every_hour`. */
  name: string;
  /** The event, as bytes (JSON text, usually). */
  payload: Uint8Array;
}

/** A function's answer: its payload, and the error type when it failed. */
export interface InvokeOutcome {
  payload: string;
  functionError: string | null;
}

/**
 * Invokes a deployed function of the stage synchronously and returns what it answered.
 *
 * @example
 * const { payload, functionError } = await invokeFunction({ projectDir: '.', name: 'every_hour', payload: new TextEncoder().encode('{}') });
 * if (functionError) process.exitCode = 1;
 */
export async function invokeFunction(options: InvokeOptions): Promise<InvokeOutcome> {
  const arn = deployedFunctionArn(options.projectDir, options.stage ?? DEFAULT_STAGE, options.name);
  const aws = await facadeFor(options);
  const result = await aws.invoke(arn, options.payload);
  return { payload: new TextDecoder().decode(result.payload), functionError: result.functionError };
}
