/** Python's logging level names, which `app.log.setLevel` accepts. */
export type LogLevelName = 'DEBUG' | 'INFO' | 'WARNING' | 'WARN' | 'ERROR' | 'CRITICAL';

const LEVELS: Record<string, number> = { DEBUG: 10, INFO: 20, WARNING: 30, WARN: 30, ERROR: 40, CRITICAL: 50 };
// By level / 10 - 1: the label written and the console method (so Lambda sees the right level).
const LABELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'];
const METHODS = ['debug', 'info', 'warn', 'error', 'error'] as const;

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
    this.#write(10, message, args);
  }

  info(message: unknown, ...args: unknown[]): void {
    this.#write(20, message, args);
  }

  warn(message: unknown, ...args: unknown[]): void {
    this.#write(30, message, args);
  }

  /** Same as {@link Logger.warn}, under Python's name. */
  warning(message: unknown, ...args: unknown[]): void {
    this.#write(30, message, args);
  }

  error(message: unknown, ...args: unknown[]): void {
    this.#write(40, message, args);
  }

  critical(message: unknown, ...args: unknown[]): void {
    this.#write(50, message, args);
  }

  // The console method is looked up per call, so a console patched later (tests, Lambda's log format) is used.
  #write(level: number, message: unknown, args: unknown[]): void {
    const i = level / 10 - 1;
    if (this.level <= level) console[METHODS[i]!](`${this.name} - ${LABELS[i]} - ${String(message)}`, ...args);
  }
}
