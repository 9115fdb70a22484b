import { gunzipSync } from 'node:zlib';
import { lambdaContext, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

test('the JSON arrives gzipped, base64 on the wire', async () => {
  const result = await app.handler(restEvent({ resource: '/', headers: { Accept: 'application/json' } }), lambdaContext());
  assert.is(result.statusCode, 200);
  assert.is(result.isBase64Encoded, true);
  assert.is(result.headers['Content-Encoding'], 'gzip');
  assert.equal(JSON.parse(gunzipSync(Buffer.from(result.body, 'base64')).toString('utf8')), { hello: 'world' });
});

test.run();
