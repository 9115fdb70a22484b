import { API_HANDLER } from '@chalice/config';
import { loadApp } from '@chalice/config/loader';
import type { Chalice } from '@chalice/router';
import { LocalGateway } from './gateway.ts';
import { applyEnvironment, functionEnvironment, localStage, projectConfig } from './project.ts';
import { watchAppSources, type SourceWatch } from './source-watcher.ts';
import type { WebsocketConnections } from './ws-connections.ts';
import { pointAtLocalEndpoint } from './ws-endpoint.ts';

/** Options of {@link AppReloader.start}. */
export interface AppReloaderOptions {
  projectDir: string;
  stage: string;
  /** Reload when the app's sources change (see `watchAppSources`). */
  autoreload: boolean;
  log: (message: string) => void;
  /** Runs on every loaded app before it serves; throwing refuses it. */
  check?: (app: Chalice) => void;
  /** The websocket connections whose Management API the app's `websocketApi` reaches. */
  connections: WebsocketConnections;
}

/**
 * A project's app behind its local gateway, loaded the way Lambda runs it: the config is read
 * and the API handler's environment variables are set before the app module is imported. With
 * autoreload, a change to its sources loads it again; a reload that fails says why (once) and
 * the last app that loaded keeps serving, environment included, until a fixed edit loads.
 *
 * @example
 * const app = await AppReloader.start({ projectDir, stage: 'dev', autoreload: true, log: console.error, connections });
 * const gateway = await app.gateway();
 */
export class AppReloader {
  readonly #options: AppReloaderOptions;
  #ready: LocalGateway | null;
  #current: Promise<LocalGateway>;
  #restoreEnvironment: () => void;
  #environment: Record<string, string>;
  #endpoint: string | null = null;
  #lastFailure: string | null = null;
  readonly #shownWarnings: Set<string>;
  #watch: SourceWatch | null = null;

  private constructor(options: AppReloaderOptions, loaded: Loaded, shownWarnings: Set<string>) {
    this.#options = options;
    this.#shownWarnings = shownWarnings;
    this.#ready = loaded.gateway;
    this.#current = Promise.resolve(loaded.gateway);
    this.#environment = loaded.environment;
    this.#restoreEnvironment = loaded.restoreEnvironment;
  }

  /** Loads the app (a failure is thrown, not logged: the caller reports it once) and starts watching. */
  static async start(options: AppReloaderOptions): Promise<AppReloader> {
    const shown = new Set<string>();
    const loaded = await loadLocal(options, shown, null);
    const reloader = new AppReloader(options, loaded, shown);
    if (options.autoreload) reloader.#watch = watchAppSources(options.projectDir, (files) => reloader.reload(files));
    return reloader;
  }

  /** The gateway of the app loaded now, or the reload in progress (which ends with the newest app that loads). */
  gateway(): LocalGateway | Promise<LocalGateway> {
    return this.#ready ?? this.#current;
  }

  /** Points the app's `websocketApi`, and every app loaded from now on, at the local Management API. */
  pointAt(endpoint: string): void {
    this.#endpoint = endpoint;
    if (this.#ready) pointAtLocalEndpoint(this.#ready.app, endpoint, this.#options.connections);
  }

  /** Loads the app again after `files` changed; reloads run one after another. */
  reload(files: string[]): Promise<LocalGateway> {
    this.#ready = null;
    const loading = this.#current.then((last) => this.#reloadOver(last, files));
    this.#current = loading;
    void loading.then((gateway) => {
      if (this.#current === loading) this.#ready = gateway;
    });
    return loading;
  }

  /** Stops watching and puts the environment back. */
  close(): void {
    this.#watch?.close();
    this.#restoreEnvironment();
  }

  async #reloadOver(last: LocalGateway, files: string[]): Promise<LocalGateway> {
    // The new config's variables, not the old ones, are what the module must see as it loads.
    this.#restoreEnvironment();
    try {
      const loaded = await loadLocal(this.#options, this.#shownWarnings, this.#endpoint);
      this.#restoreEnvironment = loaded.restoreEnvironment;
      this.#environment = loaded.environment;
      this.#lastFailure = null;
      this.#options.log(`Reloaded the app (${files.join(', ')} changed)`);
      return loaded.gateway;
    } catch (error) {
      this.#restoreEnvironment = applyEnvironment(this.#environment);
      const message = (error as Error)?.message ?? String(error);
      if (message !== this.#lastFailure) this.#options.log(`Reload failed, still serving the last version that loaded: ${message}`);
      this.#lastFailure = message;
      return last;
    }
  }
}

interface Loaded {
  gateway: LocalGateway;
  environment: Record<string, string>;
  restoreEnvironment: () => void;
}

async function loadLocal({ projectDir, stage, log, check, connections }: AppReloaderOptions, shownWarnings: Set<string>, endpoint: string | null): Promise<Loaded> {
  const config = projectConfig(projectDir);
  for (const warning of config?.warnings ?? []) {
    if (!shownWarnings.has(warning)) log(`Warning: ${warning}`);
    shownWarnings.add(warning);
  }
  const environment = functionEnvironment(config, stage, API_HANDLER);
  const restoreEnvironment = applyEnvironment(environment);
  try {
    const { app } = await loadApp({ projectDir });
    check?.(app);
    const settings = localStage(app, stage, config);
    if (endpoint) pointAtLocalEndpoint(app, endpoint, connections);
    return { gateway: new LocalGateway(app, { ...settings.gateway, warn: log }), environment, restoreEnvironment };
  } catch (error) {
    restoreEnvironment();
    throw error;
  }
}
