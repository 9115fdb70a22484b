import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PackageError } from '../src/package-error.ts';
import { createZip, type ZipEntry } from '../src/zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'chalice-zip-'));
const noise = randomBytes(300);
const ENTRIES: ZipEntry[] = [
  { path: 'vendor-bin/tool', data: '#!/bin/sh\necho hi\n', mode: 0o100775 },
  { path: 'app.mjs', data: `export const handler = () => ${JSON.stringify('x'.repeat(500))};\n` },
  { path: 'chalicelib/noise.bin', data: noise },
  { path: 'chalicelib/données.txt', data: 'é\n', mode: 0o100600 },
];

function written(bytes: Uint8Array): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, bytes);
  return file;
}

test('unzip lists the files sorted, with fixed modes and no directory entries', () => {
  const listing = execFileSync('unzip', ['-Z', written(createZip(ENTRIES))], { encoding: 'utf8' });
  const rows = listing.split('\n').filter((line) => /^-/.test(line));
  assert.equal(
    rows.map((row) => [row.split(/\s+/)[0], row.split(/\s+/).at(-1)]),
    [
      ['-rw-r--r--', 'app.mjs'],
      ['-rw-r--r--', 'chalicelib/données.txt'],
      ['-rw-r--r--', 'chalicelib/noise.bin'],
      ['-rwxr-xr-x', 'vendor-bin/tool'],
    ],
  );
  assert.ok(
    rows.every((row) => row.includes(' unx ')),
    'made by Unix',
  );
  assert.match(listing, /4 files/);
});

test('unzip extracts each file as written', () => {
  const file = written(createZip(ENTRIES));
  assert.is(execFileSync('unzip', ['-p', file, 'vendor-bin/tool'], { encoding: 'utf8' }), '#!/bin/sh\necho hi\n');
  assert.ok(execFileSync('unzip', ['-p', file, 'chalicelib/noise.bin']).equals(noise));
  execFileSync('unzip', ['-tq', file]);
});

test('python zipfile: CRCs check, fixed 1980 timestamps, incompressible data stored, UTF-8 names', () => {
  const script = `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps({i.filename: [list(i.date_time), i.compress_type, i.create_system, i.external_attr >> 16] for i in z.infolist()}))
`;
  const info = JSON.parse(execFileSync('python3', ['-c', script, written(createZip(ENTRIES))], { encoding: 'utf8' }));
  assert.equal(Object.keys(info), ['app.mjs', 'chalicelib/données.txt', 'chalicelib/noise.bin', 'vendor-bin/tool']);
  assert.equal(info['app.mjs'], [[1980, 1, 1, 0, 0, 0], 8, 3, 0o100644]);
  assert.equal(info['chalicelib/noise.bin'][1], 0, 'stored: deflate would not make it smaller');
  assert.equal(info['vendor-bin/tool'][3], 0o100755);
});

test('same entries, in any order, give the same bytes', () => {
  const first = createZip(ENTRIES);
  const again = createZip([...ENTRIES].reverse());
  assert.ok(Buffer.from(first).equals(again));
});

test('an empty zip is valid', () => {
  assert.is(createZip([]).length, 22);
});

test('duplicate, absolute, escaping and backslashed paths are refused', () => {
  const refused = (entries: ZipEntry[], message: RegExp) => {
    assert.throws(
      () => createZip(entries),
      (e: unknown) => e instanceof PackageError && message.test(e.message),
    );
  };
  refused(
    [
      { path: 'a.txt', data: '1' },
      { path: 'a.txt', data: '2' },
    ],
    /Two files for one path in the zip: a\.txt/,
  );
  refused([{ path: '/etc/passwd', data: '' }], /"\/etc\/passwd" is absolute/);
  refused([{ path: 'C:/x', data: '' }], /is absolute/);
  refused([{ path: 'lib/../../x', data: '' }], /"lib\/\.\.\/\.\.\/x" leaves the zip/);
  refused([{ path: 'lib\\x', data: '' }], /backslash/);
  refused([{ path: 'lib/', data: '' }], /empty or "\." segment/);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
