/**
 * An app that cannot be packaged or deployed as configured (a VPC half set up, a name too long
 * for Lambda, a missing policy file, ...). The message says what to change; the CLI reports it
 * as a user error.
 *
 * @example
 * try { buildAppGraph(app, config, 'dev'); } catch (e) { if (e instanceof AppGraphError) console.error(e.message); }
 */
export class AppGraphError extends Error {
  readonly code = 'INVALID_APP';
  override readonly name = 'AppGraphError';
}
