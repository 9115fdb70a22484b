/** Python's logging level names, which `app.log.setLevel` accepts. */
export type LogLevelName = 'DEBUG' | 'INFO' | 'WARNING' | 'WARN' | 'ERROR' | 'CRITICAL';

const LEVELS: Record<string, number> = { DEBUG: 10, INFO: 20, WARNING: 30, WARN: 30, ERROR: 40, CRITICAL: 50 };

/**
 * The app's logger (`app.log`): lines `appname - LEVEL - message`, level ERROR by default
 * (DEBUG while `app.debug` is on). Arguments after the message fill `%s`, `%d`, `%j` as in
 * `console.log`. Each level writes through the matching console method, so Lambda's log
 * level filtering and JSON log format see the right level.
 *
 * @example
 * app.log.setLevel('DEBUG');
 * app.log.debug('Received event for bucket: %s, key: %s', event.bucket, event.key);
 */
export class Logger {
  /** The logger's name: the app name. */
  readonly name: string;
  /** The current level as a number (10 DEBUG, 20 INFO, 30 WARNING, 40 ERROR, 50 CRITICAL). */
  level = 40;

  constructor(name: string) {
    this.name = name;
  }

  /** Sets the lowest level that is written, by name (`'INFO'`) or number (`20`). */
  setLevel(level: LogLevelName | number): void {
    const value = typeof level === 'number' ? level : LEVELS[level];
    if (value === undefined) throw new TypeError(`Unknown log level "${String(level)}": use DEBUG, INFO, WARNING, ERROR or CRITICAL`);
    this.level = value;
  }

  debug(message: unknown, ...args: unknown[]): void {
    this.#write(10, 'DEBUG', console.debug, message, args);
  }

  info(message: unknown, ...args: unknown[]): void {
    this.#write(20, 'INFO', console.info, message, args);
  }

  warn(message: unknown, ...args: unknown[]): void {
    this.#write(30, 'WARNING', console.warn, message, args);
  }

  /** Same as {@link Logger.warn}, under Python's name. */
  warning(message: unknown, ...args: unknown[]): void {
    this.warn(message, ...args);
  }

  error(message: unknown, ...args: unknown[]): void {
    this.#write(40, 'ERROR', console.error, message, args);
  }

  critical(message: unknown, ...args: unknown[]): void {
    this.#write(50, 'CRITICAL', console.error, message, args);
  }

  #write(level: number, label: string, write: (...args: unknown[]) => void, message: unknown, args: unknown[]): void {
    if (this.level <= level) write(`${this.name} - ${label} - ${String(message)}`, ...args);
  }
}
