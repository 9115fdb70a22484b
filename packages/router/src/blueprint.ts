import type { LambdaContext } from '@chalice/events';
import type { WebsocketAPI } from '@chalice/websocket';
import type { Chalice } from './app.ts';
import type { Logger } from './log.ts';
import { Registrar, type Prefixes, type Registration, type RegistrationSink } from './registrar.ts';
import type { Request } from './request.ts';

/**
 * A group of routes and Lambda functions defined apart from the app (in `chalicelib/`, say) and
 * added with `app.registerBlueprint(bp, { urlPrefix, namePrefix })`. It has every registration
 * method of the app.
 *
 * @example
 * export const extraRoutes = new Blueprint();
 * extraRoutes.route('/foo', () => ({ foo: 'bar' }));
 * // app.ts
 * app.registerBlueprint(extraRoutes, { urlPrefix: '/extra' });
 */
export class Blueprint extends Registrar {
  readonly #registrations: Registration[] = [];
  readonly #targets: Array<{ sink: RegistrationSink; prefixes: Prefixes }> = [];
  #app: Chalice | null = null;

  /** The app this blueprint was registered to; throws before registration. */
  get currentApp(): Chalice {
    if (!this.#app) throw new Error('Blueprint.currentApp is only available once the blueprint is registered to an app');
    return this.#app;
  }

  /** The app's current request (see {@link Chalice.currentRequest}). */
  get currentRequest(): Request | null {
    return this.currentApp.currentRequest;
  }

  /** The app's current Lambda context. */
  get lambdaContext(): LambdaContext | null {
    return this.currentApp.lambdaContext;
  }

  /** The app's logger. */
  get log(): Logger {
    return this.currentApp.log;
  }

  /** The app's websocket API client. */
  get websocketApi(): WebsocketAPI {
    return this.currentApp.websocketApi;
  }

  /** @internal Called by `app.registerBlueprint`: replays every registration into the app. */
  registerWith(sink: RegistrationSink, prefixes: Prefixes, app: Chalice): void {
    for (const registration of this.#registrations) sink(registration, prefixes);
    this.#targets.push({ sink, prefixes });
    this.#app = app;
  }

  protected register(registration: Registration): void {
    this.#registrations.push(registration);
    for (const { sink, prefixes } of this.#targets) sink(registration, prefixes);
  }
}
