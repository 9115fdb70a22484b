import createAPI, { type Request as ApiRequest, type Response as ApiResponse } from 'lambda-api';
import { colonPath, CORS_ORIGIN, MISSING_TOKEN, methodNotAllowed, notFoundBody, ROUTES, type Input } from '../routes.ts';
import type { Handler } from './handler.ts';

class LambdaApiInput implements Input {
  constructor(private readonly req: ApiRequest) {}
  param(name: string): string {
    return this.req.params[name]!;
  }
  query(name: string): string | undefined {
    return this.req.query[name];
  }
  body(): any {
    return this.req.body;
  }
  userAgent(): string {
    return (this.req.headers['user-agent'] as string | undefined) ?? '';
  }
}

/** lambda-api, answering unknown paths and methods as API Gateway and Chalice do. */
export function lambdaApiHandler(): Handler {
  const api = createAPI();
  for (const route of ROUTES) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    api[method](colonPath(route.path), (req: ApiRequest, res: ApiResponse) => {
      const out = route.run(new LambdaApiInput(req));
      if (out.notFound) return res.status(404).json(notFoundBody(out.notFound));
      if (route.cors) res.header(...CORS_ORIGIN);
      if (out.header) res.header(out.header[0], out.header[1]);
      return res.status(out.status ?? 200).json(out.body);
    });
  }
  // lambda-api raises RouteError (no such path) and MethodError (no such method) to error middleware.
  api.use((error: Error, req: ApiRequest, res: ApiResponse, next: () => void) => {
    if (error.name === 'RouteError') res.status(403).json(MISSING_TOKEN);
    else if (error.name === 'MethodError') res.status(405).json(methodNotAllowed(req.method));
    else next();
  });
  return (event, context) => api.run(event, context) as ReturnType<Handler>;
}
