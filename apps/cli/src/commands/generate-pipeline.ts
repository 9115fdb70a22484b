import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadConfig } from '@chalice/config';
import { pipelineTemplate } from '@chalice/packager';
import { oneOf, UserError } from '../errors.ts';

/**
 * What `chalice generate-pipeline` takes. `projectDir` is where `.chalice/config.json` gives the
 * app name (the `ApplicationName` default) and the repository root that `buildspecFile` must be
 * in, since CodeBuild reads it from the repository.
 *
 * @example
 * const options: GeneratePipelineCommand = { projectDir: '.', file: 'pipeline.json', pipelineVersion: 'v2', source: 'github' };
 */
export interface GeneratePipelineCommand {
  projectDir: string;
  file: string | undefined;
  pipelineVersion: string;
  source: string;
  buildspecFile?: string;
  /** The `CodeBuildImage` parameter's default (`-i/--codebuild-image`). */
  codebuildImage?: string;
}

const VERSIONS = ['v1', 'v2'] as const;
const SOURCES = ['codecommit', 'github'] as const;

/**
 * `chalice generate-pipeline FILE`: writes the starter pipeline's CloudFormation template to
 * FILE (and, with `--buildspec-file`, the buildspec to that file), to deploy with
 * `aws cloudformation deploy --template-file FILE --stack-name S --capabilities CAPABILITY_IAM`.
 *
 * @example
 * generatePipelineCommand({ projectDir: process.cwd(), file: 'pipeline.json', pipelineVersion: 'v1', source: 'codecommit' });
 */
export function generatePipelineCommand(options: GeneratePipelineCommand): void {
  const pipelineVersion = oneOf('--pipeline-version', options.pipelineVersion, VERSIONS);
  const source = oneOf('--source', options.source, SOURCES);
  if (!options.file) throw new UserError('Missing FILE: where to write the pipeline template (chalice generate-pipeline pipeline.json)');
  const projectDir = resolve(options.projectDir);
  const appName = existsSync(join(projectDir, '.chalice', 'config.json')) ? loadConfig(projectDir).data.app_name : undefined;
  const buildspecFile = options.buildspecFile ? inRepository(projectDir, options.buildspecFile) : undefined;
  const { template, buildspec } = pipelineTemplate({ pipelineVersion, source, appName, codebuildImage: options.codebuildImage, ...(buildspecFile ? { buildspecFile } : {}) });
  write(resolve(options.file), `${JSON.stringify(template, null, 2)}\n`);
  if (buildspec && options.buildspecFile) write(resolve(options.buildspecFile), buildspec);
}

// The path CodeBuild will read, relative to the repository root, with forward slashes.
function inRepository(projectDir: string, file: string): string {
  const path = relative(projectDir, resolve(file));
  if (!path || path.startsWith('..') || isAbsolute(path)) {
    throw new UserError(`--buildspec-file ${file} must be inside the project (${projectDir}): CodeBuild reads it from the repository`);
  }
  return path.split(sep).join('/');
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
