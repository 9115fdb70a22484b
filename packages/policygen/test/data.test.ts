import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildDataFile, DATA_FILE, DATASET_DIR } from '../scripts/build-data.ts';

test('the committed data/iam-actions.json is what scripts/build-data.ts writes now', async () => {
  const source = join(DATASET_DIR, 'map.json');
  assert.ok(existsSync(source), `${source} is missing: this check needs the project's shared/ folder beside the repository, or CHALICE_SHARED_DIR pointing at it`);
  const committed = readFileSync(DATA_FILE, 'utf8');
  assert.ok(committed === (await buildDataFile()), 'stale: run `pnpm --filter @chalice/policygen run build-data` and commit data/iam-actions.json');
});

test('the data file carries both sources\' MIT notices', () => {
  const { notices } = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as { notices: string[] };
  assert.is(notices.length, 2);
  assert.match(notices[0]!, /iam-dataset[\s\S]*MIT License[\s\S]*Ian Mckay/);
  assert.match(notices[1]!, /@cloud-copilot\/iam-data[\s\S]*MIT License/);
});

test.run();
