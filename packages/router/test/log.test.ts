import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Chalice } from '../src/index.ts';
import { captureConsole } from './helpers.ts';

test('app.log writes "appname - LEVEL - message" at ERROR by default', async () => {
  const app = new Chalice({ appName: 'demolog' });
  assert.is(app.log.level, 40);
  assert.is(app.log.name, 'demolog');
  const { lines } = await captureConsole(() => {
    app.log.debug('This is a debug statement');
    app.log.error('This is an error statement');
  });
  assert.equal(lines, ['demolog - ERROR - This is an error statement']);
});

test('setLevel takes Python level names; %s arguments are filled', async () => {
  const app = new Chalice({ appName: 'demolog' });
  app.log.setLevel('DEBUG');
  const { lines } = await captureConsole(() => {
    app.log.debug('Received event for bucket: %s, key: %s', 'b', 'k');
    app.log.info('info');
    app.log.warning('careful');
    app.log.critical('down');
  });
  assert.equal(lines.length, 4);
  assert.is(lines[0], 'demolog - DEBUG - Received event for bucket: b, key: k');
  assert.is(lines[2], 'demolog - WARNING - careful');
  app.log.setLevel('CRITICAL');
  const quiet = await captureConsole(() => app.log.error('hidden'));
  assert.equal(quiet.lines, []);
  assert.throws(() => app.log.setLevel('LOUD' as never), /Unknown log level "LOUD"/);
});

test('app.debug switches the level between DEBUG and ERROR', () => {
  const app = new Chalice({ appName: 'd', debug: true });
  assert.is(app.log.level, 10);
  app.debug = false;
  assert.is(app.log.level, 40);
});

test.run();
