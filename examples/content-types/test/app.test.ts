import { lambdaContext, restEvent } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

const post = (contentType: string, body: string) => app.handler(restEvent({ resource: '/', method: 'POST', headers: { 'Content-Type': contentType }, body }), lambdaContext());

test('a form body is parsed from rawBody', async () => {
  const result = await post('application/x-www-form-urlencoded; charset=utf-8', 'states=WA&states=CA');
  assert.is(result.statusCode, 200);
  assert.equal(JSON.parse(result.body), { states: ['WA', 'CA'] });
});

test('JSON is refused with 415', async () => {
  const result = await post('application/json', '{"states": ["WA"]}');
  assert.is(result.statusCode, 415);
  assert.equal(JSON.parse(result.body), { Code: 'UnsupportedMediaType', Message: 'Unsupported media type: application/json' });
});

test.run();
