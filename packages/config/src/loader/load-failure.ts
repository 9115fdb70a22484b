import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A project's app that could not be loaded: no app module, a syntax error (with
 * `file:line:column`), an error thrown while it loads (with where it was thrown), an `@aws-sdk/*`
 * package it imports but the project does not install, or no exported `app`. Its message is one
 * line; its `stack` is the original error's (for `--debug`).
 *
 * @example
 * try { await loadApp({ projectDir }); } catch (e) { if (e instanceof AppLoadError) console.error(e.message); }
 */
export class AppLoadError extends Error {
  readonly code = 'APP_LOAD_FAILED';
}

/** What {@link importFailure} needs to say where an import went wrong. */
export interface ImportContext {
  projectDir: string;
  /** The app module, relative to the project. */
  entry: string;
  /** The project file (absolute) importing each `@aws-sdk/*` package that was left external. */
  sdkImporters: ReadonlyMap<string, string>;
}

/**
 * The {@link AppLoadError} for an error raised while the bundled app was imported: an `@aws-sdk/*`
 * package that is not installed names its importer and the command that installs it; anything
 * else names the project file and line it was thrown at (the stack is source-mapped).
 *
 * @example
 * try { await import(url); } catch (error) { throw importFailure(error, { projectDir, entry, sdkImporters }); }
 */
export function importFailure(error: unknown, context: ImportContext): AppLoadError {
  const missing = missingSdkPackage(error);
  if (missing) {
    const importer = context.sdkImporters.get(missing);
    const file = importer ? (projectRelative(context.projectDir, importer) ?? context.entry) : context.entry;
    return withCause(`${file} imports ${missing}, which is not installed: npm install ${missing}`, error);
  }
  const stack = (error as { stack?: unknown } | null)?.stack;
  const where = typeof stack === 'string' ? throwSite(stack, context.projectDir) : null;
  const what = describeThrown(error);
  return withCause(where ? `${where}: ${what} (thrown while ${context.entry} was loading)` : `${context.entry} failed while loading: ${what}`, error);
}

function withCause(message: string, cause: unknown): AppLoadError {
  const failure = new AppLoadError(message, { cause });
  const stack = (cause as { stack?: unknown } | null)?.stack;
  // `--debug` prints the stack: the user's, source-mapped, is the useful one, not loadApp's.
  if (typeof stack === 'string') failure.stack = `${failure.name}: ${message}\nCaused by: ${stack}`;
  return failure;
}

// `import` says "Cannot find package '...'" (ERR_MODULE_NOT_FOUND); a bundled CommonJS
// dependency's `require` says "Cannot find module '...'" (MODULE_NOT_FOUND).
function missingSdkPackage(error: unknown): string | null {
  const code = (error as { code?: string } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return null;
  return /Cannot find (?:package|module) '(@aws-sdk\/[^'/]+)/.exec((error as Error).message)?.[1] ?? null;
}

// The first stack frame in the project's own files (not node_modules): `chalicelib/db.ts:4:9`.
function throwSite(stack: string, projectDir: string): string | null {
  for (const line of stack.split('\n').slice(1)) {
    const frame = /((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!frame) continue;
    const file = frame[1]!.startsWith('file://') ? fileURLToPath(frame[1]!) : frame[1]!;
    const inProject = isAbsolute(file) ? projectRelative(projectDir, file) : null;
    if (inProject && !inProject.split(/[\\/]/).includes('node_modules')) return `${inProject}:${frame[2]}:${frame[3]}`;
  }
  return null;
}

function projectRelative(projectDir: string, file: string): string | null {
  const path = relative(projectDir, file);
  return path.startsWith('..') || isAbsolute(path) ? null : path.replaceAll('\\', '/');
}

// A definition mistake's message says it all; so does any Error's first line. Apps may throw
// anything, even an object without a prototype, which String() cannot convert.
function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}
