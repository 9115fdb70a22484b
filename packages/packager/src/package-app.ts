import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { loadApp, loadConfig } from '@chalice/config';
import type { Chalice } from '@chalice/router';
import { buildAppGraph } from './build-graph.ts';
import { buildDeploymentPackage, type DeploymentPackageOptions } from './deployment-package.ts';
import type { AppGraph } from './graph-types.ts';
import { resourcesOfKind } from './graph-query.ts';
import { PackageError } from './package-error.ts';
import { samTemplate } from './sam-template.ts';
import { mergeTemplates, readMergeFile, serializeTemplate, type TemplateFormat } from './template-files.ts';
import { terraformConfig } from './terraform-config.ts';
import { createZip } from './zip.ts';

/** What `chalice package` takes. */
export interface PackageAppOptions {
  projectDir: string;
  stage: string;
  /** The output folder; with `singleFile`, the zip file to write. */
  out: string;
  pkgFormat?: 'cloudformation' | 'terraform';
  templateFormat?: TemplateFormat;
  /** A JSON or YAML file deep-merged onto the generated template. */
  mergeTemplate?: string | null;
  /** Write one zip holding the template and `deployment.zip` instead of a folder. */
  singleFile?: boolean;
  sourceMap?: boolean;
  /** Run on the loaded app before anything is built (the CLI's experimental-feature check). */
  check?: (app: Chalice) => void;
  onProgress?: (message: string) => void;
}

/** What was written, and what is worth telling. */
export interface PackagedApp {
  /** The files written, relative to `out` (or inside the single zip). */
  files: string[];
  warnings: string[];
  graph: AppGraph;
}

/** The deployment package's name beside the template. */
export const DEPLOYMENT_ZIP = 'deployment.zip';

/**
 * `chalice package`: builds the app graph, the deployment package and a SAM or Terraform
 * template (merged with `mergeTemplate` if given), then writes them to `out`. Every input is
 * checked and everything is built before `out` is touched, and files are moved into place
 * only when all are ready, so a failure leaves `out` as it was.
 *
 * @example
 * const { files } = await packageApp({ projectDir: '.', stage: 'dev', out: 'build', pkgFormat: 'terraform' });
 * // files: ['chalice.tf.json', 'deployment.zip']
 */
export async function packageApp(options: PackageAppOptions): Promise<PackagedApp> {
  const { stage, pkgFormat = 'cloudformation', templateFormat = 'json', singleFile = false, onProgress = () => {} } = options;
  const projectDir = resolve(options.projectDir);
  const out = resolve(options.out);
  if (pkgFormat === 'terraform' && templateFormat !== 'json') {
    throw new PackageError('--template-format yaml is for CloudFormation only: Terraform reads chalice.tf.json');
  }
  const extra = options.mergeTemplate ? await readMergeFile(resolve(options.mergeTemplate)) : null;
  checkWritable(out, singleFile);
  const config = loadConfig(projectDir);
  const { app } = await loadApp({ projectDir });
  options.check?.(app);
  const { graph, warnings } = buildAppGraph(app, config, stage, { projectDir, sourceMap: options.sourceMap });

  const generated =
    pkgFormat === 'terraform'
      ? terraformConfig(graph, { zipPath: `\${path.module}/${DEPLOYMENT_ZIP}` })
      : samTemplate(graph, { codeUri: `./${DEPLOYMENT_ZIP}` });
  const template = extra ? mergeTemplates(generated, extra) : generated;
  const templateName = pkgFormat === 'terraform' ? 'chalice.tf.json' : `sam.${templateFormat}`;

  const pkg = await buildDeploymentPackage({ projectDir, ...deploymentPackageInputs(graph), sourceMap: options.sourceMap, onProgress });
  onProgress(`Writing ${singleFile ? out : `${templateName} and ${DEPLOYMENT_ZIP} to ${out}`}`);
  const outputs = new Map<string, Uint8Array>([
    [templateName, Buffer.from(await serializeTemplate(template, templateFormat))],
    [DEPLOYMENT_ZIP, readFileSync(pkg.path)],
  ]);
  if (singleFile) writeSingleFile(out, outputs);
  else writeIntoFolder(out, outputs);
  return { files: [...outputs.keys()].sort(), warnings: [...config.warnings, ...warnings], graph };
}

/**
 * What the one deployment package of a graph is built from: an entry-module export per Lambda
 * function, and the oldest runtime among the functions (one package serves them all).
 * `chalice package` and `chalice deploy` build the same zip from it.
 *
 * @example
 * const pkg = await buildDeploymentPackage({ projectDir, ...deploymentPackageInputs(graph) });
 */
export function deploymentPackageInputs(graph: AppGraph): Pick<DeploymentPackageOptions, 'handlers' | 'runtime'> {
  const functions = resourcesOfKind(graph, 'lambdaFunction');
  return {
    handlers: functions.map((fn) => ({ exportName: fn.exportName, functionName: fn.purpose === 'api' ? null : fn.resourceName })),
    runtime: oldestRuntime(functions.map((fn) => fn.runtime)),
  };
}

function oldestRuntime(runtimes: string[]): string {
  const major = (runtime: string) => Number(/\d+/.exec(runtime)?.[0] ?? 0);
  return [...new Set(runtimes)].sort((a, b) => major(a) - major(b))[0] ?? 'nodejs22.x';
}

function checkWritable(out: string, singleFile: boolean): void {
  const folder = singleFile ? dirname(out) : out;
  if (existsSync(out) && statSync(out).isDirectory() === singleFile) {
    throw new PackageError(singleFile ? `${out} is a folder: --single-file writes a zip file` : `${out} is a file: the output must be a folder`);
  }
  let nearest = folder;
  while (!existsSync(nearest)) nearest = dirname(nearest);
  if (!statSync(nearest).isDirectory()) throw new PackageError(`Cannot write to ${out}: ${nearest} is not a folder`);
  try {
    accessSync(nearest, constants.W_OK);
  } catch {
    throw new PackageError(`Cannot write to ${out}: ${nearest} is not writable`);
  }
}

// Files are written beside their destination first, then renamed into place: a rename does
// not leave half a file behind.
function writeIntoFolder(out: string, outputs: Map<string, Uint8Array>): void {
  mkdirSync(out, { recursive: true });
  const staging = mkdtempSync(join(out, '.chalice-package-'));
  try {
    for (const [name, data] of outputs) writeFileSync(join(staging, name), data);
    for (const name of outputs.keys()) renameSync(join(staging, name), join(out, name));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function writeSingleFile(out: string, outputs: Map<string, Uint8Array>): void {
  mkdirSync(dirname(out), { recursive: true });
  const staging = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(staging, createZip([...outputs].map(([path, data]) => ({ path, data }))));
    renameSync(staging, out);
  } finally {
    rmSync(staging, { force: true });
  }
}

