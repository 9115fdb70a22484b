import type { PolicyWarning } from './types.ts';

/**
 * `strict` generation found calls it could not resolve; `warnings` lists them and the message
 * has one `file:line:column: reason` line each. The CLI reports it as a user error.
 *
 * @example
 * try { generatePolicy({ projectDir, strict: true }); } catch (e) { if (e instanceof PolicyError) console.error(e.message); }
 */
export class PolicyError extends Error {
  readonly code = 'POLICY_UNRESOLVED';
  readonly warnings: PolicyWarning[];

  constructor(warnings: PolicyWarning[]) {
    super(`The policy generator could not resolve ${warnings.length} AWS SDK use(s):\n${warnings.map(formatWarning).join('\n')}`);
    this.warnings = warnings;
  }
}

/**
 * A warning as one line, `file:line:column: reason`.
 *
 * @example
 * formatWarning({ file: 'app.ts', line: 3, column: 7, reason: 'computed command' }); // 'app.ts:3:7: computed command'
 */
export function formatWarning(warning: PolicyWarning): string {
  return `${warning.file}:${warning.line}:${warning.column}: ${warning.reason}`;
}

/**
 * The app's sources cannot be found: a given entry file is missing, or the project has no app module.
 *
 * @example
 * try { generatePolicy({ projectDir: 'empty' }); } catch (e) { if (e instanceof PolicyInputError) console.error(e.message); }
 */
export class PolicyInputError extends Error {
  readonly code = 'POLICY_INPUT';
}
