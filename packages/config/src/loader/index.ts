export { buildApp, type AppBuildOptions } from './app-build.ts';
export type { RuntimePackagesOptions } from './bundling.ts';
export { APP_FILES, findAppModule, loadApp, type LoadedApp } from './load-app.ts';
export { AppLoadError } from './load-failure.ts';
