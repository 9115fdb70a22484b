import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildDataFile, DATA_FILE, DATASET_DIR } from '../scripts/build-data.ts';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

test('the committed data/iam-actions.json is what scripts/build-data.ts writes now', async () => {
  const committed = readFileSync(DATA_FILE, 'utf8');
  assert.ok(committed === (await buildDataFile()), 'stale: run `pnpm --filter @chalice/policygen run build-data` and commit data/iam-actions.json');
});

test('the source map is vendored inside the package, with its licence', () => {
  assert.ok(!relative(PACKAGE_DIR, DATASET_DIR).startsWith('..'), `${DATASET_DIR} is outside the package`);
  assert.match(readFileSync(`${DATASET_DIR}/LICENSE`, 'utf8'), /MIT License[\s\S]*Ian Mckay/);
});

test("the data file carries both sources' MIT notices", () => {
  const { notices } = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as { notices: string[] };
  assert.is(notices.length, 2);
  assert.match(notices[0]!, /iam-dataset[\s\S]*MIT License[\s\S]*Ian Mckay/);
  assert.match(notices[1]!, /@cloud-copilot\/iam-data[\s\S]*MIT License/);
});

test.run();
