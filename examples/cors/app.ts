import { Chalice, CORSConfig, Response } from '@chalice/router';

export const app = new Chalice({ appName: 'cors' });

app.route('/supports-cors', { methods: ['PUT'], cors: true }, function supports_cors() {
  return {};
});

const corsConfig = new CORSConfig({
  allowOrigin: 'https://foo.example.com',
  allowHeaders: ['X-Special-Header'],
  maxAge: 600,
  exposeHeaders: ['X-Special-Header'],
  allowCredentials: true,
});

app.route('/custom-cors', { methods: ['GET'], cors: corsConfig }, function supports_custom_cors() {
  return { cors: true };
});

// Several origins: answer OPTIONS yourself and echo back the one that is allowed.
const ALLOWED_ORIGINS = new Set(['http://allowed1.example.com', 'http://allowed2.example.com']);

app.route('/cors_multiple_origins', { methods: ['GET', 'OPTIONS'] }, function supports_cors_multiple_origins(_, request) {
  if (request.method === 'OPTIONS') {
    const headers: Record<string, string> = {
      'Access-Control-Allow-Method': 'GET,OPTIONS',
      'Access-Control-Allow-Origin': [...ALLOWED_ORIGINS].join(','),
      'Access-Control-Allow-Headers': 'X-Some-Header',
    };
    const origin = request.headers.origin ?? '';
    if (ALLOWED_ORIGINS.has(origin)) headers['Access-Control-Allow-Origin'] = origin;
    return new Response({ body: null, headers });
  }
  return 'Foo';
});
