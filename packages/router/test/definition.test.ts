import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Chalice, CORSConfig, DefinitionError } from '../src/index.ts';

const fails = (fn: () => unknown, pattern: RegExp) => {
  try {
    fn();
  } catch (error) {
    assert.instance(error, DefinitionError);
    assert.match((error as Error).message, pattern);
    return;
  }
  assert.unreachable(`expected a DefinitionError matching ${pattern}`);
};
const noop = () => ({});

test('paths: charset, captures, trailing slash, empty, leading slash', () => {
  const app = new Chalice({ appName: 'defs' });
  fails(() => app.route('/users/', noop), /Route cannot end with a trailing slash: \/users\//);
  fails(() => app.route('/a b', noop), /segment "a b" may only contain the characters/);
  fails(() => app.route('/a/{b}c', noop), /segment "\{b\}c"/);
  fails(() => app.route('/a/{b}/{b}', noop), /\{b\} appears twice/);
  fails(() => app.route('', noop), /empty string/);
  fails(() => app.route('users', noop), /must start with "\/"/);
  fails(() => app.route('/{rest+}/x', noop), /greedy parameter \{rest\+\} must be the last segment/);
  app.route('/', noop);
  app.route('/v1.0/my_items-x/{id}', noop);
  assert.is(app.routes.size, 2);
});

test('errors name the route and the view', () => {
  const app = new Chalice({ appName: 'defs' });
  fails(() => app.route('/bad path', function my_view() {}), /Route "\/bad path" \(view "my_view"\)/);
});

test('a method registered twice on one path', () => {
  const app = new Chalice({ appName: 'defs' });
  app.route('/myview', { methods: ['POST', 'PUT'] }, function myview_post() {});
  fails(
    () => app.route('/myview', { methods: ['PUT'] }, function myview_put() {}),
    /Duplicate method: 'PUT' detected for route: '\/myview' between views "myview_post" and "myview_put"/,
  );
  assert.equal(Object.keys(app.routes.get('/myview')!.methods), ['POST', 'PUT'], 'nothing half-registered');
});

test('two views of one path with the same name', () => {
  const app = new Chalice({ appName: 'defs' });
  app.route('/myview', { methods: ['POST'] }, function myview() {});
  fails(() => app.route('/myview', { methods: ['PUT'] }, function myview() {}), /already named "myview"/);
});

test('two CORS configurations on one path, and OPTIONS together with cors', () => {
  const app = new Chalice({ appName: 'defs' });
  app.route('/c', { methods: ['GET'], cors: true }, function c_get() {});
  fails(
    () => app.route('/c', { methods: ['PUT'], cors: new CORSConfig({ allowOrigin: 'https://foo.example.com' }) }, function c_put() {}),
    /multiple differing CORS configurations/,
  );
  fails(() => app.route('/c', { methods: ['OPTIONS'] }, function c_options() {}), /both cors and an OPTIONS view/);
  fails(() => app.route('/d', { methods: ['GET', 'OPTIONS'], cors: true }, noop), /both cors and an OPTIONS view/);
});

test('binary and non-binary content types mixed on one route', () => {
  const app = new Chalice({ appName: 'defs' });
  fails(
    () => app.route('/m', { methods: ['POST'], contentTypes: ['application/octet-stream', 'application/json'] }, noop),
    /application\/octet-stream are binary and application\/json are not/,
  );
  app.route('/b', { methods: ['POST'], contentTypes: ['application/octet-stream', 'image/png'] }, noop);
});

test('non-route handlers need a name, unique across the app', () => {
  const app = new Chalice({ appName: 'defs' });
  fails(() => app.lambdaFunction(() => ({})), /give this handler a name/);
  fails(() => app.schedule('rate(1 hour)', () => {}), /give this handler a name/);
  app.lambdaFunction({ name: 'MyFunction' }, () => ({}));
  fails(() => app.onSnsMessage({ topic: 't', name: 'MyFunction' }, () => {}), /Duplicate function name detected: MyFunction/);
  fails(() => app.lambdaFunction({ name: 'api_handler' }, () => ({})), /reserved/);
  fails(() => app.lambdaFunction({ name: 'bad name' }, () => ({})), /may only contain letters, digits/);
});

test('the app name is validated', () => {
  fails(() => new Chalice({ appName: '' }), /appName/);
  fails(() => new Chalice({ appName: 'has space' }), /appName/);
});

test('one websocket handler per kind', () => {
  const app = new Chalice({ appName: 'defs' });
  app.onWsMessage(function message() {});
  fails(() => app.onWsMessage(function other() {}), /Duplicate websocket handler detected: websocket_message/);
});

test.run();
