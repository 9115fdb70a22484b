import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listenProblem } from '../src/listen-error.ts';

test('listen failures the user fixes with --host or --port say which flag', () => {
  assert.match(listenProblem({ code: 'EADDRINUSE' }, '127.0.0.1', 8000)!, /^Port 8000 on 127\.0\.0\.1 is already in use: pick another with --port$/);
  assert.match(listenProblem({ code: 'EADDRNOTAVAIL' }, '10.255.255.1', 8000)!, /10\.255\.255\.1: no network interface .*\(--host\)$/);
  for (const code of ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL']) assert.match(listenProblem({ code }, 'bad name', 8000)!, /bad name: the name does not resolve .*\(--host\)$/);
  assert.match(listenProblem({ code: 'EACCES' }, '0.0.0.0', 80)!, /Port 80 .* above 1023 with --port$/);
  assert.is(listenProblem({ code: 'EMFILE' }, '127.0.0.1', 8000), null);
});

test.run();
