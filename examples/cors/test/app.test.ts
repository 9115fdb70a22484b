import { lambdaContext, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

const call = (resource: string, method: string, headers: Record<string, string> = {}) => app.handler(restEvent({ resource, method, headers }), lambdaContext());

test('cors: true adds Allow-Origin *, and OPTIONS gets the preflight answer', async () => {
  assert.is((await call('/supports-cors', 'PUT')).headers['Access-Control-Allow-Origin'], '*');
  const preflight = await call('/supports-cors', 'OPTIONS');
  assert.is(preflight.statusCode, 200);
  assert.is(preflight.headers['Access-Control-Allow-Methods'], 'PUT,OPTIONS');
  assert.is(preflight.headers['Access-Control-Allow-Headers'], 'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key');
});

test('a CORSConfig sends each of its headers', async () => {
  const headers = (await call('/custom-cors', 'GET')).headers;
  assert.is(headers['Access-Control-Allow-Origin'], 'https://foo.example.com');
  assert.is(headers['Access-Control-Allow-Headers'], 'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key,X-Special-Header');
  assert.is(headers['Access-Control-Expose-Headers'], 'X-Special-Header');
  assert.is(headers['Access-Control-Max-Age'], '600');
  assert.is(headers['Access-Control-Allow-Credentials'], 'true');
});

test('several origins handled by hand', async () => {
  const allowed = await call('/cors_multiple_origins', 'OPTIONS', { Origin: 'http://allowed2.example.com' });
  assert.is(allowed.headers['Access-Control-Allow-Origin'], 'http://allowed2.example.com');
  const other = await call('/cors_multiple_origins', 'OPTIONS', { Origin: 'http://evil.example.com' });
  assert.is(other.headers['Access-Control-Allow-Origin'], 'http://allowed1.example.com,http://allowed2.example.com');
  assert.is((await call('/cors_multiple_origins', 'GET')).body, 'Foo');
});

test.run();
