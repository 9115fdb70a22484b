import { recordedEvent, restEvent } from '@chalice/fixtures';
import { ROUTES } from './routes.ts';

const IDS = ['1', '42', 'ann', 'x-9', 'missing'];

// The recorded event's headers (Host, X-Forwarded-*, X-Amzn-Trace-Id, ...): a router that scans
// headers (for Content-Type, say) should meet as many as a deployed API sends it.
const RECORDED_HEADERS: Record<string, string> = recordedEvent('rest-get').headers;

/**
 * 240 REST v1 proxy events shaped like the recorded one: every route ten times with several
 * parameter values, JSON bodies and query strings, 404s the views raise, 405s (a method the
 * path lacks) and paths no route has (403).
 */
export function benchmarkEvents(): any[] {
  const events: any[] = [];
  for (let round = 0; round < 10; round++) {
    const headers = { ...RECORDED_HEADERS, 'User-Agent': `bench/${round}` };
    for (const [index, route] of ROUTES.entries()) {
      // Over the ten rounds each route sees every id twice, `missing` included.
      const id = IDS[(round + index) % IDS.length]!;
      const pathParameters: Record<string, string> = {};
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) pathParameters[name!] = name === 'postId' ? String(round) : id;
      const hasBody = route.method === 'POST' || route.method === 'PUT';
      events.push(
        restEvent({
          resource: route.path,
          method: route.method,
          pathParameters: Object.keys(pathParameters).length ? pathParameters : null,
          headers: hasBody ? { ...headers, 'Content-Type': 'application/json' } : headers,
          ...(route.path === '/users' || route.path === '/search' ? { query: { limit: String(1 + (round % 3)), q: `term${round}` } } : {}),
          body: hasBody ? JSON.stringify({ name: `n${round}`, text: 'great', extra: round }) : null,
        }),
      );
    }
    events.push(restEvent({ resource: '/users/{id}', method: 'PATCH', pathParameters: { id: '7' }, headers }));
    events.push(restEvent({ resource: '/items', method: 'DELETE', headers }));
    events.push(restEvent({ resource: '/nowhere/{x}', path: `/nowhere/${round}`, pathParameters: { x: String(round) }, headers }));
    events.push(restEvent({ resource: '/users/{id}/unknown', path: '/users/1/unknown', headers }));
  }
  // API Gateway never sends a resource the API lacks; a path no route has arrives on a greedy
  // resource (`/{proxy+}`) the app does not handle, which all four answer with a 403.
  for (const e of events) if (!ROUTES.some((r) => r.path === e.resource)) e.requestContext.resourcePath = e.resource = '/{proxy+}';
  return events;
}
