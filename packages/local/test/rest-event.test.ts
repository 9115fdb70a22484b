import { recordedEvent } from '@chalice/fixtures';
import { Chalice, matchRoute } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { restEventFor, splitUrl } from '../src/rest-event.ts';

const app = new Chalice({ appName: 'shape' });
app.route('/users/{name}', () => ({}));
app.route('/bin', { methods: ['POST'], contentTypes: ['application/octet-stream'] }, () => ({}));

const build = (method: string, url: string, headers: Record<string, string | string[]>, body = new Uint8Array()) =>
  restEventFor({ method, url, headers, body, sourceIp: '203.0.113.7' }, matchRoute(app.routes, splitUrl(url).path)!, {
    apiGatewayStage: 'api',
    isBinaryType: (t) => app.isBinaryType(t),
  });

test("the local event has the recorded API Gateway event's shape", () => {
  const recorded = recordedEvent('rest-get');
  const local = build('GET', '/users/bob?include-greeting=true&tag=a&tag=b', { 'X-TestHeader': 'Foo', 'User-Agent': 'curl/8.5.0' });
  assert.equal(Object.keys(local).sort(), Object.keys(recorded).sort());
  for (const key of ['resourcePath', 'httpMethod', 'path', 'stage', 'requestId', 'identity', 'apiId', 'domainName', 'requestTimeEpoch', 'requestTime', 'protocol']) {
    assert.ok(key in local.requestContext, `requestContext.${key}`);
  }
  for (const key of Object.keys(recorded.requestContext.identity)) {
    if (key !== 'principalOrgId') assert.ok(key in (local.requestContext.identity as object), `identity.${key}`);
  }
  assert.equal(local.pathParameters, recorded.pathParameters);
  assert.equal(local.queryStringParameters, recorded.queryStringParameters);
  assert.equal(local.multiValueQueryStringParameters, recorded.multiValueQueryStringParameters);
  assert.is(local.resource, recorded.resource);
  assert.is(local.path, recorded.path);
  assert.is(local.requestContext.path, recorded.requestContext.path);
  assert.match(local.requestContext.requestTime as string, /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
});

test('a binary body matches the recorded binary event; repeated headers keep every value', () => {
  const recorded = recordedEvent('rest-post-binary');
  const local = build('POST', '/bin', { 'Content-Type': 'application/octet-stream', Accept: 'application/octet-stream', 'X-Many': ['1', '2'] }, new Uint8Array([0xfe, 0xed]));
  assert.is(local.body, recorded.body);
  assert.is(local.isBase64Encoded, true);
  assert.equal(local.multiValueHeaders?.['X-Many'], ['1', '2']);
  assert.is(local.headers?.['X-Many'], '2');
});

test.run();
