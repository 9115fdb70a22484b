/** A mistake the user can fix (a bad flag, config or app): one line, exit status 2. */
export class UserError extends Error {
  readonly code = 'USER_ERROR';
}

/**
 * A flag's value checked against its choices, or a {@link UserError} naming them.
 *
 * @example
 * const source = oneOf('--source', options.source, ['codecommit', 'github'] as const);
 */
export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new UserError(`${flag} must be ${choices.join(' or ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

// Errors from the packages that mean "your project, your command line or your AWS set-up is wrong".
const USER_CODES = new Set([
  'USER_ERROR',
  'CONFIG_INVALID',
  'APP_LOAD_FAILED',
  'LOCAL_SERVER',
  'DEFINITION_ERROR',
  'EXPERIMENTAL_FEATURES',
  'INVALID_APP',
  'PACKAGE_INVALID',
  'UNSUPPORTED_FEATURE',
  'POLICY_INPUT',
  'POLICY_UNRESOLVED',
  'POLICY_NOT_CONFIRMED',
  'NOT_DEPLOYED',
  'INVALID_OPTION',
  'AMBIGUOUS_REST_API',
  'STAGE_LOCKED',
  'DEPLOYED_STATE_INVALID',
  'AWS_CREDENTIALS',
  'AWS_ACCESS_DENIED',
]);
// AWS failing a call is neither the user's mistake nor our bug: its message says it all.
const AWS_FAILURE_CODES = new Set(['AWS_CALL_FAILED', 'DEPLOY_FAILED']);

/**
 * Prints an error the way the CLI reports every failure, in this one place: user errors as one
 * line (exit 2), AWS failures as one line (exit 1), anything else as a short internal-error line
 * with the stack only under `--debug` (exit 1). Returns the exit status.
 */
export function reportError(error: unknown, debug: boolean, write: (text: string) => void = (t) => process.stderr.write(t)): number {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const status = code === undefined ? null : USER_CODES.has(code) ? 2 : AWS_FAILURE_CODES.has(code) ? 1 : null;
  if (status !== null) {
    write(`Error: ${message}\n`);
    if (debug && error instanceof Error && error.stack) write(`${error.stack}\n`);
    return status;
  }
  write(`Internal error: ${message}\n${debug ? `${(error as Error)?.stack ?? ''}\n` : 'Run again with --debug for the stack trace.\n'}`);
  return 1;
}
