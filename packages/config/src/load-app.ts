import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Chalice } from '@chalice/router';
import { build } from 'esbuild';
import { REQUIRE_BANNER, formatBuildErrors, runtimePackagesPlugin } from './bundling.ts';

/** The app module names Chalice looks for, in order. */
// @chalice/policygen has its own copy (APP_ENTRY_FILES) so that it needs no esbuild: change both together.
export const APP_FILES = ['app.ts', 'app.mts', 'app.js', 'app.mjs'];

/**
 * A project's app that could not be loaded: no app module, a syntax error (with
 * `file:line:column`), an error thrown while it loads, or no exported `app`.
 *
 * @example
 * try { await loadApp({ projectDir }); } catch (e) { if (e instanceof AppLoadError) console.error(e.message); }
 */
export class AppLoadError extends Error {
  readonly code = 'APP_LOAD_FAILED';
}

/** A loaded app and the module file it was bundled into. */
export interface LoadedApp {
  app: Chalice;
  /** The app module that was found, relative to the project. */
  entry: string;
  /** The bundled module that was imported (in the system's temp folder). */
  bundle: string;
}

let loads = 0;

/**
 * Finds the project's `app.ts` (or `app.mts`/`app.js`/`app.mjs`), bundles it and `chalicelib/`
 * with esbuild into a temporary module (function names kept; `.js` specifiers resolve to `.ts`
 * sources) and imports it. `@chalice/*` runtime packages come from the project when it installs
 * them, else from this installation, and stay shared with the caller; `@aws-sdk/*` packages the
 * project does not install stay external (the Lambda runtime provides SDK v3). Each call loads
 * the app afresh, so edits are picked up.
 *
 * @example
 * const { app } = await loadApp({ projectDir: process.cwd() });
 * console.log(app.appName, app.routes.size);
 */
export async function loadApp({ projectDir }: { projectDir: string }): Promise<LoadedApp> {
  // Stack traces of the user's code should point at app.ts, not the bundle.
  process.setSourceMapsEnabled(true);
  const entry = findAppModule(projectDir);
  const outDir = join(tmpdir(), 'chalice-ts-apps');
  mkdirSync(outDir, { recursive: true });
  const bundle = join(outDir, `app-${process.pid}-${++loads}.mjs`);
  let code: Uint8Array;
  try {
    const result = await build({
      entryPoints: [join(projectDir, entry)],
      absWorkingDir: projectDir,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      keepNames: true,
      sourcemap: 'inline',
      write: false,
      logLevel: 'silent',
      // Shared, not bundled: the app and the tooling must see the same classes.
      plugins: [runtimePackagesPlugin({ projectDir, mode: 'shared', fallbackFrom: import.meta.url })],
      banner: { js: REQUIRE_BANNER },
    });
    code = result.outputFiles[0]!.contents;
  } catch (error) {
    const text = formatBuildErrors(error, projectDir);
    if (text === null) throw error;
    throw new AppLoadError(text);
  }
  writeFileSync(bundle, code);
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(bundle).href);
  } catch (error) {
    // A definition mistake is the user's and its message says it all; anything else needs the stack.
    const definition = (error as { code?: string })?.code === 'DEFINITION_ERROR';
    const detail = definition ? `${(error as Error).name}: ${(error as Error).message}` : ((error as Error)?.stack ?? String(error));
    throw new AppLoadError(`${entry} failed while loading: ${detail}`, { cause: error });
  }
  const app = module.app as Chalice | undefined;
  if (!app || typeof app !== 'object' || typeof (app as Chalice).handler !== 'function' || !(app as Chalice).routes) {
    throw new AppLoadError(`${entry} must export the app: add \`export const app = new Chalice({ appName: '...' })\``);
  }
  return { app, entry, bundle };
}

/**
 * The project's app module (the first of {@link APP_FILES} that exists), relative to the project.
 *
 * @example
 * findAppModule('/work/my-app'); // 'app.ts'
 */
export function findAppModule(projectDir: string): string {
  const entry = APP_FILES.find((name) => existsSync(join(projectDir, name)));
  if (!entry) throw new AppLoadError(`No app module in ${projectDir}: expected one of ${APP_FILES.join(', ')}`);
  return entry;
}
