import { createRequire } from 'node:module';

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
export type Buildspec = {
  version: 0.2;
  phases: Partial<Record<'install' | 'build', { 'runtime-versions'?: Record<string, number>; commands: string[] }>>;
  artifacts: { type: 'zip'; files: string[] };
};

/**
 * YAML text of plain data, by the `yaml` package (the one `--merge-template` reads with), loaded
 * on first use: it takes a good part of a command's start-up. Every string is double-quoted, so
 * commands holding `${...}`, `;`, `#` or `[` read back as written.
 *
 * @example
 * toYaml({ version: 0.2, phases: { build: { commands: ['npm test'] } } });
 * // 'version: 0.2\nphases:\n  build:\n    commands:\n      - "npm test"\n'
 */
export function toYaml(value: unknown): string {
  const { stringify } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return stringify(value, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, aliasDuplicateObjects: false });
}
