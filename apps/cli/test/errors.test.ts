import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { reportError, UserError } from '../src/errors.ts';

const report = (error: unknown, debug: boolean) => {
  let text = '';
  const status = reportError(error, debug, (t) => (text += t));
  return { status, text };
};

test('user errors: one line, exit 2; the stack only with --debug', () => {
  const plain = report(new UserError('--port must be a number'), false);
  assert.equal(plain, { status: 2, text: 'Error: --port must be a number\n' });
  const debug = report(new UserError('bad'), true);
  assert.is(debug.status, 2);
  assert.match(debug.text, /^Error: bad\n.*UserError|^Error: bad\nError: bad\n\s+at /s);
});

test('errors of the packages that mean "fix your project" are user errors', () => {
  for (const code of [
    'CONFIG_INVALID',
    'APP_LOAD_FAILED',
    'LOCAL_SERVER',
    'DEFINITION_ERROR',
    'EXPERIMENTAL_FEATURES',
    'INVALID_APP',
    'PACKAGE_INVALID',
    'NOT_DEPLOYED',
    'AWS_CREDENTIALS',
    'AWS_ACCESS_DENIED',
  ]) {
    assert.is(report(Object.assign(new Error('x'), { code }), false).status, 2, code);
  }
});

test('an AWS call that failed: its message on one line, exit 1, not called an internal error', () => {
  assert.equal(report(Object.assign(new Error('lambda:CreateFunction failed: rate exceeded'), { code: 'AWS_CALL_FAILED' }), false), {
    status: 1,
    text: 'Error: lambda:CreateFunction failed: rate exceeded\n',
  });
});

test('anything else is an internal error: short line, exit 1, stack only with --debug', () => {
  const plain = report(new TypeError('cannot read x of undefined'), false);
  assert.equal(plain, { status: 1, text: 'Internal error: cannot read x of undefined\nRun again with --debug for the stack trace.\n' });
  const debug = report(new TypeError('boom'), true);
  assert.is(debug.status, 1);
  assert.match(debug.text, /^Internal error: boom\nTypeError: boom\n\s+at /);
  assert.is(report('a string', false).status, 1);
});

test.run();
