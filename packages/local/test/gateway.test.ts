import { AuthResponse, Chalice, CognitoUserPoolAuthorizer, IAMAuthorizer, Response } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LocalGateway, type LocalRequest } from '../src/index.ts';

const text = (body: Uint8Array) => new TextDecoder().decode(body);
const json = (body: Uint8Array) => JSON.parse(text(body));
const req = (method: string, url: string, headers: LocalRequest['headers'] = {}, body = ''): LocalRequest => ({
  method,
  url,
  headers,
  body: new TextEncoder().encode(body),
});

function makeApp() {
  const app = new Chalice({ appName: 'local' });
  app.route('/', () => ({ hello: 'world' }));
  app.route('/users/{name}', { methods: ['GET', 'PUT'], cors: true }, ({ name }, request) => ({
    name,
    method: request.method,
    query: request.queryParams,
    multi: request.multiValueQueryParams,
    body: request.method === 'PUT' ? request.jsonBody : null,
    stage: request.context.stage,
    path: request.context.path,
    sourceIp: (request.context.identity as { sourceIp: string }).sourceIp,
  }));
  app.route(
    '/bin',
    { methods: ['POST'], contentTypes: ['application/octet-stream'] },
    (_, request) => new Response({ body: request.rawBody, headers: { 'Content-Type': 'application/octet-stream' } }),
  );
  app.route('/cookies', () => new Response({ body: {}, headers: { 'Set-Cookie': ['a=1', 'b=2'] } }));
  app.route('/slow', async () => {
    await new Promise((r) => setTimeout(r, 200));
    return {};
  });
  const auth = app.authorizer({ ttlSeconds: 60 }, function demo_auth(request) {
    calls++;
    if (request.token === 'boom') throw new Error('authorizer bug');
    return new AuthResponse({ routes: request.token === 'allow' ? ['/secret'] : ['/elsewhere'], principalId: 'user-1', context: { plan: 'gold' } });
  });
  app.route('/secret', { authorizer: auth }, (_, request) => ({ authorizer: request.context.authorizer }));
  app.route('/iam', { authorizer: new IAMAuthorizer() }, () => ({ iam: true }));
  app.route('/pool', { authorizer: new CognitoUserPoolAuthorizer('Pool', { providerArns: ['arn:aws:cognito-idp:us-west-2:1:userpool/x'] }) }, (_, request) => ({
    claims: (request.context.authorizer as { claims: unknown }).claims,
  }));
  return app;
}
let calls = 0;
const quiet = { warn: () => {} };

test('routes a request, with query, multi-value query, JSON body, stage and source IP in the event', async () => {
  const gateway = new LocalGateway(makeApp(), quiet);
  const res = await gateway.handle({ ...req('PUT', '/users/al%20ice?tag=a&tag=b&x=1', { 'Content-Type': 'application/json' }, '{"n":1}'), sourceIp: '10.1.2.3' });
  assert.is(res.statusCode, 200);
  assert.equal(json(res.body), {
    name: 'al ice',
    method: 'PUT',
    query: { tag: 'b', x: '1' },
    multi: { tag: ['a', 'b'], x: ['1'] },
    body: { n: 1 },
    stage: 'api',
    path: '/api/users/al%20ice',
    sourceIp: '10.1.2.3',
  });
  assert.is(res.headers['Access-Control-Allow-Origin'], '*');
});

test('no route: 403 Missing Authentication Token, or the SigV4 message with an Authorization header', async () => {
  const gateway = new LocalGateway(makeApp(), quiet);
  const missing = await gateway.handle(req('GET', '/nope'));
  assert.is(missing.statusCode, 403);
  assert.equal(json(missing.body), { message: 'Missing Authentication Token' });
  assert.is(missing.headers['x-amzn-ErrorType'], 'MissingAuthenticationTokenException');
  const signed = await gateway.handle(req('GET', '/nope', { Authorization: 'abc' }));
  assert.is(signed.statusCode, 403);
  assert.match(json(signed.body).message, /^Authorization header requires 'Credential' parameter/);
  assert.is(signed.headers['x-amzn-ErrorType'], 'IncompleteSignatureException');
});

test('trailing slash, 405 and the CORS preflight', async () => {
  const gateway = new LocalGateway(makeApp(), quiet);
  assert.is((await gateway.handle(req('GET', '/users/bob/'))).statusCode, 200);
  assert.is((await gateway.handle(req('DELETE', '/users/bob'))).statusCode, 405);
  const preflight = await gateway.handle(req('OPTIONS', '/users/bob'));
  assert.is(preflight.statusCode, 200);
  assert.is(preflight.headers['Access-Control-Allow-Methods'], 'GET,PUT,OPTIONS');
});

test('binary bodies travel base64 both ways; repeated headers stay repeated', async () => {
  const gateway = new LocalGateway(makeApp(), quiet);
  const res = await gateway.handle({
    method: 'POST',
    url: '/bin',
    headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/octet-stream' },
    body: new Uint8Array([0xfe, 0xed, 0x00]),
  });
  assert.is(res.statusCode, 200);
  assert.equal([...res.body], [0xfe, 0xed, 0x00]);
  assert.equal((await gateway.handle(req('GET', '/cookies'))).headers['Set-Cookie'], ['a=1', 'b=2']);
});

test('limits: a body over the maximum is 413; a handler past the timeout is 504', async () => {
  const gateway = new LocalGateway(makeApp(), { ...quiet, maxBodyBytes: 10, timeoutMs: 50 });
  assert.is((await gateway.handle(req('PUT', '/users/x', { 'Content-Type': 'application/json' }, '{"long": "enough to pass ten bytes"}'))).statusCode, 413);
  const slow = await gateway.handle(req('GET', '/slow'));
  assert.is(slow.statusCode, 504);
  assert.equal(json(slow.body), { message: 'Endpoint request timed out' });
});

test('built-in authorizer: 401 without a token, 403 when the policy does not cover the route, context passed when it does, cached by TTL', async () => {
  const gateway = new LocalGateway(makeApp(), quiet);
  calls = 0;
  const none = await gateway.handle(req('GET', '/secret'));
  assert.is(none.statusCode, 401);
  assert.equal(json(none.body), { message: 'Unauthorized' });
  const denied = await gateway.handle(req('GET', '/secret', { Authorization: 'other' }));
  assert.is(denied.statusCode, 403);
  const allowed = await gateway.handle(req('GET', '/secret', { authorization: 'allow' }));
  assert.is(allowed.statusCode, 200);
  assert.equal(json(allowed.body), { authorizer: { plan: 'gold', principalId: 'user-1' } });
  await gateway.handle(req('GET', '/secret', { authorization: 'allow' }));
  assert.is(calls, 2, 'the second "allow" came from the cache');
  assert.is((await gateway.handle(req('GET', '/secret', { Authorization: 'boom' }))).statusCode, 500);
});

test('Cognito tokens are decoded into claims (with a warning); IAM passes with a warning', async () => {
  const warnings: string[] = [];
  const gateway = new LocalGateway(makeApp(), { warn: (m) => warnings.push(m) });
  const payload = Buffer.from(JSON.stringify({ sub: 'u-1', email: 'a@example.com' })).toString('base64url');
  const res = await gateway.handle(req('GET', '/pool', { Authorization: `header.${payload}.signature` }));
  assert.equal(json(res.body), { claims: { sub: 'u-1', email: 'a@example.com' } });
  assert.is((await gateway.handle(req('GET', '/pool'))).statusCode, 401);
  assert.is((await gateway.handle(req('GET', '/pool', { Authorization: 'not-a-jwt' }))).statusCode, 401);
  assert.is((await gateway.handle(req('GET', '/iam'))).statusCode, 200);
  assert.equal(warnings, ['Cognito authorizer "Pool": token claims are read locally, the signature is not verified', 'IAM authorizer "sigv4" is not run locally: requests pass']);
});

test("concurrent requests never see each other's currentRequest", async () => {
  const app = new Chalice({ appName: 'conc' });
  app.route('/w/{id}', async ({ id }) => {
    await new Promise((r) => setTimeout(r, id === '0' ? 30 : 5));
    return { id, seen: app.currentRequest?.uriParams?.id };
  });
  const gateway = new LocalGateway(app, quiet);
  const results = await Promise.all([0, 1, 2, 3].map((i) => gateway.handle(req('GET', `/w/${i}`))));
  results.forEach((r, i) => assert.equal(json(r.body), { id: String(i), seen: String(i) }));
});

test("API Gateway's answers: x-amzn-ErrorType on denials, 500 for an authorizer without a policy, API keys, 204 without a body", async () => {
  const app = new Chalice({ appName: 'answers' });
  const silent = app.authorizer(function silent_auth() {
    return undefined as unknown as AuthResponse;
  });
  const deny = app.authorizer(function deny_auth() {
    return new AuthResponse({ routes: [], principalId: 'p' });
  });
  app.route('/silent', { authorizer: silent }, () => ({}));
  app.route('/denied', { authorizer: deny }, () => ({}));
  app.route('/keyed', { apiKeyRequired: true }, () => ({ keyed: true }));
  app.route('/empty', () => new Response({ statusCode: 204, body: 'dropped' }));
  const warnings: string[] = [];
  const gateway = new LocalGateway(app, { warn: (line) => warnings.push(line) });
  const silentRes = await gateway.handle(req('GET', '/silent', { Authorization: 't' }));
  assert.is(silentRes.statusCode, 500);
  assert.equal(json(silentRes.body), { message: null });
  assert.is(silentRes.headers['x-amzn-ErrorType'], 'AuthorizerConfigurationException');
  assert.match(warnings.join('\n'), /silent_auth.*no valid policy/);
  const noToken = await gateway.handle(req('GET', '/denied'));
  assert.is(noToken.headers['x-amzn-ErrorType'], 'UnauthorizedException');
  const denied = await gateway.handle(req('GET', '/denied', { authorization: 't' }));
  assert.is(denied.statusCode, 403);
  assert.is(denied.headers['x-amzn-ErrorType'], 'AccessDeniedException');
  const keyless = await gateway.handle(req('GET', '/keyed'));
  assert.is(keyless.statusCode, 403);
  assert.equal(json(keyless.body), { message: 'Forbidden' });
  assert.equal(json((await gateway.handle(req('GET', '/keyed', { 'X-API-Key': 'any' }))).body), { keyed: true });
  const empty = await gateway.handle(req('GET', '/empty'));
  assert.is(empty.statusCode, 204);
  assert.is(empty.body.length, 0);
});

test("a response over Lambda's 6 MB payload limit is a 502, with a warning; request data named like Object.prototype members is plain data", async () => {
  const app = new Chalice({ appName: 'limits' });
  app.route('/huge', () => 'x'.repeat(6 * 1024 * 1024 + 200));
  app.route('/almost', () => 'x'.repeat(6 * 1024 * 1024 - 1024));
  app.route('/q', (_, request) => ({ query: Object.entries(request.queryParams ?? {}), proto: request.headers['__proto__'] ?? null }));
  const warnings: string[] = [];
  const gateway = new LocalGateway(app, { warn: (line) => warnings.push(line) });
  const huge = await gateway.handle(req('GET', '/huge'));
  assert.is(huge.statusCode, 502);
  assert.equal(json(huge.body), { message: 'Internal server error' });
  assert.match(warnings.join('\n'), /GET \/huge.*6 MB payload limit \(6291556 bytes\).*502/);
  assert.is((await gateway.handle(req('GET', '/almost'))).statusCode, 200);
  const q = await gateway.handle(req('GET', '/q?constructor=1&__proto__=x&constructor=2', { __proto__: 'p' } as LocalRequest['headers']));
  assert.equal(json(q.body), {
    query: [
      ['constructor', '2'],
      ['__proto__', 'x'],
    ],
    proto: null,
  });
  const headers = JSON.parse('{"__proto__":"p"}');
  assert.equal(json((await gateway.handle(req('GET', '/q', headers))).body).proto, 'p');
});

test('sibling routes whose parameters differ in name are refused when the gateway is made', () => {
  const app = new Chalice({ appName: 'siblings' });
  app.route('/a/{x}', () => 1);
  app.route('/a/{y}/b', () => 2);
  assert.throws(() => new LocalGateway(app), /"\/a\/\{y\}\/b".*\{x\}/);
});

test.run();
