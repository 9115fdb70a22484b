import { Hono, type Context } from 'hono';
import { handle } from 'hono/aws-lambda';
import { colonPath, CORS_ORIGIN, MISSING_TOKEN, methodNotAllowed, notFoundBody, ROUTES, type Input } from '../routes.ts';
import type { Handler } from './handler.ts';

class HonoInput implements Input {
  constructor(
    private readonly c: Context,
    private readonly json: unknown,
  ) {}
  param(name: string): string {
    return this.c.req.param(name)!;
  }
  query(name: string): string | undefined {
    return this.c.req.query(name);
  }
  body(): any {
    return this.json;
  }
  userAgent(): string {
    return this.c.req.header('user-agent') ?? '';
  }
}

/** Hono with its `hono/aws-lambda` adapter, answering unknown paths and methods as API Gateway and Chalice do. */
export function honoHandler(): Handler {
  const app = new Hono();
  const paths = new Set<string>();
  for (const route of ROUTES) {
    const path = colonPath(route.path);
    paths.add(path);
    const hasBody = route.method === 'POST' || route.method === 'PUT';
    app.on(route.method, path, async (c) => {
      // Hono reads the body asynchronously: only the routes that use it pay for that.
      const out = route.run(new HonoInput(c, hasBody ? await c.req.json() : null));
      if (out.notFound) return c.json(notFoundBody(out.notFound), 404);
      if (route.cors) c.header(...CORS_ORIGIN);
      if (out.header) c.header(out.header[0], out.header[1]);
      return c.json(out.body as object, (out.status ?? 200) as 200);
    });
  }
  // Hono has no 405 of its own: a catch-all per path, registered after the routes, answers the
  // methods the path lacks.
  for (const path of paths) app.all(path, (c) => c.json(methodNotAllowed(c.req.method), 405));
  app.notFound((c) => c.json(MISSING_TOKEN, 403));
  return handle(app) as unknown as Handler;
}
