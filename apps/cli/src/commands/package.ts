import { packageApp } from '@chalice/packager';
import { UserError } from '../errors.ts';
import { checkFeatureFlags } from '../experimental.ts';
import { printLine, printWarnings } from '../output.ts';

/** What `chalice package` takes. */
export interface PackageCommand {
  projectDir: string;
  out: string | undefined;
  stage: string;
  pkgFormat: string;
  templateFormat: string;
  mergeTemplate: string | undefined;
  singleFile: boolean;
  sourceMap: boolean;
  followSymlinks: boolean;
  debug: boolean;
}

const FORMATS = ['cloudformation', 'terraform'] as const;
const TEMPLATE_FORMATS = ['json', 'yaml'] as const;

/** `chalice package OUT`: writes the deployment package and a SAM or Terraform template to OUT. */
export async function packageCommand(options: PackageCommand): Promise<void> {
  if (!options.out) throw new UserError('Missing OUT: chalice package OUT (the folder to write; with --single-file, the zip file)');
  const pkgFormat = oneOf('--pkg-format', options.pkgFormat, FORMATS);
  const templateFormat = oneOf('--template-format', options.templateFormat, TEMPLATE_FORMATS);
  printLine('Creating deployment package.');
  const result = await packageApp({
    projectDir: options.projectDir,
    stage: options.stage,
    out: options.out,
    pkgFormat,
    templateFormat,
    mergeTemplate: options.mergeTemplate ?? null,
    singleFile: options.singleFile,
    sourceMap: options.sourceMap,
    followSymlinks: options.followSymlinks,
    check: checkFeatureFlags,
    // The seed's one line; each step's detail only when debugging.
    onProgress: options.debug ? (message) => process.stderr.write(`${message}\n`) : undefined,
  });
  printWarnings(result.warnings);
  printLine(options.singleFile ? `Wrote ${options.out} (${result.files.join(', ')})` : `Wrote ${result.files.join(', ')} to ${options.out}`);
}

function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!choices.includes(value as T)) throw new UserError(`${flag} must be one of ${choices.join(', ')}, got "${value}"`);
  return value as T;
}
