import { ConfigError } from '@chalice/config';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chooseRuntime, esbuildTarget } from '../src/runtime.ts';

test('inferred from the local Node.js major: the closest supported runtime, never a deprecated one', () => {
  assert.equal(chooseRuntime({ nodeVersion: '22.11.0' }), { runtime: 'nodejs22.x', esbuildTarget: 'node22', warning: null });
  assert.equal(chooseRuntime({ nodeVersion: 'v24.1.0' }), { runtime: 'nodejs24.x', esbuildTarget: 'node24', warning: null });
  const cases: Array<[string, string]> = [
    ['20.19.0', 'nodejs22.x'],
    ['18.0.0', 'nodejs22.x'],
    ['23.1.0', 'nodejs24.x'],
    ['26.0.0', 'nodejs24.x'],
  ];
  for (const [nodeVersion, runtime] of cases) {
    const choice = chooseRuntime({ nodeVersion });
    assert.is(choice.runtime, runtime, nodeVersion);
    assert.match(
      choice.warning ?? '',
      new RegExp(`^Node\\.js ${nodeVersion.split('.')[0]} is not a supported Lambda runtime; packaging for ${runtime.replace('.', '\\.')}.*lambda_runtime`),
    );
  }
});

test('defaults to the Node.js running the tooling', () => {
  assert.equal(chooseRuntime({}), chooseRuntime({ nodeVersion: process.versions.node }));
});

test('a configured supported runtime wins, without a warning', () => {
  assert.equal(chooseRuntime({ configured: 'nodejs24.x', nodeVersion: '20.0.0' }), { runtime: 'nodejs24.x', esbuildTarget: 'node24', warning: null });
  assert.is(chooseRuntime({ configured: null, nodeVersion: '22.0.0' }).runtime, 'nodejs22.x');
});

test('a deprecated, unknown or non-Node runtime is a config error naming lambda_runtime and the alternatives', () => {
  const refused = (configured: string, message: RegExp) => {
    assert.throws(
      () => chooseRuntime({ configured }),
      (e: unknown) => e instanceof ConfigError && e.keyPath === 'lambda_runtime' && message.test(e.message),
    );
  };
  for (const old of ['nodejs20.x', 'nodejs18.x', 'nodejs16.x', 'nodejs14.x', 'nodejs12.x', 'nodejs10.x']) {
    refused(old, /lambda_runtime is "nodejs\d+\.x", which AWS Lambda has deprecated: use one of nodejs22\.x, nodejs24\.x$/);
  }
  refused('python3.12', /is "python3\.12", not a Lambda Node\.js runtime: use one of nodejs22\.x, nodejs24\.x/);
  refused('nodejs99.x', /not a Lambda Node\.js runtime AWS supports/);
});

test('esbuild targets follow the runtime', () => {
  assert.is(esbuildTarget('nodejs22.x'), 'node22');
  assert.is(esbuildTarget('nodejs24.x'), 'node24');
  assert.throws(() => esbuildTarget('nodejs20.x'), /deprecated/);
});

test.run();
