import { join, relative } from 'node:path';
import { buildApp, findAppModule } from '@chalice/config/loader';
import type { Plugin } from 'esbuild';
import { entryModuleSource, type EntryHandler } from './entry-module.ts';
import { ENTRY_FILE } from './graph-functions.ts';

/** What {@link bundleApp} bundles and how. */
export interface BundleOptions {
  projectDir: string;
  handlers: EntryHandler[];
  /** An esbuild target such as `node22` (see `esbuildTarget`). */
  target: string;
  sourceMap?: boolean;
}

/** The bundle's files, by their path in the package: `app.mjs`, and `app.mjs.map` with a source map. */
export type BundleFiles = Map<string, Uint8Array>;

/**
 * Bundles the project's app behind a generated entry module into one ES module, `app.mjs`:
 * tree-shaken, minified with function names kept (view and Lambda names come from them), the
 * runtime packages and the project's npm dependencies compiled in, `@aws-sdk/*` packages the
 * project does not install left to the Lambda runtime. Build errors are `AppLoadError`s with
 * `file:line:column`; a native addon stops the build with a pointer to `vendor/`.
 *
 * @example
 * const files = await bundleApp({ projectDir, handlers: [{ exportName: 'api_handler', functionName: null }], target: 'node22' });
 * files.get('app.mjs'); // the module's bytes
 */
export async function bundleApp({ projectDir, handlers, target, sourceMap = false }: BundleOptions): Promise<BundleFiles> {
  const appModule = findAppModule(projectDir);
  const outputFiles = await buildApp(
    { projectDir, mode: 'bundled', fallbackFrom: import.meta.url },
    {
      stdin: { contents: entryModuleSource(`./${appModule}`, handlers), resolveDir: projectDir, sourcefile: 'chalice-entry.mjs', loader: 'js' },
      // Never written: the path only makes the source map's `sources` relative to the project.
      outfile: join(projectDir, ENTRY_FILE),
      target,
      minify: true,
      // Linked: Node finds the map through the file's sourceMappingURL comment.
      sourcemap: sourceMap ? 'linked' : false,
      // Node needs only the mappings for stack traces; the sources would double the package.
      sourcesContent: false,
      plugins: [nativeAddons(projectDir)],
    },
  );
  return new Map(outputFiles.map((file) => [relative(projectDir, file.path).replaceAll('\\', '/'), file.contents]));
}

// esbuild cannot bundle a compiled addon, and Lambda needs it built for Amazon Linux anyway.
function nativeAddons(projectDir: string): Plugin {
  return {
    name: 'chalice-native-addons',
    setup(build) {
      build.onResolve({ filter: /\.node$/ }, ({ path, importer }) => ({
        errors: [
          {
            text:
              `${relative(projectDir, importer) || importer} imports the native addon "${path}", which cannot be bundled: ` +
              'put the prebuilt module (built for Amazon Linux) under vendor/, which goes to the package root, and load it from there',
          },
        ],
      }));
    },
  };
}
