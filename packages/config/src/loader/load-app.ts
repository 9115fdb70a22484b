import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Chalice } from '@chalice/router';
import { buildApp } from './app-build.ts';
import { bundlePath, discardBundle, writeBundle } from './bundle-folder.ts';
import { AppLoadError, importFailure } from './load-failure.ts';

/** The app module names Chalice looks for, in order (policygen's default entries too). */
export const APP_FILES = ['app.ts', 'app.mts', 'app.js', 'app.mjs'];

/** A loaded app and the module file it was bundled into. */
export interface LoadedApp {
  app: Chalice;
  /** The app module that was found, relative to the project. */
  entry: string;
  /**
   * The bundled module that was imported, in this process's private temporary folder; deleted
   * when the next load replaces it, and with its folder when the process exits.
   */
  bundle: string;
}

// The last bundle imported: the next successful load supersedes it.
let previousBundle: string | undefined;

/**
 * Finds the project's `app.ts` (or `app.mts`/`app.js`/`app.mjs`), bundles it and `chalicelib/`
 * with esbuild into a temporary module (function names kept; `.js` specifiers resolve to `.ts`
 * sources) and imports it. The app sees its files as it does deployed, where the bundle sits at
 * the package root beside `chalicelib/`: `import.meta.url`, `import.meta.dirname` and
 * `import.meta.filename` point at the app module in the project, and stack traces at the
 * project's files (inline source map). `@chalice/*` runtime packages come from the project when
 * it installs them, else from this installation, and stay shared with the caller; `@aws-sdk/*`
 * packages the project does not install stay external (the Lambda runtime provides SDK v3), and
 * importing one at load time is an {@link AppLoadError} saying to install it. Each call loads the
 * app afresh, so edits are picked up; environment variables the app reads at load time must be
 * set before the call.
 *
 * @example
 * const { app } = await loadApp({ projectDir: process.cwd() });
 * console.log(app.appName, app.routes.size);
 */
export async function loadApp(options: { projectDir: string }): Promise<LoadedApp> {
  const projectDir = resolve(options.projectDir);
  // Stack traces of the user's code should point at app.ts, not the bundle.
  process.setSourceMapsEnabled(true);
  const entry = findAppModule(projectDir);
  const bundle = bundlePath();
  const sdkImporters = new Map<string, string>();
  writeBundle(bundle, await bundleApp(projectDir, entry, bundle, sdkImporters));
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(bundle).href);
  } catch (error) {
    discardBundle(bundle);
    throw importFailure(error, { projectDir, entry, sdkImporters });
  }
  if (previousBundle) discardBundle(previousBundle);
  previousBundle = bundle;
  const app = module.app as Chalice | undefined;
  if (!app || typeof app !== 'object' || typeof (app as Chalice).handler !== 'function' || !(app as Chalice).routes) {
    throw new AppLoadError(`${entry} must export the app: add \`export const app = new Chalice({ appName: '...' })\``);
  }
  return { app, entry, bundle };
}

async function bundleApp(projectDir: string, entry: string, outfile: string, sdkImporters: Map<string, string>): Promise<Uint8Array> {
  const appFile = join(projectDir, entry);
  const onExternalSdk = (name: string, importer: string) => void (sdkImporters.has(name) || sdkImporters.set(name, importer));
  // Shared, not bundled: the app and the tooling must see the same classes.
  const [bundle] = await buildApp(
    { projectDir, mode: 'shared', fallbackFrom: import.meta.url, onExternalSdk },
    {
      entryPoints: [appFile],
      // Never written by esbuild: it makes the source map's paths lead from the bundle to the project.
      outfile,
      target: 'node20',
      sourcemap: 'inline',
      // Deployed, the bundle is at the package root beside chalicelib/; here, the project is.
      define: {
        'import.meta.url': JSON.stringify(pathToFileURL(appFile).href),
        'import.meta.dirname': JSON.stringify(projectDir),
        'import.meta.filename': JSON.stringify(appFile),
      },
    },
  );
  return bundle!.contents;
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
