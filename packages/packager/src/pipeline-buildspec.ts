/**
 * The Node.js major version the build runs on: CodeBuild's current images offer it, and
 * `chalice package` there picks the matching Lambda runtime (nodejs22.x).
 */
export const BUILD_NODE_VERSION = 22;

// `npm ci` needs a lockfile; a project without one still builds.
const INSTALL = 'if [ -f package-lock.json ]; then npm ci; else npm install; fi';
const PACKAGE = 'npx chalice package /tmp/packaged';
const UPLOAD = 'aws cloudformation package --template-file /tmp/packaged/sam.json --s3-bucket ${APP_S3_BUCKET} --output-template-file transformed.yaml';

/**
 * The CodeBuild buildspec of the starter pipeline, as data: install the project with npm, run
 * `chalice package`, then `aws cloudformation package` to upload the deployment package to the
 * application bucket (`APP_S3_BUCKET`) and write `transformed.yaml`, the one artifact. `v1` keeps
 * the seed's layout (every step in the install phase); `v2` separates install and build.
 *
 * @example
 * pipelineBuildspec('v2').phases.build?.commands; // ['npx chalice package /tmp/packaged', 'aws cloudformation package ...']
 */
export function pipelineBuildspec(version: 'v1' | 'v2'): Buildspec {
  const runtime = { 'runtime-versions': { nodejs: BUILD_NODE_VERSION } };
  const phases: Buildspec['phases'] =
    version === 'v1'
      ? { install: { ...runtime, commands: ['aws --version', INSTALL, PACKAGE, UPLOAD] } }
      : { install: { ...runtime, commands: [INSTALL] }, build: { commands: [PACKAGE, UPLOAD] } };
  return { version: 0.2, phases, artifacts: { type: 'zip', files: ['transformed.yaml'] } };
}

/**
 * A buildspec, as far as the pipeline writes one.
 *
 * @example
 * const spec: Buildspec = { version: 0.2, phases: { build: { commands: ['npm test'] } }, artifacts: { type: 'zip', files: ['out.yaml'] } };
 */
// A type alias, not an interface, so that it is plain YAML data to `toYaml`.
export type Buildspec = {
  version: 0.2;
  phases: Partial<Record<'install' | 'build', { 'runtime-versions'?: Record<string, number>; commands: string[] }>>;
  artifacts: { type: 'zip'; files: string[] };
};

type YamlValue = string | number | YamlValue[] | { [key: string]: YamlValue | undefined };

/**
 * Block-style YAML of plain data, with every string double-quoted (JSON's escapes are YAML's),
 * so commands holding `${...}`, `;` or `[` need no further care. Written by hand so the
 * pipeline does not load a YAML library.
 *
 * @example
 * toYaml({ version: 0.2, phases: { build: { commands: ['npm test'] } } });
 * // 'version: 0.2\nphases:\n  build:\n    commands:\n      - "npm test"\n'
 */
export function toYaml(value: YamlValue, indent = ''): string {
  if (Array.isArray(value)) return value.map((item) => `${indent}-${block(item, `${indent}  `, ' ')}`).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .flatMap(([key, item]) => (item === undefined ? [] : [`${indent}${key}:${block(item, `${indent}  `, ' ')}`]))
      .join('');
  }
  return `${indent}${scalar(value)}\n`;
}

// After a key or a dash: a scalar on the same line, a collection on the lines below.
function block(value: YamlValue, indent: string, space: string): string {
  return typeof value === 'object' ? `\n${toYaml(value, indent)}` : `${space}${scalar(value)}\n`;
}

const scalar = (value: string | number): string => (typeof value === 'number' ? String(value) : JSON.stringify(value));
