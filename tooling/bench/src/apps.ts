import { Chalice, NotFoundError, Response } from '@chalice/router';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import createAPI, { type Request as ApiRequest, type Response as ApiResponse } from 'lambda-api';
import { MISSING_TOKEN, methodNotAllowed, notFoundBody, ROUTES, type Input, type Output } from './routes.ts';

/** A Lambda handler for REST v1 events, as each framework exposes it. */
export type Handler = (event: any, context: any) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;

/** Chalice for TypeScript: one `app.route` per route. */
export function chaliceHandler(): Handler {
  const app = new Chalice({ appName: 'bench' });
  for (const route of ROUTES) {
    app.route(route.path, { methods: [route.method], cors: route.cors ?? false, name: `${route.method}${route.path}` }, (params, request) => {
      const out = route.run({
        params,
        query: request.queryParams ?? {},
        body: request.jsonBody,
        userAgent: request.headers['user-agent'] ?? '',
      });
      if (out.notFound) throw new NotFoundError(out.notFound);
      if (out.status || out.header) {
        return new Response({ statusCode: out.status ?? 200, body: out.body, headers: out.header ? { [out.header[0]]: out.header[1] } : {} });
      }
      return out.body;
    });
  }
  return app.handler;
}

/** Hono with its `hono/aws-lambda` adapter. */
export function honoHandler(): Handler {
  const app = new Hono();
  const paths = new Set<string>();
  for (const route of ROUTES) {
    const path = route.path.replace(/\{(\w+)\}/g, ':$1');
    paths.add(path);
    app.on(route.method, path, async (c) => {
      const out = route.run({
        params: c.req.param() as Record<string, string>,
        query: c.req.query(),
        body: route.method === 'POST' || route.method === 'PUT' ? await c.req.json() : null,
        userAgent: c.req.header('user-agent') ?? '',
      });
      if (out.notFound) return c.json(notFoundBody(out.notFound), 404);
      if (route.cors) c.header('Access-Control-Allow-Origin', '*');
      if (out.header) c.header(out.header[0], out.header[1]);
      return c.json(out.body as object, (out.status ?? 200) as 200);
    });
  }
  // Hono has no 405 of its own: a catch-all per path answers the methods it lacks.
  for (const path of paths) app.all(path, (c) => c.json(methodNotAllowed(c.req.method), 405));
  app.notFound((c) => c.json(MISSING_TOKEN, 403));
  return handle(app) as unknown as Handler;
}

/** lambda-api. */
export function lambdaApiHandler(): Handler {
  const api = createAPI();
  for (const route of ROUTES) {
    const path = route.path.replace(/\{(\w+)\}/g, ':$1');
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    api[method](path, (req: ApiRequest, res: ApiResponse) => {
      const out: Output = route.run({
        params: req.params as Record<string, string>,
        query: req.query as Record<string, string>,
        body: req.body,
        userAgent: (req.headers['user-agent'] as string) ?? '',
      });
      if (out.notFound) return res.status(404).json(notFoundBody(out.notFound));
      if (route.cors) res.header('Access-Control-Allow-Origin', '*');
      if (out.header) res.header(out.header[0], out.header[1]);
      return res.status(out.status ?? 200).json(out.body);
    });
  }
  api.use((error: Error, req: ApiRequest, res: ApiResponse, next: () => void) => {
    if (error.name === 'RouteError') res.status(403).json(MISSING_TOKEN);
    else if (error.name === 'MethodError') res.status(405).json(methodNotAllowed(req.method));
    else next();
  });
  return (event, context) => api.run(event, context) as ReturnType<Handler>;
}

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** The limit: a hand-written `switch (event.resource)` with the same answers. */
export function switchHandler(): Handler {
  const byResource = new Map(ROUTES.map((r) => [r.path, [] as typeof ROUTES]));
  for (const r of ROUTES) byResource.get(r.path)!.push(r);
  return async (event) => {
    const candidates = byResource.get(event.resource);
    if (!candidates) return json(403, MISSING_TOKEN);
    let route;
    switch (event.httpMethod) {
      case 'GET':
      case 'POST':
      case 'PUT':
      case 'DELETE':
        route = candidates.find((r) => r.method === event.httpMethod);
    }
    if (!route) return json(405, methodNotAllowed(event.httpMethod));
    const input: Input = {
      params: event.pathParameters ?? {},
      query: event.queryStringParameters ?? {},
      body: event.body ? JSON.parse(event.body) : null,
      userAgent: event.headers['User-Agent'] ?? '',
    };
    const out = route.run(input);
    if (out.notFound) return json(404, notFoundBody(out.notFound));
    const headers: Record<string, string> = route.cors ? { 'Access-Control-Allow-Origin': '*' } : {};
    if (out.header) headers[out.header[0]] = out.header[1];
    return json(out.status ?? 200, out.body, headers);
  };
}

/** Every implementation, by name; the switch is the reference the others are measured against. */
export const IMPLEMENTATIONS: Record<string, () => Handler> = {
  switch: switchHandler,
  chalice: chaliceHandler,
  'lambda-api': lambdaApiHandler,
  hono: honoHandler,
};
