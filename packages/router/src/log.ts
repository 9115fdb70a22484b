/** Python's logging level names, which `app.log.setLevel` accepts. */
export type LogLevelName = 'DEBUG' | 'INFO' | 'WARNING' | 'WARN' | 'ERROR' | 'CRITICAL';

const LEVELS: Record<LogLevelName, number> = { DEBUG: 10, INFO: 20, WARNING: 30, WARN: 30, ERROR: 40, CRITICAL: 50 };

/**
 * The app's logger (`app.log`): lines `appname - LEVEL - message`, level ERROR by default
 * (DEBUG while `app.debug` is on). Arguments after the message fill `%s`, `%d`, `%j` as in
 * `console.log`.
 *
 * @example
 * app.log.setLevel('DEBUG');
 * app.log.debug('Received event for bucket: %s, key: %s', event.bucket, event.key);
 */
export class Logger {
  /** The logger's name: the app name. */
  readonly name: string;
  #level = LEVELS.ERROR;

  constructor(name: string) {
    this.name = name;
  }

  /** The current level as a number (10 DEBUG, 20 INFO, 30 WARNING, 40 ERROR, 50 CRITICAL). */
  get level(): number {
    return this.#level;
  }

  /** Sets the lowest level that is written, by name (`'INFO'`) or number (`20`). */
  setLevel(level: LogLevelName | number): void {
    const value = typeof level === 'number' ? level : LEVELS[level];
    if (value === undefined) throw new TypeError(`Unknown log level "${String(level)}": use DEBUG, INFO, WARNING, ERROR or CRITICAL`);
    this.#level = value;
  }

  debug(message: unknown, ...args: unknown[]): void {
    if (this.#level <= 10) console.debug(`${this.name} - DEBUG - ${String(message)}`, ...args);
  }

  info(message: unknown, ...args: unknown[]): void {
    if (this.#level <= 20) console.info(`${this.name} - INFO - ${String(message)}`, ...args);
  }

  warn(message: unknown, ...args: unknown[]): void {
    if (this.#level <= 30) console.warn(`${this.name} - WARNING - ${String(message)}`, ...args);
  }

  /** Same as {@link Logger.warn}, under Python's name. */
  warning(message: unknown, ...args: unknown[]): void {
    this.warn(message, ...args);
  }

  error(message: unknown, ...args: unknown[]): void {
    if (this.#level <= 40) console.error(`${this.name} - ERROR - ${String(message)}`, ...args);
  }

  critical(message: unknown, ...args: unknown[]): void {
    if (this.#level <= 50) console.error(`${this.name} - CRITICAL - ${String(message)}`, ...args);
  }
}
