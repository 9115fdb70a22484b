import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PackageError } from '../src/package-error.ts';
import { readZip } from '../src/unzip.ts';
import { createZip } from '../src/zip.ts';

// Written by Python's zipfile to an unseekable stream, as API Gateway's SDK zips come: a
// directory entry, data descriptors after each deflated file, and a stored executable.
const PYTHON_ZIP =
  'UEsDBBQACAAIAOk9gV0AAAAAAAAAAAAAAAASAAAAYXBpR2F0ZXdheS1qcy1zZGsvAwBQSwcIAAAAAAIAAAAAAAAAUEsDBBQACAAIAOk9gV0AAAAAAAAAAAAAAAAbAAAAYXBpR2F0ZXdheS1qcy1zZGsvUkVBRE1FLm1kU1YIdvHmUqY7CQBQSwcICO6yGwsAAAB4AAAAUEsDBBQACAAIAAAAIQAAAAAAAAAAAAAAAAAjAAAAYXBpR2F0ZXdheS1qcy1zZGsvbGliL2FwaWdDbGllbnQuanMrSyxSSCzITHfOyUzNK3FLTC7JL6pUsFWorrXmAgBQSwcIgcK56B4AAAAcAAAAUEsDBBQACAAAAAAAIQAAAAAAAAAAAAAAAAAZAAAAYXBpR2F0ZXdheS1qcy1zZGsvYmluL3J1biMhL2Jpbi9zaApQSwcIHZ37BAoAAAAKAAAAUEsBAhQDFAAIAAgA6T2BXQAAAAACAAAAAAAAABIAAAAAAAAAAAAQAP1BAAAAAGFwaUdhdGV3YXktanMtc2RrL1BLAQIUAxQACAAIAOk9gV0I7rIbCwAAAHgAAAAbAAAAAAAAAAAAAACAAUIAAABhcGlHYXRld2F5LWpzLXNkay9SRUFETUUubWRQSwECFAMUAAgACAAAACEAgcK56B4AAAAcAAAAIwAAAAAAAAAAAAAAgAGWAAAAYXBpR2F0ZXdheS1qcy1zZGsvbGliL2FwaWdDbGllbnQuanNQSwECFAMUAAgAAAAAACEAHZ37BAoAAAAKAAAAGQAAAAAAAAAAAAAA7YEFAQAAYXBpR2F0ZXdheS1qcy1zZGsvYmluL3J1blBLBQYAAAAABAAEACEBAABWAQAAAAA=';
// One entry named ../evil.
const ESCAPING_ZIP = 'UEsDBBQAAAAAAOk9gV2DFtyMAQAAAAEAAAAHAAAALi4vZXZpbHhQSwECFAMUAAAAAADpPYFdgxbcjAEAAAABAAAABwAAAAAAAAAAAAAAgAEAAAAALi4vZXZpbFBLBQYAAAAAAQABADUAAAAmAAAAAAA=';

const text = (data: Uint8Array) => new TextDecoder().decode(data);
const fails = (bytes: Uint8Array, why: RegExp) => assert.throws(() => readZip(bytes), (e: Error) => e instanceof PackageError && why.test(e.message));

test('reads what createZip writes, stored and deflated', () => {
  const big = 'x'.repeat(1000);
  const entries = readZip(createZip([{ path: 'b/big.txt', data: big }, { path: 'a.bin', data: new Uint8Array([1, 2, 3]) }, { path: 'run', data: '#!', mode: 0o755 }]));
  assert.equal(entries.map((e) => [e.path, e.data.length, (e.mode ?? 0) & 0o777]), [['a.bin', 3, 0o644], ['b/big.txt', 1000, 0o644], ['run', 2, 0o755]]);
  assert.is(text(entries[1]!.data), big);
});

test('reads a zip with directory entries and data descriptors (leaving the directories out)', () => {
  const entries = readZip(Buffer.from(PYTHON_ZIP, 'base64'));
  assert.equal(entries.map((e) => e.path), ['apiGateway-js-sdk/README.md', 'apiGateway-js-sdk/lib/apigClient.js', 'apiGateway-js-sdk/bin/run']);
  assert.is(text(entries[0]!.data), '# SDK\n'.repeat(20));
  assert.is(text(entries[1]!.data), 'var apigClientFactory = {};\n');
  assert.is(entries[2]!.mode! & 0o777, 0o755);
});

test('refuses paths leaving the folder, damaged files and what is not a zip', () => {
  fails(Buffer.from(ESCAPING_ZIP, 'base64'), /"\.\.\/evil" leaves the zip/);
  const damaged = createZip([{ path: 'a.txt', data: 'hello hello hello hello hello hello' }]);
  damaged[35]! ^= 0xff;
  fails(damaged, /damaged|invalid|incorrect/i);
  fails(new TextEncoder().encode('not a zip at all, just text'), /is not a zip/);
});

test.run();
