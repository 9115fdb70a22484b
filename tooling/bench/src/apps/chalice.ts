import { Chalice, NotFoundError, Response, type Request } from '@chalice/router';
import { ROUTES, type Input } from '../routes.ts';
import type { Handler } from './handler.ts';

class ChaliceInput implements Input {
  constructor(
    private readonly params: Record<string, string>,
    private readonly request: Request,
  ) {}
  param(name: string): string {
    return this.params[name]!;
  }
  query(name: string): string | undefined {
    return this.request.queryParams?.[name];
  }
  body(): any {
    return this.request.jsonBody;
  }
  userAgent(): string {
    return this.request.headers['user-agent'] ?? '';
  }
}

/**
 * Chalice for TypeScript: one `app.route` per route, every feature on (content-type checks,
 * CORS, binary checks, `currentRequest`, the error mapping), exported as `app.handler`.
 */
export function chaliceHandler(): Handler {
  const app = new Chalice({ appName: 'bench' });
  for (const route of ROUTES) {
    const options = { methods: [route.method], cors: route.cors ?? false, name: `${route.method}${route.path}` };
    app.route(route.path, options, (params, request) => {
      const out = route.run(new ChaliceInput(params, request));
      if (out.notFound) throw new NotFoundError(out.notFound);
      if (out.status || out.header) {
        const headers = out.header ? { [out.header[0]]: out.header[1] } : {};
        return new Response({ statusCode: out.status ?? 200, body: out.body, headers });
      }
      return out.body;
    });
  }
  return app.handler;
}
