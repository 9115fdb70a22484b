import { AppGraphError } from './graph-error.ts';

/**
 * A Terraform expression: written into `chalice.tf.json` as it is, where every other string is
 * a literal whose `${` and `%{` are escaped (Terraform's JSON syntax reads every string as a
 * template, so an IAM policy variable such as `${aws:username}` would otherwise be evaluated).
 *
 * @example
 * new TerraformExpression('${aws_lambda_function.api_handler.arn}');
 */
export class TerraformExpression {
  constructor(readonly template: string) {}
}

/**
 * A value before writing: JSON data in which strings are literals and expressions are marked.
 *
 * @example
 * const tags: TerraformValue = { app: 'demo', stage: interpolate('local.chalice_stage') };
 */
export type TerraformValue = string | number | boolean | null | TerraformExpression | TerraformValue[] | { [key: string]: TerraformValue };

/**
 * `${<expression>}` as a {@link TerraformExpression}.
 *
 * @example
 * interpolate('aws_iam_role.default_role.arn'); // template '${aws_iam_role.default_role.arn}'
 */
export function interpolate(expression: string): TerraformExpression {
  return new TerraformExpression(`\${${expression}}`);
}

/**
 * An attribute of a resource (or data source, with type `data.<type>`) by its Chalice name.
 *
 * @example
 * reference('aws_lambda_function', 'every_hour', 'arn'); // template '${aws_lambda_function.every_hour.arn}'
 */
export function reference(type: string, chaliceName: string, attribute: string): TerraformExpression {
  return interpolate(`${type}.${terraformName(chaliceName)}.${attribute}`);
}

// A literal as it must appear inside a template: `${aws:username}` → `$${aws:username}`.
function escapeTemplate(text: string): string {
  return text.replace(/([$%])\{/g, '$1$1{');
}

/**
 * A template joining literal text and expressions, e.g. an ARN built from data sources.
 *
 * @example
 * template('arn:', interpolate('data.aws_partition.chalice.partition'), ':s3:::', bucket);
 */
export function template(...parts: Array<string | TerraformExpression>): TerraformExpression {
  return new TerraformExpression(parts.map((p) => (typeof p === 'string' ? escapeTemplate(p) : p.template)).join(''));
}

/**
 * The JSON text of a value, as a template: literals escaped, expressions spliced in. Used for
 * arguments Terraform wants as JSON strings (policies, event patterns, the OpenAPI body).
 * Strings in `expressions` are expressions already (a document built elsewhere holds them as
 * plain strings).
 *
 * @example
 * jsonTemplate({ uri: interpolate('aws_lambda_function.api_handler.invoke_arn') });
 * // template '{"uri":"${aws_lambda_function.api_handler.invoke_arn}"}'
 */
export function jsonTemplate(value: unknown, expressions: ReadonlySet<string> = new Set()): TerraformExpression {
  // Escaping before stringifying is safe: JSON.stringify leaves `$`, `%` and `{` alone, and an
  // expression's template has no characters it would escape (Chalice's names are identifiers).
  return new TerraformExpression(JSON.stringify(toWritten(value as TerraformValue, expressions)));
}

// The value as written to `chalice.tf.json`: plain JSON data, literals escaped, expressions as they are.
function toWritten(value: TerraformValue, expressions: ReadonlySet<string> = new Set()): unknown {
  if (value instanceof TerraformExpression) return value.template;
  if (typeof value === 'string') return expressions.has(value) ? value : escapeTemplate(value);
  if (Array.isArray(value)) return value.map((v) => toWritten(v, expressions));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeTemplate(k), toWritten(v, expressions)]));
  }
  return value;
}

// A valid Terraform identifier from a Chalice name, in snake form as the Python original names
// resources: other characters become `_` (`every_hour-event` → `every_hour_event`), and a
// leading digit (a bucket name may have one) gets a `_` before it.
function terraformName(name: string): string {
  const snake = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(snake) ? snake : `_${snake}`;
}

/**
 * The arguments of one resource of `chalice.tf.json`.
 *
 * @example
 * const target: TerraformBlock = { rule: reference('aws_cloudwatch_event_rule', 'every_hour-event', 'name'), arn: functionArn };
 */
export type TerraformBlock = Record<string, TerraformValue>;

/**
 * Collects a configuration's resources, outputs and locals, and writes them as plain data with
 * sorted keys, so the same graph gives the same bytes and an app change a small diff.
 *
 * @example
 * const config = new TerraformConfigBuilder();
 * const name = config.resource('aws_iam_role', 'default-role', { assume_role_policy: jsonTemplate(trust) });
 * config.output('RoleArn', interpolate(`aws_iam_role.${name}.arn`));
 */
export class TerraformConfigBuilder {
  private readonly resources = new Map<string, Map<string, TerraformBlock>>();
  private readonly outputs = new Map<string, TerraformValue>();
  private readonly locals = new Map<string, TerraformValue>();
  private readonly dataSources = new Map<string, Map<string, TerraformBlock>>();

  /**
   * Adds a resource named after a Chalice name and returns its Terraform name. Two Chalice
   * names can map to one identifier (`a-b`, `a_b`); that stops here rather than one silently
   * replacing the other.
   */
  resource(type: string, chaliceName: string, body: TerraformBlock): string {
    const name = terraformName(chaliceName);
    const ofType = this.resources.get(type) ?? new Map<string, TerraformBlock>();
    if (ofType.has(name)) {
      throw new AppGraphError(`Two resources of type ${type} would both be named "${name}" in chalice.tf.json ("${chaliceName}" is one): give one of them another name`);
    }
    this.resources.set(type, ofType.set(name, body));
    return name;
  }

  /** Adds a data source (`data.<type>.<name>`). */
  dataSource(type: string, name: string, body: TerraformBlock): void {
    this.dataSources.set(type, (this.dataSources.get(type) ?? new Map<string, TerraformBlock>()).set(name, body));
  }

  output(name: string, value: TerraformValue): void {
    this.outputs.set(name, value);
  }

  local(name: string, value: TerraformValue): void {
    this.locals.set(name, value);
  }

  /** The collected blocks as JSON data; `terraform` comes from the caller. */
  write(): {
    data: Record<string, Record<string, Record<string, unknown>>>;
    locals: Record<string, unknown>;
    resource: Record<string, Record<string, unknown>>;
    output: Record<string, { value: unknown }>;
  } {
    const sorted = <V, W>(map: Map<string, V>, f: (v: V) => W): Record<string, W> => Object.fromEntries([...map.keys()].sort().map((key) => [key, f(map.get(key)!)]));
    return {
      data: sorted(this.dataSources, (ofType) => sorted(ofType, (v) => toWritten(v) as Record<string, unknown>)),
      locals: sorted(this.locals, (v) => toWritten(v)),
      resource: sorted(this.resources, (ofType) => sorted(ofType, (v) => toWritten(v)) as Record<string, unknown>),
      output: sorted(this.outputs, (value) => ({ value: toWritten(value) })),
    };
  }
}
