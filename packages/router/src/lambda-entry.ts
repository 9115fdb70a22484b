import { builtinAuthorizerHandler } from '@chalice/authorizers';
import { checkEventSource, cloudWatchHandler, s3Handler, snsHandler, sqsHandler, type LambdaContext } from '@chalice/events';
import { websocketHandler } from '@chalice/websocket';
import type { Chalice } from './app.ts';
import { DefinitionError } from './errors.ts';
import type { FunctionSettings, LambdaHandler } from './registrar.ts';

/**
 * What {@link lambdaHandler} returns. Its result is whatever the app's function answers, so it is
 * `any`: that lets the entry take the handler type of `@types/aws-lambda` its trigger calls for
 * (`export const on_upload: S3Handler = lambdaHandler(app, 'on_upload')`).
 *
 * @example
 * const entry: LambdaEntry = lambdaHandler(app, 'every_hour');
 */
export type LambdaEntry = (event: any, context: LambdaContext) => Promise<any>;

/**
 * The Lambda entry of one of the app's functions (an event handler, pure function, built-in
 * authorizer or websocket handler): the raw event is checked and wrapped for the handler's
 * kind, and `app.lambdaContext` is set while it runs. Kept apart from `Chalice` so a Lambda
 * that exports only the REST handler does not carry the event classes.
 *
 * @example
 * // the entry module `chalice package` generates
 * export const handler = app.handler;
 * export const every_hour = lambdaHandler(app, 'every_hour');
 */
export function lambdaHandler(app: Chalice, name: string): LambdaEntry {
  const entry = app.functions.get(name);
  if (!entry) {
    const known = [...app.functions.keys()].join(', ') || 'none';
    throw new DefinitionError(`No Lambda function named "${name}" in app "${app.appName}" (known: ${known})`);
  }
  const handler = wrap(app, entry.settings, entry.fn);
  // async: the Node.js Lambda runtime ignores a handler's plain return value.
  return async (event, context) => app.runInvocation(null, context, handler, event, context);
}

function wrap(app: Chalice, settings: FunctionSettings, fn: (...args: any[]) => any): LambdaHandler {
  switch (settings.kind) {
    case 'pureFunction':
      return fn;
    case 'builtinAuthorizer':
      return builtinAuthorizerHandler(fn);
    case 'websocketHandler':
      return websocketHandler(fn, app.websocketApi);
    case 'eventHandler':
      checkEventSource(settings.source, settings.name);
      switch (settings.source.kind) {
        case 'schedule':
        case 'cloudWatchEvent':
          return cloudWatchHandler(fn);
        case 's3Event':
          return s3Handler(fn);
        case 'snsMessage':
          return snsHandler(fn);
        case 'sqsMessage':
          return sqsHandler(fn);
      }
  }
}
