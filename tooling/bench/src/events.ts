import { restEvent } from '@chalice/fixtures';
import { ROUTES } from './routes.ts';

const IDS = ['1', '42', 'ann', 'x-9', 'missing'];

/**
 * About 250 REST v1 proxy events shaped like the recorded one: every route with several
 * parameter values, JSON bodies and query strings, 404s the views raise, 405s (a method the
 * path lacks) and paths no route has (403).
 */
export function benchmarkEvents(): any[] {
  const events: any[] = [];
  for (let round = 0; round < 10; round++) {
    for (const route of ROUTES) {
      const id = IDS[(round + events.length) % IDS.length]!;
      const pathParameters: Record<string, string> = {};
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) pathParameters[name!] = name === 'postId' ? String(round) : id;
      const hasBody = route.method === 'POST' || route.method === 'PUT';
      events.push(
        restEvent({
          resource: route.path,
          method: route.method,
          pathParameters: Object.keys(pathParameters).length ? pathParameters : null,
          headers: { Accept: '*/*', 'User-Agent': `bench/${round}`, ...(hasBody ? { 'Content-Type': 'application/json' } : {}) },
          ...(route.path === '/users' || route.path === '/search' ? { query: { limit: String(1 + (round % 3)), q: `term${round}` } } : {}),
          body: hasBody ? JSON.stringify({ name: `n${round}`, text: 'great', extra: round }) : null,
        }),
      );
    }
    events.push(restEvent({ resource: '/users/{id}', method: 'PATCH', pathParameters: { id: '7' } }));
    events.push(restEvent({ resource: '/items', method: 'DELETE' }));
    events.push(restEvent({ resource: '/nowhere/{x}', path: `/nowhere/${round}`, pathParameters: { x: String(round) } }));
    events.push(restEvent({ resource: '/users/{id}/unknown', path: '/users/1/unknown' }));
  }
  // The recorded resource of an unknown path is not one of the app's: make it so for all.
  for (const e of events) if (!ROUTES.some((r) => r.path === e.resource)) e.requestContext.resourcePath = e.resource = '/{proxy+}';
  return events;
}
