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
  fails(() => app.route('/users/', noop), /Route "\/users\/" \(view noop\): a route cannot end with a trailing slash/);
  fails(() => app.route('/a b', noop), /segment "a b" may only use \[a-zA-Z0-9._-\] or be a whole \{param\}/);
  fails(() => app.route('/a/{b}c', noop), /segment "\{b\}c"/);
  fails(() => app.route('/a/{b}/{b}', noop), /\{b\} appears twice/);
  fails(() => app.route('', noop), /must start with "\/"/);
  fails(() => app.route('users', noop), /must start with "\/"/);
  fails(() => app.route('/{rest+}/x', noop), /\{rest\+\} must be the last segment/);
  app.route('/', noop);
  app.route('/v1.0/my_items-x/{id}', noop);
  assert.is(app.routes.size, 2);
});

test('errors name the route and the view', () => {
  const app = new Chalice({ appName: 'defs' });
  fails(() => app.route('/bad path', function my_view() {}), /Route "\/bad path" \(view my_view\)/);
});

test('a method registered twice on one path', () => {
  const app = new Chalice({ appName: 'defs' });
  app.route('/myview', { methods: ['POST', 'PUT'] }, function myview_post() {});
  fails(() => app.route('/myview', { methods: ['PUT'] }, function myview_put() {}), /Route "\/myview" \(view myview_put\): PUT is already handled by view myview_post/);
  assert.equal(Object.keys(app.routes.get('/myview')!.methods), ['POST', 'PUT'], 'nothing half-registered');
});

test('two views of one path with the same name', () => {
  const app = new Chalice({ appName: 'defs' });
  app.route('/myview', { methods: ['POST'] }, function myview() {});
  fails(() => app.route('/myview', { methods: ['PUT'] }, function myview() {}), /another view of this path has the same name/);
});

test('two CORS configurations on one path, and OPTIONS together with cors', () => {
  const app = new Chalice({ appName: 'defs' });
  app.route('/c', { methods: ['GET'], cors: true }, function c_get() {});
  fails(() => app.route('/c', { methods: ['PUT'], cors: new CORSConfig({ allowOrigin: 'https://foo.example.com' }) }, function c_put() {}), /differing CORS configurations/);
  fails(() => app.route('/c', { methods: ['OPTIONS'] }, function c_options() {}), /cors cannot be combined with an OPTIONS view/);
  fails(() => app.route('/d', { methods: ['GET', 'OPTIONS'], cors: true }, noop), /cors cannot be combined with an OPTIONS view/);
});

test('binary and non-binary content types mixed on one route', () => {
  const app = new Chalice({ appName: 'defs' });
  fails(
    () => app.route('/m', { methods: ['POST'], contentTypes: ['application/octet-stream', 'application/json'] }, noop),
    /contentTypes mix binary \(application\/octet-stream\) and non-binary types/,
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
