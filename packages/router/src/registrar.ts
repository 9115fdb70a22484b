import { BuiltinAuthorizer, type Authorizer, type AuthorizerFunction } from '@chalice/authorizers';
import {
  cloudWatchSource,
  s3Source,
  scheduleSource,
  snsSource,
  sqsSource,
  type CloudWatchEvent,
  type EventSource,
  type LambdaContext,
  type S3Event,
  type S3EventOptions,
  type ScheduleExpression,
  type SNSEvent,
  type SnsMessageOptions,
  type SQSEvent,
  type SqsMessageOptions,
} from '@chalice/events';
import type { WebsocketEvent } from '@chalice/websocket';
import type { CORSConfig } from './cors.ts';
import { DefinitionError } from './errors.ts';
import type { PathParams } from './route-path.ts';
import type { ViewFunction } from './route-table.ts';

/** The HTTP methods a route may take. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** Options of `app.route`. */
export interface RouteOptions {
  /** Methods this view answers (default `['GET']`). */
  methods?: readonly HttpMethod[];
  /** The view name (default: the handler's function name). */
  name?: string;
  /** `true`, a {@link CORSConfig}, or `false` to opt out of `app.api.cors`. */
  cors?: boolean | CORSConfig;
  /** Accepted request content types (default `['application/json']`); others get 415. */
  contentTypes?: readonly string[];
  authorizer?: Authorizer;
  apiKeyRequired?: boolean;
}

/** A Lambda function's entry: what Lambda calls with the event and context. */
export type LambdaHandler = (event: any, context: LambdaContext) => unknown;

/** Options naming a Lambda function; without `name`, the handler's function name is used. */
export interface NameOptions {
  name?: string;
}

/** Options of `app.authorizer`. */
export interface AuthorizerOptions extends NameOptions {
  /** Seconds API Gateway caches a result (default 300). */
  ttlSeconds?: number;
  /** The IAM role API Gateway uses to invoke the authorizer. */
  executionRole?: string;
}

/** Options of `app.schedule`. */
export interface ScheduleOptions extends NameOptions {
  description?: string;
}

/** The settings of a Lambda function other than the API handler: plain data for tooling. */
export type FunctionSettings =
  | { kind: 'pureFunction'; name: string }
  | { kind: 'builtinAuthorizer'; name: string; ttlSeconds: number; executionRole: string | null; header: string }
  | { kind: 'eventHandler'; name: string; source: EventSource }
  | { kind: 'websocketHandler'; name: WebsocketFunctionName; routeKey: WebsocketRouteKey };

/** The route keys of an API Gateway websocket API that Chalice handles. */
export type WebsocketRouteKey = '$connect' | '$default' | '$disconnect';
/** The Lambda function names of the websocket handlers, as Python Chalice names them. */
export type WebsocketFunctionName = 'websocket_connect' | 'websocket_message' | 'websocket_disconnect';

/** A route as a registration hands it to the app. */
export interface RouteSpec {
  path: string;
  viewName: string;
  view: ViewFunction<any>;
  options: RouteOptions;
}

/**
 * A Lambda function as a registration hands it to the app: its settings and the user's function,
 * unwrapped. `lambdaHandler(app, name)` wraps it for its kind, so an app that never exports an
 * event handler does not bundle the event classes.
 */
export interface FunctionSpec {
  settings: FunctionSettings;
  fn: (...args: any[]) => unknown;
  /** The authorizer object routes refer to, for a built-in authorizer. */
  authorizer?: BuiltinAuthorizer;
}

/**
 * One registration as plain data (not a closure): the app applies it at once, a blueprint keeps
 * it and replays it into every app it is registered with.
 */
export type Registration = RouteSpec | FunctionSpec;

/** Where a blueprint's registrations land: the app, with the blueprint's prefixes. */
export type RegistrationSink = (registration: Registration, prefixes: Prefixes) => void;

/** The prefixes a blueprint is registered with. */
export interface Prefixes {
  namePrefix: string | null;
  urlPrefix: string | null;
}

/** A handler with its options object, or the handler alone. */
type Overload<O, F> = [options: O, handler: F] | [handler: F];

function split<O, F>(args: Overload<O, F> | [O, F | undefined]): [O | undefined, F] {
  return args.length === 2 && args[1] !== undefined ? [args[0] as O, args[1] as F] : [undefined, args[0] as F];
}

/** What a function or app name may contain. */
export const FUNCTION_NAME = /^[A-Za-z0-9_-]+$/;

function functionName(what: string, explicit: string | undefined, handler: unknown): string {
  if (typeof handler !== 'function') throw new DefinitionError(`${what}: the handler must be a function`);
  const name = explicit ?? handler.name;
  if (!name) {
    throw new DefinitionError(`${what}: give this handler a name: pass { name: 'my_handler' } or register a named function`);
  }
  if (!FUNCTION_NAME.test(name)) {
    throw new DefinitionError(`${what}: the name "${name}" may only contain letters, digits, "-" and "_"`);
  }
  return name;
}

/**
 * The registration API shared by {@link Chalice} and {@link Blueprint}: every `app.*` method
 * that declares a route or a Lambda function.
 */
export abstract class Registrar {
  /** Applies a registration now (the app) or when registered (a blueprint). */
  protected abstract register(registration: Registration): void;

  /**
   * Declares a view for a path. `params` is typed from the path: `'/users/{name}'` gives `{ name: string }`.
   *
   * @example
   * app.route('/users/{name}', { methods: ['GET', 'PUT'], cors: true }, ({ name }, request) => ({ name }));
   */
  route<P extends string, V extends ViewFunction<PathParams<P>>>(path: P, handler: V): V;
  route<P extends string, V extends ViewFunction<PathParams<P>>>(path: P, options: RouteOptions, handler: V): V;
  route(path: string, ...args: Overload<RouteOptions, ViewFunction<any>>): ViewFunction<any> {
    const [options = {}, view] = split(args);
    if (typeof view !== 'function') throw new DefinitionError(`Route "${path}": the view must be a function`);
    const methods = options.methods ?? ['GET'];
    const viewName = options.name ?? (view.name || `${methods.join('_').toLowerCase()}${path.replace(/[^a-zA-Z0-9]+/g, '_')}`);
    this.register({ path, viewName, view, options });
    return view;
  }

  /**
   * Declares a built-in authorizer: a Lambda function API Gateway calls with the request's token.
   * Pass the result as a route's `authorizer`.
   *
   * @example
   * const auth = app.authorizer({ ttlSeconds: 30 }, function demo_auth(req) {
   *   return new AuthResponse({ routes: req.token === 'allow' ? ['/'] : [], principalId: 'user' });
   * });
   * app.route('/', { authorizer: auth }, (_, request) => ({ context: request.context }));
   */
  authorizer(...args: Overload<AuthorizerOptions, AuthorizerFunction>): BuiltinAuthorizer {
    const [options = {}, fn] = split(args);
    const name = functionName('authorizer', options.name, fn);
    const { executionRole } = options;
    const authorizer = new BuiltinAuthorizer({ name, ttlSeconds: options.ttlSeconds ?? 300, ...(executionRole ? { executionRole } : {}) }, fn);
    const { ttlSeconds, header } = authorizer;
    this.#add({ kind: 'builtinAuthorizer', name, ttlSeconds, executionRole: authorizer.executionRole, header }, fn, authorizer);
    return authorizer;
  }

  /**
   * Runs a Lambda function on a schedule: a `rate(...)`/`cron(...)` string, a {@link Rate} or a {@link Cron}.
   *
   * @example
   * app.schedule(new Rate(1, Rate.HOURS), function every_hour(event) { console.log(event.toDict()); });
   */
  schedule<F extends (event: CloudWatchEvent) => unknown>(expression: ScheduleExpression, ...args: Overload<ScheduleOptions, F>): F {
    return this.#event('schedule', split(args), (options?: ScheduleOptions) => scheduleSource(expression, options?.description));
  }

  /**
   * Runs a Lambda function for every CloudWatch (EventBridge) event matching a pattern.
   *
   * @example
   * app.onCwEvent({ source: ['aws.codecommit'] }, function on_commit(event) { console.log(event.detail); });
   */
  onCwEvent<F extends (event: CloudWatchEvent) => unknown>(eventPattern: Record<string, unknown>, ...args: Overload<NameOptions, F>): F {
    return this.#event('onCwEvent', split(args), () => cloudWatchSource(eventPattern));
  }

  /**
   * Runs a Lambda function for events of an existing S3 bucket (default `s3:ObjectCreated:*`).
   *
   * @example
   * app.onS3Event({ bucket: 'mybucket', prefix: 'images/', suffix: '.jpg' }, function resize(event) { console.log(event.key); });
   */
  onS3Event<F extends (event: S3Event) => unknown>(options: S3EventOptions & NameOptions, handler: F): F {
    return this.#event('onS3Event', [options, handler], s3Source);
  }

  /**
   * Runs a Lambda function for every message published to an SNS topic (name or ARN).
   *
   * @example
   * app.onSnsMessage({ topic: 'my-demo-topic' }, function on_message(event) { console.log(event.subject, event.message); });
   */
  onSnsMessage<F extends (event: SNSEvent) => unknown>(topic: string | (SnsMessageOptions & NameOptions), handler: F): F {
    return this.#event('onSnsMessage', [typeof topic === 'string' ? { topic } : topic, handler], snsSource);
  }

  /**
   * Runs a Lambda function for messages of an SQS queue (by name), `batchSize` 1-10 (default 1).
   *
   * @example
   * app.onSqsMessage({ queue: 'my-queue', batchSize: 5 }, function on_batch(event) { for (const r of event) console.log(r.body); });
   */
  onSqsMessage<F extends (event: SQSEvent) => unknown>(queue: string | (SqsMessageOptions & NameOptions), handler: F): F {
    return this.#event('onSqsMessage', [typeof queue === 'string' ? { queue } : queue, handler], sqsSource);
  }

  /**
   * Declares a pure Lambda function, called with the raw event and context.
   *
   * @example
   * app.lambdaFunction({ name: 'MyFunction' }, (event, context) => ({ hello: 'world' }));
   */
  lambdaFunction<F extends LambdaHandler>(...args: Overload<NameOptions, F>): F {
    const [options, fn] = split(args);
    return this.#add({ kind: 'pureFunction', name: functionName('lambdaFunction', options?.name, fn) }, fn);
  }

  /** Handles new websocket connections (`$connect`); throwing rejects the connection. */
  onWsConnect<F extends (event: WebsocketEvent) => unknown>(handler: F): F {
    return this.#websocket('websocket_connect', '$connect', handler);
  }

  /** Handles websocket messages (`$default`). */
  onWsMessage<F extends (event: WebsocketEvent) => unknown>(handler: F): F {
    return this.#websocket('websocket_message', '$default', handler);
  }

  /** Handles websocket disconnects (`$disconnect`). */
  onWsDisconnect<F extends (event: WebsocketEvent) => unknown>(handler: F): F {
    return this.#websocket('websocket_disconnect', '$disconnect', handler);
  }

  // One shape for every event source: the handler is named before the source is built, so a
  // nameless handler is reported as such whatever its options.
  #event<O extends NameOptions, F>(what: string, [options, fn]: [O | undefined, F], source: (options: O) => EventSource): F {
    const name = functionName(what, options?.name, fn);
    return this.#add({ kind: 'eventHandler', name, source: source(options as O) }, fn);
  }

  #websocket<F>(name: WebsocketFunctionName, routeKey: WebsocketRouteKey, fn: F): F {
    if (typeof fn !== 'function') throw new DefinitionError(`${name}: the handler must be a function`);
    return this.#add({ kind: 'websocketHandler', name, routeKey }, fn);
  }

  #add<F>(settings: FunctionSettings, fn: F, authorizer?: BuiltinAuthorizer): F {
    this.register({ settings, fn: fn as FunctionSpec['fn'], authorizer });
    return fn;
  }
}
