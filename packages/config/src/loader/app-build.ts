import type { BuildOptions, OutputFile } from 'esbuild';
import { REQUIRE_BANNER, formatBuildErrors, runtimePackagesPlugin, type RuntimePackagesOptions } from './bundling.ts';
import { AppLoadError } from './load-failure.ts';

/** What a caller of {@link buildApp} chooses; the rest is the same for every app bundle. */
export type AppBuildOptions = Omit<BuildOptions, 'absWorkingDir' | 'bundle' | 'format' | 'platform' | 'keepNames' | 'write' | 'logLevel' | 'banner'>;

/**
 * Bundles a project's app with esbuild the one way every Chalice tool does: one ES module for
 * Node, function names kept (view and Lambda names come from them, minified or not), `.js`
 * specifiers resolving to the `.ts` sources beside them (esbuild's own rule), the `@chalice/*`
 * runtime packages and `@aws-sdk/*` handled by {@link runtimePackagesPlugin}, a `require` for
 * bundled CommonJS, nothing written to disk. Build errors are {@link AppLoadError}s of
 * `file:line:column: text` lines. esbuild is imported on the first build, so importing the
 * loader stays cheap.
 *
 * @example
 * const [bundle] = await buildApp({ projectDir, mode: 'bundled', fallbackFrom: import.meta.url }, { entryPoints: ['app.ts'], outfile: 'app.mjs', target: 'node22' });
 */
export async function buildApp(runtime: RuntimePackagesOptions, options: AppBuildOptions): Promise<OutputFile[]> {
  const { build } = await import('esbuild');
  try {
    const result = await build({
      ...options,
      absWorkingDir: runtime.projectDir,
      bundle: true,
      format: 'esm',
      platform: 'node',
      keepNames: true,
      write: false,
      logLevel: 'silent',
      plugins: [...(options.plugins ?? []), runtimePackagesPlugin(runtime)],
      banner: { js: REQUIRE_BANNER },
    });
    return result.outputFiles;
  } catch (error) {
    const text = formatBuildErrors(error, runtime.projectDir);
    if (text === null) throw error;
    throw new AppLoadError(text);
  }
}
