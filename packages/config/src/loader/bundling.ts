import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Message, Plugin } from 'esbuild';

const RUNTIME = /^@chalice\/(router|events|authorizers|websocket)$/;

/**
 * The banner every app bundle starts with: an ES module has no `require`, and bundled CommonJS
 * dependencies call it for Node built-ins.
 *
 * @example
 * await build({ entryPoints: ['app.ts'], format: 'esm', banner: { js: REQUIRE_BANNER } });
 */
export const REQUIRE_BANNER = "import { createRequire as __chaliceRequire } from 'node:module'; const require = __chaliceRequire(import.meta.url);";

/** How {@link runtimePackagesPlugin} treats the `@chalice/*` runtime packages. */
export interface RuntimePackagesOptions {
  /** The project's folder: whether it installs an `@aws-sdk/*` package decides if that is bundled. */
  projectDir: string;
  /**
   * `shared`: imported from their installed file (external), so a loaded app and the tooling
   * share one copy; `bundled`: compiled into the bundle, as a deployment package needs.
   */
  mode: 'shared' | 'bundled';
  /** Where to resolve a runtime package the project does not install: the tooling's own module URL. */
  fallbackFrom: string;
  /** Told of each `@aws-sdk/*` package left external, with the file importing it (absolute). */
  onExternalSdk?: (packageName: string, importer: string) => void;
}

/**
 * An esbuild plugin resolving `@chalice/router|events|authorizers|websocket` from where they are
 * imported (the project's own copy when it installs them), else from the tooling's installation,
 * and leaving `@aws-sdk/*` packages the project does not install external: the Lambda Node.js runtime
 * provides SDK v3.
 *
 * @example
 * await build({ entryPoints: ['app.ts'], bundle: true, plugins: [runtimePackagesPlugin({ projectDir, mode: 'bundled', fallbackFrom: import.meta.url })] });
 */
export function runtimePackagesPlugin({ projectDir, mode, fallbackFrom, onExternalSdk }: RuntimePackagesOptions): Plugin {
  const fromTooling = toolingResolver(fallbackFrom);
  // Resolving from the importer's folder, not the project root, keeps a runtime package's own
  // imports (router -> events) on the copy that package was installed with.
  const requires = new Map<string, NodeJS.Require>();
  const fromImporter = (resolveDir: string, path: string) => {
    let require = requires.get(resolveDir);
    if (!require) requires.set(resolveDir, (require = createRequire(join(resolveDir, 'package.json'))));
    return tryResolve(require, path);
  };
  // Memoised for the plugin's life (loadApp and the packager make one per build): a bundled SDK
  // client's own @aws-sdk/* imports would otherwise walk the node_modules folders up again each.
  const installed = new Map<string, boolean>();
  const isInstalled = (specifier: string) => {
    const name = packageName(specifier);
    let found = installed.get(name);
    if (found === undefined) installed.set(name, (found = projectInstalls(projectDir, name)));
    return found;
  };
  return {
    name: 'chalice-runtime-packages',
    setup(build) {
      build.onResolve({ filter: RUNTIME }, ({ path, resolveDir }) => {
        const resolved = fromImporter(resolveDir, path) ?? fromTooling(path);
        if (!resolved) return { errors: [{ text: `Cannot find ${path}: install @chalice/router in the project` }] };
        return mode === 'shared' ? { path: pathToFileURL(resolved).href, external: true } : { path: resolved };
      });
      // The project's choice, not a dependency's: websocket installs the SDK only for its tests.
      build.onResolve({ filter: /^@aws-sdk\// }, ({ path, importer }) => {
        if (isInstalled(path)) return undefined;
        onExternalSdk?.(packageName(path), importer);
        return { path, external: true };
      });
    },
  };
}

/**
 * The errors of a failed esbuild build as `file:line:column: text` lines, the file relative to
 * the project; `null` when `error` is not an esbuild failure.
 *
 * @example
 * try { await build(options); } catch (e) { const text = formatBuildErrors(e, projectDir); if (text === null) throw e; console.error(text); }
 */
export function formatBuildErrors(error: unknown, projectDir: string): string | null {
  const errors = (error as { errors?: Message[] } | null)?.errors;
  if (!errors?.length) return null;
  return errors.map((message) => formatMessage(message, projectDir)).join('\n');
}

function formatMessage(message: Message, projectDir: string): string {
  const where = message.location ? `${relative(projectDir, join(projectDir, message.location.file))}:${message.location.line}:${message.location.column + 1}: ` : '';
  return `${where}${message.text}`;
}

// The tooling depends on @chalice/router only; events, authorizers and websocket are router's own
// dependencies, so they are found from router's installed file (an app may import them directly).
function toolingResolver(fallbackFrom: string): (specifier: string) => string | undefined {
  const fromTooling = createRequire(fallbackFrom);
  let fromRouter: NodeJS.Require | undefined;
  return (specifier) => {
    const direct = tryResolve(fromTooling, specifier);
    if (direct) return direct;
    const router = tryResolve(fromTooling, '@chalice/router');
    if (!router) return undefined;
    fromRouter ??= createRequire(router);
    return tryResolve(fromRouter, specifier);
  };
}

// Looks in node_modules folders from the project up, as Node does, but not in NODE_PATH: package
// managers' bin shims (pnpm's) set it to their whole store, where every SDK package is found.
function projectInstalls(projectDir: string, name: string): boolean {
  for (let dir = resolve(projectDir); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

// `@aws-sdk/client-s3/dist-cjs/index.js` -> `@aws-sdk/client-s3`.
function packageName(specifier: string): string {
  return specifier.split('/').slice(0, 2).join('/');
}

function tryResolve(require: NodeJS.Require, specifier: string): string | undefined {
  try {
    return require.resolve(specifier);
  } catch {
    return undefined;
  }
}
