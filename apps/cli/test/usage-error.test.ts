import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UserError } from '../src/errors.ts';
import { typedFlag, usageError } from '../src/usage-error.ts';

const cacError = (message: string) => Object.assign(new Error(message), { name: 'CACError' });

test('a flag cac reports camel-cased is found as typed', () => {
  assert.is(typedFlag('--fooBar', ['deploy', '--foo-bar']), '--foo-bar');
  assert.is(typedFlag('--fooBar', ['deploy', '--foo-bar=3']), '--foo-bar');
  assert.is(typedFlag('--suchFlag=1', ['logs', '--no-such-flag=1']), '--no-such-flag');
  assert.is(typedFlag('-q', ['url', '-q']), '-q');
  assert.is(typedFlag('--fooBar', ['deploy', '--', '--foo-bar']), '--fooBar', 'after -- nothing is a flag');
});

test('cac errors become user errors; others pass through', () => {
  const unknown = usageError(cacError('Unknown option `--fooBar`'), ['--foo-bar']);
  assert.instance(unknown, UserError);
  assert.is((unknown as Error).message, 'Unknown option `--foo-bar`: see chalice --help');
  assert.is((usageError(cacError('Unknown option `--fooBar`'), ['deploy', '--foo-bar'], 'deploy') as Error).message, 'Unknown option `--foo-bar`: see chalice deploy --help');
  assert.is((usageError(cacError('option `--stage <stage>` value is missing'), []) as Error).message, 'option `--stage <stage>` value is missing');
  const other = new TypeError('x');
  assert.is(usageError(other, []), other);
});

test.run();
