const UNITS = { MINUTES: 'minute', HOURS: 'hour', DAYS: 'day' } as const;
type RateUnit = keyof typeof UNITS;

/**
 * A fixed-rate schedule: `new Rate(5, Rate.MINUTES)` is `rate(5 minutes)`.
 *
 * @example
 * app.schedule(new Rate(1, Rate.HOURS), function every_hour(event) {});
 */
export class Rate {
  static readonly MINUTES = 'MINUTES';
  static readonly HOURS = 'HOURS';
  static readonly DAYS = 'DAYS';
  readonly value: number;
  readonly unit: RateUnit;

  constructor(value: number, unit: RateUnit) {
    if (!Number.isInteger(value) || value < 1) throw new TypeError(`Rate: value must be a positive integer, got ${String(value)}`);
    if (!(unit in UNITS)) throw new TypeError(`Rate: unit must be Rate.MINUTES, Rate.HOURS or Rate.DAYS, got ${String(unit)}`);
    this.value = value;
    this.unit = unit;
  }

  /** The AWS schedule expression; the unit is singular for 1, as AWS requires. */
  toString(): string {
    return `rate(${this.value} ${UNITS[this.unit]}${this.value === 1 ? '' : 's'})`;
  }
}

/**
 * A cron schedule in AWS's six-field form (UTC).
 *
 * @example
 * new Cron(0, 18, '?', '*', 'MON-FRI', '*'); // cron(0 18 ? * MON-FRI *)
 */
export class Cron {
  readonly fields: readonly string[];

  constructor(minutes: string | number, hours: string | number, dayOfMonth: string | number, month: string | number, dayOfWeek: string | number, year: string | number) {
    this.fields = [minutes, hours, dayOfMonth, month, dayOfWeek, year].map(String);
    if (this.fields[2] !== '?' && this.fields[4] !== '?') {
      throw new TypeError(`Cron: dayOfMonth (${this.fields[2]}) and dayOfWeek (${this.fields[4]}) cannot both be set; use '?' in one of them`);
    }
  }

  toString(): string {
    return `cron(${this.fields.join(' ')})`;
  }
}

/** A schedule: a `rate(...)` or `cron(...)` string, a {@link Rate} or a {@link Cron}. */
export type ScheduleExpression = string | Rate | Cron;

/** The AWS string of a schedule; a string must look like `rate(...)` or `cron(...)`. */
export function scheduleExpressionString(expression: ScheduleExpression): string {
  if (expression instanceof Rate || expression instanceof Cron) return expression.toString();
  if (typeof expression === 'string' && /^(rate|cron)\(.+\)$/.test(expression.trim())) return expression.trim();
  throw new TypeError(`Invalid schedule expression ${JSON.stringify(expression)}: use "rate(...)", "cron(...)", a Rate or a Cron`);
}
