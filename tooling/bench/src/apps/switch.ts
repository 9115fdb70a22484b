import { CORS_ORIGIN, MISSING_TOKEN, methodNotAllowed, notFoundBody, ROUTE, type Input, type RouteDef } from '../routes.ts';
import type { Handler, ProxyAnswer } from './handler.ts';

class EventInput implements Input {
  constructor(private readonly event: any) {}
  param(name: string): string {
    return this.event.pathParameters[name];
  }
  query(name: string): string | undefined {
    return this.event.queryStringParameters?.[name];
  }
  body(): any {
    return this.event.body ? JSON.parse(this.event.body) : null;
  }
  userAgent(): string {
    const headers = this.event.headers;
    return headers['User-Agent'] ?? headers['user-agent'] ?? '';
  }
}

function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ProxyAnswer {
  headers['Content-Type'] = 'application/json';
  return { statusCode, headers, body: JSON.stringify(body) };
}

function answer(route: RouteDef, event: any): ProxyAnswer {
  const out = route.run(new EventInput(event));
  if (out.notFound) return json(404, notFoundBody(out.notFound));
  const headers: Record<string, string> = route.cors ? { [CORS_ORIGIN[0]]: CORS_ORIGIN[1] } : {};
  if (out.header) headers[out.header[0]] = out.header[1];
  return json(out.status ?? 200, out.body, headers);
}

/**
 * The limit: what someone would write by hand for these 20 routes, `switch (event.resource)`
 * then a method check, with no framework at all. It trusts API Gateway completely (no content
 * type, binary or header checks), so every framework feature is measured against nothing.
 */
export function switchHandler(): Handler {
  return async (event) => {
    const m = event.httpMethod;
    let route: RouteDef | undefined;
    switch (event.resource) {
      case '/':
        route = m === 'GET' ? ROUTE.root : undefined;
        break;
      case '/health':
        route = m === 'GET' ? ROUTE.health : undefined;
        break;
      case '/users':
        route = m === 'GET' ? ROUTE.listUsers : m === 'POST' ? ROUTE.createUser : undefined;
        break;
      case '/users/{id}':
        route = m === 'GET' ? ROUTE.getUser : m === 'PUT' ? ROUTE.putUser : m === 'DELETE' ? ROUTE.deleteUser : undefined;
        break;
      case '/users/{id}/posts':
        route = m === 'GET' ? ROUTE.userPosts : undefined;
        break;
      case '/users/{id}/posts/{postId}':
        route = m === 'GET' ? ROUTE.userPost : undefined;
        break;
      case '/items':
        route = m === 'GET' ? ROUTE.listItems : undefined;
        break;
      case '/items/{sku}':
        route = m === 'GET' ? ROUTE.getItem : undefined;
        break;
      case '/items/{sku}/reviews':
        route = m === 'POST' ? ROUTE.addReview : undefined;
        break;
      case '/search':
        route = m === 'GET' ? ROUTE.search : undefined;
        break;
      case '/headers/echo':
        route = m === 'GET' ? ROUTE.echoAgent : undefined;
        break;
      case '/cors/data':
        route = m === 'GET' ? ROUTE.getCors : m === 'PUT' ? ROUTE.putCors : undefined;
        break;
      case '/orders/{orderId}':
        route = m === 'GET' ? ROUTE.getOrder : undefined;
        break;
      case '/orders/{orderId}/items':
        route = m === 'GET' ? ROUTE.orderItems : undefined;
        break;
      case '/status/custom':
        route = m === 'GET' ? ROUTE.custom : undefined;
        break;
      case '/v1/ping':
        route = m === 'GET' ? ROUTE.ping : undefined;
        break;
      default:
        return json(403, MISSING_TOKEN);
    }
    if (!route) return json(405, methodNotAllowed(m));
    return answer(route, event);
  };
}
