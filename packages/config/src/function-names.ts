import type { ProjectConfig } from './types.ts';

/**
 * Warnings for `lambda_functions` entries (top level and per stage) that name no function of the
 * app: a typo there would otherwise leave the function's settings silently unapplied.
 *
 * @example
 * unknownFunctionWarnings(config, ['api_handler', 'every_hour']);
 * // ['.chalice/config.json: lambda_functions.every_hr names no function of the app; its settings apply to nothing']
 */
export function unknownFunctionWarnings(config: ProjectConfig, functionNames: Iterable<string>): string[] {
  const known = new Set(functionNames);
  const entries: Array<[string, object | null | undefined]> = [
    ['lambda_functions.', config.data.lambda_functions],
    ...Object.entries(config.data.stages ?? {}).map(([stage, settings]): [string, object | undefined] => [`stages.${stage}.lambda_functions.`, settings?.lambda_functions]),
  ];
  return entries.flatMap(([prefix, functions]) =>
    Object.keys(functions ?? {})
      .filter((name) => !known.has(name))
      .map((name) => `${config.file}: ${prefix}${name} names no function of the app; its settings apply to nothing`),
  );
}
