import { readFileSync } from 'node:fs';
import type { CollectionTag, ScalarTag } from 'yaml';
import { PackageError } from './package-error.ts';

/** How a template is written out. */
export type TemplateFormat = 'json' | 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Deep-merges `extra` onto `template`, as the seed's `--merge-template` does: objects merge key
 * by key, anything else (lists included) in `extra` replaces what the template had.
 *
 * @example
 * mergeTemplates({ Resources: { A: { Type: 'x', Properties: { P: 1 } } } }, { Resources: { A: { Properties: { Q: 2 } } } });
 * // { Resources: { A: { Type: 'x', Properties: { P: 1, Q: 2 } } } }
 */
export function mergeTemplates<T extends object>(template: T, extra: object): T {
  return mergeValue(template as Json, extra as Json) as T;
}

function mergeValue(base: Json, extra: Json): Json {
  if (!isObject(base) || !isObject(extra)) return extra;
  const merged: Record<string, Json> = { ...base };
  for (const [key, value] of Object.entries(extra)) merged[key] = key in base ? mergeValue(base[key]!, value) : value;
  return merged;
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// yaml is loaded only for YAML files: it is a good part of `chalice package`'s start-up.
// CloudFormation's short forms (`!Ref X`, `!GetAtt A.B`, `!Sub ...`) become the long forms JSON
// templates use, so a YAML merge file can use either.
const INTRINSICS = [
  'Ref',
  'Condition',
  'GetAtt',
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
];

function intrinsicTags(): Array<ScalarTag | CollectionTag> {
  const key = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);
  const resolveValue = (name: string, value: unknown) => ({ [key(name)]: name === 'GetAtt' && typeof value === 'string' ? value.split(/\.(.*)/s).filter(Boolean) : value });
  return INTRINSICS.flatMap((name) => [
    { tag: `!${name}`, resolve: (value: string) => resolveValue(name, value) },
    { tag: `!${name}`, collection: 'seq' as const, resolve: (seq: { toJSON(): unknown }) => resolveValue(name, seq.toJSON()) },
    { tag: `!${name}`, collection: 'map' as const, resolve: (map: { toJSON(): unknown }) => resolveValue(name, map.toJSON()) },
  ]) as Array<ScalarTag | CollectionTag>;
}

/**
 * Reads a JSON or YAML (`.yaml`/`.yml`) file to merge into a template; a file that is not an
 * object, or does not parse, is a {@link PackageError} naming the file and the position.
 *
 * @example
 * const extra = await readMergeFile('resources.json');
 */
export async function readMergeFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PackageError(`Cannot read the --merge-template file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let value: unknown;
  if (/\.ya?ml$/i.test(file)) {
    const { parseDocument } = await import('yaml');
    const document = parseDocument(text, { customTags: intrinsicTags(), prettyErrors: true });
    if (document.errors.length) throw new PackageError(`${file} is not valid YAML: ${document.errors[0]!.message}`);
    value = document.toJS();
  } else {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new PackageError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PackageError(`${file} must hold an object (a template fragment), not ${Array.isArray(value) ? 'a list' : String(value)}`);
  return value as Record<string, unknown>;
}

// Top-level keys only one of the two formats has: a file with them was written for the other.
const CLOUDFORMATION_KEYS = ['AWSTemplateFormatVersion', 'Transform', 'Resources', 'Outputs', 'Parameters', 'Conditions', 'Mappings', 'Globals', 'Metadata', 'Rules'];
const TERRAFORM_KEYS = ['terraform', 'provider', 'resource', 'data', 'locals', 'variable', 'output', 'module'];

/**
 * Checks that a `--merge-template` file is shaped for the template it is merged into: a
 * CloudFormation file merged into `chalice.tf.json` (or Terraform JSON into `sam.json`) would
 * write a template its tool refuses. Throws a {@link PackageError} naming the file and keys.
 *
 * @example
 * checkMergeFormat({ Resources: {} }, 'extra.json', 'terraform'); // throws
 */
export function checkMergeFormat(extra: Record<string, unknown>, file: string, pkgFormat: 'cloudformation' | 'terraform'): void {
  const foreign = Object.keys(extra).filter((key) => (pkgFormat === 'terraform' ? CLOUDFORMATION_KEYS : TERRAFORM_KEYS).includes(key));
  if (foreign.length === 0) return;
  const keys = foreign.join(', ');
  throw new PackageError(
    pkgFormat === 'terraform'
      ? `${file} is a CloudFormation template (${keys}): --pkg-format terraform merges Terraform JSON (resource, output, ...) into chalice.tf.json`
      : `${file} is Terraform JSON (${keys}): --pkg-format cloudformation merges a CloudFormation template (Resources, Outputs, ...) into sam.json`,
  );
}

/**
 * A template as file text: JSON with two-space indents, or YAML (intrinsics in their long form,
 * which CloudFormation reads as well).
 *
 * @example
 * await serializeTemplate({ Resources: {} }, 'yaml'); // 'Resources: {}\n'
 */
export async function serializeTemplate(template: object, format: TemplateFormat): Promise<string> {
  if (format === 'json') return `${JSON.stringify(template, null, 2)}\n`;
  const { stringify } = await import('yaml');
  return stringify(template, { aliasDuplicateObjects: false, lineWidth: 0 });
}
