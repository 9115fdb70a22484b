import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as router from '../src/index.ts';
import { Chalice } from '../src/index.ts';
import { captureConsole, invoke, json } from './helpers.ts';

const EXPECTED: Array<[keyof typeof router, number]> = [
  ['BadRequestError', 400],
  ['UnauthorizedError', 401],
  ['ForbiddenError', 403],
  ['NotFoundError', 404],
  ['MethodNotAllowedError', 405],
  ['RequestTimeoutError', 408],
  ['ConflictError', 409],
  ['UnsupportedMediaType', 415],
  ['UnprocessableEntityError', 422],
  ['TooManyRequestsError', 429],
  ['ChaliceViewError', 500],
];

for (const [name, status] of EXPECTED) {
  test(`${name} answers ${status} with {Code, Message}, sync and async`, async () => {
    const ErrorClass = router[name] as new (m: string) => Error;
    const app = new Chalice({ appName: 'errs' });
    app.route('/sync', () => {
      throw new ErrorClass('went wrong');
    });
    app.route('/async', async () => {
      await Promise.resolve();
      throw new ErrorClass('went wrong later');
    });
    const sync = await invoke(app, { resource: '/sync' });
    assert.is(sync.statusCode, status);
    assert.equal(json(sync), { Code: name, Message: 'went wrong' });
    const later = await invoke(app, { resource: '/async' });
    assert.is(later.statusCode, status);
    assert.equal(json(later), { Code: name, Message: 'went wrong later' });
  });
}

test('an uncaught error is a logged 500 InternalServerError', async () => {
  const app = new Chalice({ appName: 'boom' });
  app.route('/cities/{city}', function state_of_city({ city }) {
    return ({} as Record<string, { state: string }>)[city]!.state;
  });
  const { lines, value } = await captureConsole(() => invoke(app, { resource: '/cities/{city}', pathParameters: { city: 'vancouver' } }));
  assert.is(value.statusCode, 500);
  assert.equal(json(value), { Code: 'InternalServerError', Message: 'An internal server error occurred.' });
  assert.ok(lines.some((l) => l.startsWith('boom - ERROR - Caught exception for view "state_of_city"') && l.includes('TypeError')));
});

test('with app.debug the 500 body is the stack trace as text/plain', async () => {
  const app = new Chalice({ appName: 'dbg' });
  app.debug = true;
  app.route('/', async function failing() {
    throw new RangeError('deep trouble');
  });
  const { value } = await captureConsole(() => invoke(app, { resource: '/' }));
  assert.is(value.statusCode, 500);
  assert.is(value.headers['Content-Type'], 'text/plain');
  assert.match(value.body, /RangeError: deep trouble\n\s+at .*failing/);
});

test('a thrown non-Error value is still a 500', async () => {
  const app = new Chalice({ appName: 'weird' });
  app.route('/', () => {
    throw 'just a string';
  });
  const { value } = await captureConsole(() => invoke(app, { resource: '/' }));
  assert.is(value.statusCode, 500);
});

test('error classes keep their code after minification: code is explicit', () => {
  const e = new router.NotFoundError('k');
  assert.is(e.code, 'NotFoundError');
  assert.is(e.statusCode, 404);
  assert.instance(e, router.ChaliceViewError);
  assert.instance(e, Error);
});

test.run();
