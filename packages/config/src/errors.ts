/**
 * A problem with a project's configuration: the message names the file and the key path, e.g.
 * `.chalice/config.json: stages.dev.lambda_timeout must be an integer from 1 to 900, got "60"`.
 * The CLI reports it as a user error.
 *
 * @example
 * try { loadConfig('.'); } catch (e) { if (e instanceof ConfigError) console.error(e.message); }
 */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  /** The file at fault, as given (usually `.chalice/config.json`). */
  readonly file: string;
  /** The dotted key path at fault, or `''` for the whole file. */
  readonly keyPath: string;

  constructor(file: string, keyPath: string, problem: string) {
    super(`${file}: ${keyPath ? `${keyPath} ` : ''}${problem}`);
    this.file = file;
    this.keyPath = keyPath;
  }
}
