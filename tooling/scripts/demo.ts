// `npm start`: runs the hello-world example through the router with recorded API Gateway
// events and prints each answer. (`chalice local` will serve it over HTTP.)
import { lambdaContext, restEvent } from '@chalice/fixtures';
import { proxyHandler } from '@chalice/router';
import { app } from '../../examples/hello-world/app.ts';

const requests = [
  { resource: '/', path: '/' },
  { resource: '/{proxy+}', path: '/cities/seattle' },
  { resource: '/{proxy+}', path: '/cities/vancouver' },
  { resource: '/{proxy+}', path: '/nowhere' },
];

const handler = proxyHandler(app);
console.log(`App "${app.appName}": ${app.routes.size} route(s)\n`);
for (const input of requests) {
  const result = await handler(restEvent(input), lambdaContext());
  console.log(`GET ${input.path} -> ${result.statusCode} ${result.body}`);
}
