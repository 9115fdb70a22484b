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
// Written by Info-ZIP's `zip -fz`: zip64 extra fields for the sizes, and a zip64 end record.
const ZIP64 =
  'UEsDBC0AAAAAAAqJhF3q40/t//////////8FABQAYS50eHQBABAADAAAAAAAAAAMAAAAAAAAAGhlbGxvIHppcDY0ClBLAwQtAAAACAAKiYRdpmvLfv//////////BwAUAGQvYi50eHQBABAAyAAAAAAAAAAGAAAAAAAAAKuoGB4AAFBLAQIeAy0AAAAAAAqJhF3q40/tDAAAAP////8FAAwAAAAAAAEAAACkgQAAAABhLnR4dAEACAAMAAAAAAAAAFBLAQIeAy0AAAAIAAqJhF2ma8t+BgAAAP////8HAAwAAAAAAAEAAACkgUMAAABkL2IudHh0AQAIAMgAAAAAAAAAUEsGBiwAAAAAAAAAHgMtAAAAAAAAAAAAAgAAAAAAAAACAAAAAAAAAIAAAAAAAAAAggAAAAAAAABQSwYHAAAAAAIBAAAAAAAAAQAAAFBLBQYAAAAAAgACAIAAAAD/////AAA=';

const text = (data: Uint8Array) => new TextDecoder().decode(data);
const fails = (bytes: Uint8Array, why: RegExp) =>
  assert.throws(
    () => readZip(bytes),
    (e: Error) => e instanceof PackageError && why.test(e.message),
  );

test('reads what createZip writes, stored and deflated', () => {
  const big = 'x'.repeat(1000);
  const entries = readZip(
    createZip([
      { path: 'b/big.txt', data: big },
      { path: 'a.bin', data: new Uint8Array([1, 2, 3]) },
      { path: 'run', data: '#!', mode: 0o755 },
    ]),
  );
  assert.equal(
    entries.map((e) => [e.path, e.data.length, (e.mode ?? 0) & 0o777]),
    [
      ['a.bin', 3, 0o644],
      ['b/big.txt', 1000, 0o644],
      ['run', 2, 0o755],
    ],
  );
  assert.is(text(entries[1]!.data), big);
});

test('reads a zip with directory entries and data descriptors (leaving the directories out)', () => {
  const entries = readZip(Buffer.from(PYTHON_ZIP, 'base64'));
  assert.equal(
    entries.map((e) => e.path),
    ['apiGateway-js-sdk/README.md', 'apiGateway-js-sdk/lib/apigClient.js', 'apiGateway-js-sdk/bin/run'],
  );
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

test('reads a zip64 archive', () => {
  const entries = readZip(Buffer.from(ZIP64, 'base64'));
  assert.equal(
    entries.map((e) => [e.path, e.data.length]),
    [
      ['a.txt', 12],
      ['d/b.txt', 200],
    ],
  );
  assert.is(text(entries[0]!.data), 'hello zip64\n');
  assert.is(text(entries[1]!.data), 'x'.repeat(200));
});

// A zip whose one file, 64 MiB of zeros, deflates to about 64 KiB, then declares `declared` bytes.
function bomb(declared: number): Uint8Array {
  const zip = createZip([{ path: 'bomb.bin', data: new Uint8Array(64 * 1024 * 1024) }]);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const central = zip.length - 22 - 46 - 'bomb.bin'.length;
  view.setUint32(22, declared, true);
  view.setUint32(central + 24, declared, true);
  return zip;
}

test('a zip bomb costs nothing: an entry stops inflating past its declared size, and declared sizes have a ceiling', () => {
  const lying = bomb(1000);
  const started = process.memoryUsage().arrayBuffers;
  fails(lying, /bomb\.bin, that inflates past its declared 1000 bytes/);
  assert.ok(process.memoryUsage().arrayBuffers - started < 16 * 1024 * 1024, 'the 64 MiB were never inflated');
  assert.throws(
    () => readZip(bomb(64 * 1024 * 1024), { maxSize: 1024 * 1024 }),
    (e: Error) => e instanceof PackageError && /would unpack to 64\.0 MB, over the 1\.0 MB allowed/.test(e.message),
  );
  assert.is(readZip(bomb(64 * 1024 * 1024))[0]!.data.length, 64 * 1024 * 1024, 'an honest entry under the default ceiling reads');
});

test.run();
