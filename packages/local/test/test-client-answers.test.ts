import { type AuthResponse, Chalice, Response } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TestClient } from '../src/index.ts';

// The test client goes through the same gateway as `chalice local`: API Gateway's answers hold there too.
test("the test client gets API Gateway's answers as chalice local does", async () => {
  const app = new Chalice({ appName: 'answers' });
  const silent = app.authorizer(function silent_auth() {
    return undefined as unknown as AuthResponse;
  });
  app.route('/silent', { authorizer: silent }, () => ({}));
  app.route('/keyed', { apiKeyRequired: true }, () => ({ keyed: true }));
  app.route('/empty', () => new Response({ statusCode: 204, body: 'dropped' }));
  app.route('/query', (_, request) => Object.entries(request.queryParams ?? {}));
  using client = new TestClient(app);
  const denied = await client.http.get('/silent', { headers: { Authorization: 'token' } });
  assert.is(denied.statusCode, 500);
  assert.is(denied.headers['x-amzn-ErrorType'], 'AuthorizerConfigurationException');
  assert.is((await client.http.get('/keyed')).statusCode, 403);
  assert.equal((await client.http.get('/keyed', { headers: { 'x-api-key': 'k' } })).json(), { keyed: true });
  assert.is((await client.http.get('/empty')).text, '');
  assert.equal((await client.http.get('/query?constructor=1&__proto__=2')).json(), [
    ['constructor', '1'],
    ['__proto__', '2'],
  ]);
});

test.run();
