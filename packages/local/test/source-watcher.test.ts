import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { watchAppSources } from '../src/source-watcher.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('reports app sources only, one call for a burst of changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-watch-'));
  mkdirSync(join(dir, '.chalice'));
  const calls: string[][] = [];
  const watcher = watchAppSources(dir, (files) => calls.push(files), { debounceMs: 50 });
  try {
    writeFileSync(join(dir, 'out.log'), 'x');
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', 'a.js'), 'x');
    writeFileSync(join(dir, '.chalice', 'deployed.json'), '{}');
    await sleep(200);
    assert.equal(calls, [], 'nothing that is not the app');
    // chalicelib/ made after the start is watched from then on.
    mkdirSync(join(dir, 'chalicelib'));
    await sleep(100);
    calls.length = 0;
    writeFileSync(join(dir, 'app.ts'), 'one');
    writeFileSync(join(dir, 'app.ts'), 'two');
    writeFileSync(join(dir, 'chalicelib', 'db.ts'), 'x');
    writeFileSync(join(dir, 'chalicelib', 'db.ts~'), 'x');
    writeFileSync(join(dir, '.chalice', 'config.json'), '{}');
    await sleep(300);
    assert.equal(calls, [['.chalice/config.json', 'app.ts', 'chalicelib/db.ts']]);
  } finally {
    watcher.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
