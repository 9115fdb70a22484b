import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleApp } from './bundle-app.ts';
import type { EntryHandler } from './entry-module.ts';
import { ENTRY_FILE, SOURCE_MAP_ENVIRONMENT } from './graph-functions.ts';
import { PackageError } from './package-error.ts';
import { projectFiles, readProjectFiles } from './package-files.ts';
import { checkPackageSize } from './package-limits.ts';
import { esbuildTarget } from './runtime.ts';
import { createZip, type ZipEntry } from './zip.ts';

/** What {@link buildDeploymentPackage} packages. */
export interface DeploymentPackageOptions {
  projectDir: string;
  /** One per Lambda function of the app: the entry module's exports. */
  handlers: EntryHandler[];
  /** The Lambda runtime the package is for, e.g. `nodejs22.x` (see `chooseRuntime`). */
  runtime: string;
  /** Adds `app.mjs.map`; the functions then need {@link DeploymentPackage.environment}. */
  sourceMap?: boolean;
  /** Copy what symlinks leading outside the project point at (with a warning) instead of refusing them. */
  followSymlinks?: boolean;
  onProgress?: (message: string) => void;
}

/** A built deployment package, cached in `.chalice/deployments/`. */
export interface DeploymentPackage {
  /** Absolute path of the zip: `<project>/.chalice/deployments/<sha256>-<runtime>.zip`. */
  path: string;
  /** Hex SHA-256 of the zip's bytes. */
  sha256: string;
  /** The zip's size in bytes. */
  size: number;
  /** The module every handler is exported from (`app.mjs`): handlers are `app.<exportName>`. */
  entryFile: string;
  /** True when an identical zip was already there and nothing was written. */
  cached: boolean;
  /** The zip's file paths, sorted. */
  files: string[];
  /** Environment variables every function of the package needs (the source map switch). */
  environment: Record<string, string>;
  /** What is worth telling: symlinks out of the project that were followed. */
  warnings: string[];
}

/**
 * Builds the one deployment package every Lambda function of the app runs from: the bundled
 * entry module (`app.mjs`, optionally with its source map), `chalicelib/`'s non-code files and
 * the contents of `vendor/` at the root, as a deterministic zip named by its content hash, so
 * the same sources give the same file and an unchanged app is not rewritten.
 *
 * @example
 * const pkg = await buildDeploymentPackage({
 *   projectDir: process.cwd(),
 *   handlers: [{ exportName: 'api_handler', functionName: null }, { exportName: 'every_hour', functionName: 'every_hour' }],
 *   runtime: 'nodejs22.x',
 * });
 * console.log(pkg.path, pkg.size, pkg.cached);
 */
export async function buildDeploymentPackage(options: DeploymentPackageOptions): Promise<DeploymentPackage> {
  const { projectDir, handlers, runtime, sourceMap = false, followSymlinks = false, onProgress = () => {} } = options;
  onProgress('Bundling the app');
  const bundle = await bundleApp({ projectDir, handlers, target: esbuildTarget(runtime), sourceMap });
  const { chalicelib, vendor, warnings } = projectFiles(projectDir, { followSymlinks });
  for (const file of vendor) {
    if (bundle.has(file.path)) throw new PackageError(`vendor/${file.path} would replace the generated ${file.path}: rename or remove it`);
  }
  const generated: ZipEntry[] = [...bundle].map(([path, data]) => ({ path, data }));
  // Sizes are checked before anything is read: a huge file stops the build without filling memory.
  const sizes = [...generated.map((e) => ({ path: e.path, size: e.data.length })), ...chalicelib, ...vendor];
  checkPackageSize('unzipped', sizes);
  const entries = [...generated, ...readProjectFiles(chalicelib), ...readProjectFiles(vendor)];
  onProgress(`Creating the deployment package (${entries.length} files)`);
  const bytes = createZip(entries);
  checkPackageSize('zipped', sizes, bytes.length);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dir = join(projectDir, '.chalice', 'deployments');
  const path = join(dir, `${sha256}-${runtime}.zip`);
  const cached = existsSync(path) && Buffer.from(bytes).equals(readFileSync(path));
  if (!cached) writeAtomically(dir, path, bytes);
  return {
    path,
    sha256,
    size: bytes.length,
    entryFile: ENTRY_FILE,
    cached,
    files: entries.map((e) => e.path).sort(),
    environment: sourceMap ? { ...SOURCE_MAP_ENVIRONMENT } : {},
    warnings,
  };
}

/**
 * Writes `bytes` to `path` (in `dir`, made if missing) through a temporary file renamed into
 * place: a reader (a deploy running alongside) never sees half a file under the final name.
 *
 * @example
 * writeAtomically(dirname(out), out, createZip(entries));
 */
export function writeAtomically(dir: string, path: string, bytes: Uint8Array): void {
  mkdirSync(dir, { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
