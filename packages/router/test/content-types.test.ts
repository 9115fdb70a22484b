import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Chalice, matchesContentType } from '../src/index.ts';
import { invoke, json } from './helpers.ts';

test("matchesContentType follows Chalice's rules", () => {
  assert.ok(matchesContentType('application/json', ['application/json']));
  assert.ok(matchesContentType('Application/JSON; charset=utf-8', ['application/json']));
  assert.ok(matchesContentType('text/html, image/png;q=0.9', ['image/png']));
  assert.ok(matchesContentType('*/*', ['image/png']));
  assert.ok(matchesContentType('text/plain', ['*/*']));
  assert.not.ok(matchesContentType('application/jsonx', ['application/json']));
  assert.not.ok(matchesContentType('text/plain', ['application/json']));
});

test('only application/json by default: another type is 415; no type counts as JSON', async () => {
  const app = new Chalice({ appName: 'ct' });
  app.route('/', { methods: ['POST'] }, () => ({ ok: true }));
  const bad = await invoke(app, { resource: '/', method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
  assert.is(bad.statusCode, 415);
  assert.equal(json(bad), { Code: 'UnsupportedMediaType', Message: 'Unsupported media type: text/plain' });
  const none = await invoke(app, { resource: '/', method: 'POST', body: '{}' });
  assert.is(none.statusCode, 200);
});

test('contentTypes lets other types in and keeps JSON out', async () => {
  const app = new Chalice({ appName: 'ct2' });
  app.route('/', { methods: ['POST'], contentTypes: ['application/x-www-form-urlencoded'] }, (_, r) => ({
    states: new URLSearchParams(new TextDecoder().decode(r.rawBody)).getAll('states'),
  }));
  const form = await invoke(app, {
    resource: '/',
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: 'states=WA&states=CA',
  });
  assert.equal(json(form), { states: ['WA', 'CA'] });
  const asJson = await invoke(app, { resource: '/', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.is(asJson.statusCode, 415);
});

test.run();
