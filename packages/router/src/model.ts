import { authorizerModel, type AuthorizerModel } from '@chalice/authorizers';
import { checkEventSource } from '@chalice/events';
import type { Chalice } from './app.ts';
import { CORSConfig } from './cors.ts';
import { checkRoutes } from './path-match.ts';
import type { FunctionSettings } from './registrar.ts';

/** A CORS configuration as data: its fields and the headers it sends. */
export interface CorsModel {
  allowOrigin: string;
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAge: number | null;
  allowCredentials: boolean | null;
  headers: Record<string, string>;
}

/** One method of one route, as data. */
export interface RouteModel {
  path: string;
  method: string;
  viewName: string;
  params: string[];
  contentTypes: string[];
  cors: CorsModel | null;
  authorizer: AuthorizerModel | null;
  apiKeyRequired: boolean;
}

/**
 * Everything tooling needs to know about an app, as JSON-serialisable data, read without
 * running any handler: the packager's app graph, `chalice local` and the deployer start here.
 */
export interface AppModel {
  appName: string;
  api: { cors: CorsModel | null; binaryTypes: string[] };
  routes: RouteModel[];
  /** Every Lambda function other than the API handler. */
  functions: FunctionSettings[];
  /** Experimental features used, and those opted into. */
  featuresUsed: string[];
  experimentalFeatureFlags: string[];
}

/**
 * Describes an app as plain data, after checking its routes ({@link checkRoutes}) and every
 * event handler's trigger (a bad option throws here, naming the handler).
 *
 * @example
 * const model = describeApp(app);
 * for (const route of model.routes) console.log(route.method, route.path, route.viewName);
 */
export function describeApp(app: Chalice): AppModel {
  checkRoutes(app.routes);
  const routes: RouteModel[] = [];
  for (const path of app.routes.paths()) {
    for (const entry of Object.values(path.methods)) {
      const authorizer = entry.authorizer ? authorizerModel(entry.authorizer) : null;
      // By kind, not instanceof: tooling may hold another copy of the package than the app.
      if (authorizer && entry.authorizer?.kind === 'builtin') {
        authorizer.name = app.authorizerName(entry.authorizer) ?? authorizer.name;
      }
      routes.push({
        path: entry.path,
        method: entry.method,
        viewName: entry.viewName,
        params: [...entry.params],
        contentTypes: [...entry.contentTypes],
        cors: entry.cors ? corsModel(entry.cors) : null,
        authorizer,
        apiKeyRequired: entry.apiKeyRequired,
      });
    }
  }
  for (const { settings } of app.functions.values()) {
    if (settings.kind === 'eventHandler') checkEventSource(settings.source, settings.name);
  }
  const cors = app.api.cors === true ? new CORSConfig() : app.api.cors || null;
  return {
    appName: app.appName,
    api: { cors: cors ? corsModel(cors) : null, binaryTypes: [...app.api.binaryTypes] },
    routes,
    functions: [...app.functions.values()].map((f) => structuredClone(f.settings)),
    featuresUsed: [...app.featuresUsed].sort(),
    experimentalFeatureFlags: [...app.experimentalFeatureFlags].sort(),
  };
}

function corsModel(cors: CORSConfig): CorsModel {
  return {
    allowOrigin: cors.allowOrigin,
    allowHeaders: cors.allowHeaders.split(','),
    exposeHeaders: [...cors.exposeHeaders],
    maxAge: cors.maxAge,
    allowCredentials: cors.allowCredentials,
    headers: { ...cors.getAccessControlHeaders() },
  };
}

/** The experimental features an app uses without opting in, e.g. `['WEBSOCKETS']`. */
export function missingFeatureFlags(app: Chalice): string[] {
  return [...app.featuresUsed].filter((f) => !app.experimentalFeatureFlags.has(f)).sort();
}
