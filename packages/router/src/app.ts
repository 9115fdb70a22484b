import type { AsyncLocalStorage } from 'node:async_hooks';
import type { BuiltinAuthorizer } from '@chalice/authorizers';
import type { LambdaContext } from '@chalice/events';
import { WebsocketAPI } from '@chalice/websocket';
import { APIGateway } from './api-gateway.ts';
import type { Blueprint } from './blueprint.ts';
import { matchesContentType } from './content-type.ts';
import { CORSConfig } from './cors.ts';
import { DefinitionError } from './errors.ts';
import { Logger } from './log.ts';
import type { Request, RestApiEvent } from './request.ts';
import type { ProxyResult } from './response.ts';
import { handleRestEvent, type RestApp } from './rest-handler.ts';
import { joinUrlPrefix, parseRoutePath } from './route-path.ts';
import { checkPathCors, EMPTY_LIST, existingMethods, routeContentTypes } from './route-definition.ts';
import { RouteTable } from './route-table.ts';
import { FUNCTION_NAME, Registrar, type FunctionSettings, type FunctionSpec, type Prefixes, type Registration, type RouteSpec } from './registrar.ts';

/** Options of {@link Chalice}. */
export interface ChaliceOptions {
  /** The app name: the prefix of every resource name and the logger's name. */
  appName: string;
  /** Start in debug mode (see {@link Chalice.debug}). */
  debug?: boolean;
}

/** A Lambda function of the app other than the API handler: its settings and the user's function. */
export interface LambdaFunctionEntry {
  readonly settings: FunctionSettings;
  readonly fn: (...args: any[]) => unknown;
}

interface Invocation {
  request: Request | null;
  context: LambdaContext | null;
}

/**
 * A Chalice application: routes, authorizers, event handlers, pure functions and websocket
 * handlers, and the Lambda entries that serve them. The app module exports it as `app`.
 *
 * @example
 * import { Chalice } from '@chalice/router';
 * export const app = new Chalice({ appName: 'helloworld' });
 * app.route('/', () => ({ hello: 'world' }));
 * export const handler = app.handler;
 */
export class Chalice extends Registrar implements RestApp {
  readonly appName: string;
  /** REST API settings: CORS and binary types. */
  readonly api = new APIGateway();
  /** The app's logger. */
  readonly log: Logger;
  /** Experimental features the app opts into, e.g. `app.experimentalFeatureFlags.add('WEBSOCKETS')`. */
  readonly experimentalFeatureFlags = new Set<string>();
  /** Every route, by path. */
  readonly routes = new RouteTable();
  readonly #functions = new Map<string, LambdaFunctionEntry>();
  readonly #featuresUsed = new Set<string>();
  readonly #authorizerNames = new Map<BuiltinAuthorizer, string>();
  // The invocation in progress while only one is; overlapping ones (chalice local, multi-
  // concurrency) switch the app to AsyncLocalStorage, loaded then, so a Lambda that handles one
  // event at a time never pays for it.
  #current: Invocation | null = null;
  #isolated: AsyncLocalStorage<Invocation> | null = null;
  #debug = false;
  #binaryCache: { types: string[]; length: number; memo: Map<string, boolean> } | null = null;
  #websocketApi: WebsocketAPI | undefined;

  constructor(options: ChaliceOptions) {
    super();
    if (typeof options?.appName !== 'string' || !FUNCTION_NAME.test(options.appName)) {
      throw new DefinitionError('new Chalice({ appName }): appName must be letters, digits, "-" or "_"');
    }
    this.appName = options.appName;
    this.log = new Logger(options.appName);
    this.debug = options.debug ?? false;
  }

  /** Sends to, closes and inspects websocket connections; made on first use, which most apps never reach. */
  get websocketApi(): WebsocketAPI {
    return (this.#websocketApi ??= new WebsocketAPI());
  }

  /** In debug mode an uncaught error answers with its stack trace, and the log level is DEBUG. */
  get debug(): boolean {
    return this.#debug;
  }

  set debug(value: boolean) {
    this.#debug = value;
    this.log.setLevel(value ? 'DEBUG' : 'ERROR');
  }

  /** The request being handled by the calling view (safe under concurrent requests), else `null`. */
  get currentRequest(): Request | null {
    return (this.#isolated?.getStore() ?? this.#current)?.request ?? null;
  }

  /** The Lambda context of the invocation in progress, else `null`. */
  get lambdaContext(): LambdaContext | null {
    return (this.#isolated?.getStore() ?? this.#current)?.context ?? null;
  }

  /** Experimental features the app's definitions use (`WEBSOCKETS`); the CLI checks them against the flags. */
  get featuresUsed(): ReadonlySet<string> {
    return this.#featuresUsed;
  }

  /** Every Lambda function other than the API handler, by name. */
  get functions(): ReadonlyMap<string, LambdaFunctionEntry> {
    return this.#functions;
  }

  /** The function name a built-in authorizer was registered under (after any blueprint name prefix). */
  authorizerName(authorizer: BuiltinAuthorizer): string | undefined {
    return this.#authorizerNames.get(authorizer);
  }

  /**
   * The Lambda entry for API Gateway REST (v1 proxy) events. Bound: `export const handler = app.handler`.
   * Always a promise: the Node.js Lambda runtime ignores a handler's plain return value.
   */
  readonly handler = (event: RestApiEvent, context: LambdaContext): Promise<ProxyResult> =>
    // A promise it is given comes back as it is, not wrapped.
    Promise.resolve(handleRestEvent(this, event, context));

  /**
   * Adds a blueprint's routes and functions, with optional prefixes: `urlPrefix` before every
   * route path, `namePrefix` before every function name (not the API handler's views).
   */
  registerBlueprint(blueprint: Blueprint, options: { namePrefix?: string; urlPrefix?: string } = {}): void {
    const prefixes = { namePrefix: options.namePrefix ?? null, urlPrefix: options.urlPrefix ?? null };
    blueprint.registerWith((registration, p) => this.register(registration, p), prefixes, this);
  }

  /**
   * Makes every invocation from now on run in its own async context, for a process that serves
   * several requests at once (`chalice local`); without it the app switches by itself at the
   * first overlap.
   */
  isolateInvocations(): void {
    this.#isolated ??= new (process.getBuiltinModule('node:async_hooks').AsyncLocalStorage)<Invocation>();
  }

  /** @internal Runs `fn` with the invocation's request and context visible to `currentRequest` and `lambdaContext`. */
  runInvocation<A, B, T>(request: Request | null, context: LambdaContext | null, fn: (a: A, b: B) => T, a: A, b: B): T {
    const invocation = { request, context };
    if (this.#current) {
      // Another invocation has not finished: from now on each runs in its own async context.
      // The unfinished one keeps `#current`, which only it can see (it has no store).
      this.isolateInvocations();
    }
    if (this.#isolated) return this.#isolated.run(invocation, fn, a, b);
    this.#current = invocation;
    try {
      const result = fn(a, b);
      if (result instanceof Promise) return result.finally(this.#finished) as T;
      this.#current = null;
      return result;
    } catch (error) {
      this.#current = null;
      throw error;
    }
  }

  // Made once: a fresh closure per invocation would be garbage on every request.
  readonly #finished = () => {
    this.#current = null;
  };

  /** @internal Whether a Content-Type (or Accept) header names one of `api.binaryTypes`. */
  isBinaryType(contentType: string): boolean {
    const types = this.api.binaryTypes;
    let cache = this.#binaryCache;
    if (!cache || cache.types !== types || cache.length !== types.length) {
      cache = this.#binaryCache = { types, length: types.length, memo: new Map() };
    }
    let known = cache.memo.get(contentType);
    if (known === undefined) {
      known = matchesContentType(contentType, types);
      if (cache.memo.size < 256) cache.memo.set(contentType, known);
    }
    return known;
  }

  protected register(registration: Registration, prefixes?: Prefixes): void {
    if ('settings' in registration) this.#addFunction(registration, prefixes?.namePrefix);
    else this.#addRoute(registration, prefixes?.urlPrefix);
  }

  #addRoute({ path, viewName, view, options }: RouteSpec, urlPrefix: string | null | undefined): void {
    if (urlPrefix) path = joinUrlPrefix(urlPrefix, path);
    const fail = (why: string): never => {
      throw new DefinitionError(`Route "${path}" (view ${viewName}): ${why}`);
    };
    const segments = parseRoutePath(path, fail);
    const methods = options.methods ?? ['GET'];
    if (!methods.length) fail(EMPTY_LIST);
    const params = [];
    for (const s of segments) if (s.type !== 'literal') params.push(s.name);
    const corsOption = options.cors ?? this.api.cors;
    const entry = {
      path,
      viewName,
      view,
      params,
      contentTypes: options.contentTypes ? routeContentTypes(options.contentTypes, (t) => this.isBinaryType(t), fail) : ['application/json'],
      cors: corsOption === true ? new CORSConfig() : corsOption || null,
      authorizer: options.authorizer ?? null,
      apiKeyRequired: options.apiKeyRequired ?? false,
    };
    const existing = this.routes.get(path);
    const byMethod = existing ? existingMethods(existing, viewName, fail) : {};
    for (const raw of methods) {
      const method = raw.toUpperCase();
      const taken = byMethod[method];
      if (taken) fail(`${method} is already handled by view ${taken.viewName}`);
      byMethod[method] = { ...entry, method };
    }
    const cors = existing?.cors ?? entry.cors;
    if (cors) checkPathCors(cors, entry.cors, byMethod, fail);
    this.routes.set({ path, segments, methods: byMethod, cors });
  }

  #addFunction({ settings, fn, authorizer }: FunctionSpec, namePrefix: string | null | undefined): void {
    const websocket = settings.kind === 'websocketHandler';
    // Websocket handlers keep their fixed names under a blueprint's name prefix.
    const name = ((!websocket && namePrefix) || '') + settings.name;
    if (name === 'api_handler') throw new DefinitionError('The function name "api_handler" is reserved for the REST API handler');
    if (this.#functions.has(name)) {
      throw new DefinitionError(`Duplicate ${websocket ? 'websocket handler' : 'function name'} detected: ${name}`);
    }
    if (websocket) this.#featuresUsed.add('WEBSOCKETS');
    if (authorizer) this.#authorizerNames.set(authorizer, name);
    this.#functions.set(name, { settings: { ...settings, name } as FunctionSettings, fn });
  }
}
