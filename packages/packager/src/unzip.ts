import { crc32, inflateRawSync } from 'node:zlib';
import { PackageError } from './package-error.ts';
import { checkZipPath, type ZipEntry } from './zip.ts';

const END_OF_CENTRAL = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END_SIZE = 22;
// The end record may be followed by a comment of up to 64 KiB.
const MAX_COMMENT = 0xffff;
const ENCRYPTED = 1;
const MADE_BY_UNIX = 3;

/**
 * Reads a zip into its files (stored or deflated; directory entries left out), from the central
 * directory, so entries written with data descriptors read as well. Checks each file's CRC and
 * refuses paths that would leave the folder it is unpacked into, encrypted entries and zip64.
 * `mode` is set for entries made on Unix.
 *
 * @example
 * for (const { path, data } of readZip(await aws.getSdk(apiId, 'api', 'javascript'))) writeFileSync(join(out, path), data);
 */
export function readZip(bytes: Uint8Array): Array<ZipEntry & { data: Uint8Array }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  const count = view.getUint16(end + 10, true);
  const centralOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || centralOffset === 0xffffffff) fail('is a zip64 archive, which is not supported');
  const entries: Array<ZipEntry & { data: Uint8Array }> = [];
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) fail('has a damaged central directory');
    const nameLength = view.getUint16(at + 28, true);
    const path = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (!path.endsWith('/')) entries.push(readEntry(bytes, view, at, path));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function findEnd(view: DataView): number {
  const last = Math.max(0, view.byteLength - END_SIZE - MAX_COMMENT);
  for (let at = view.byteLength - END_SIZE; at >= last; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL) return at;
  }
  return fail('is not a zip (no end of central directory record)');
}

function readEntry(bytes: Uint8Array, view: DataView, central: number, path: string): ZipEntry & { data: Uint8Array } {
  checkZipPath(path);
  const flags = view.getUint16(central + 8, true);
  const method = view.getUint16(central + 10, true);
  const crc = view.getUint32(central + 16, true);
  const storedSize = view.getUint32(central + 20, true);
  const size = view.getUint32(central + 24, true);
  const local = view.getUint32(central + 42, true);
  if (flags & ENCRYPTED) fail(`holds an encrypted file, ${path}`);
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) fail(`has a damaged local header for ${path}`);
  // The local header's own name and extra field lengths: its extra field may differ from the central one.
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const stored = bytes.subarray(start, start + storedSize);
  if (stored.length !== storedSize) fail(`is truncated in ${path}`);
  const data = method === 0 ? stored : method === 8 ? inflate(stored, path) : fail(`compresses ${path} with method ${method}; only stored and deflated files are read`);
  if (data.length !== size || crc32(data) !== crc) fail(`has a damaged file, ${path} (size or CRC mismatch)`);
  const madeBy = view.getUint16(central + 4, true) >> 8;
  const mode = madeBy === MADE_BY_UNIX ? view.getUint32(central + 38, true) >>> 16 : undefined;
  return mode ? { path, data, mode } : { path, data };
}

function inflate(stored: Uint8Array, path: string): Uint8Array {
  try {
    return new Uint8Array(inflateRawSync(stored));
  } catch (error) {
    return fail(`has a damaged file, ${path} (${(error as Error).message})`);
  }
}

function fail(why: string): never {
  throw new PackageError(`The archive ${why}`);
}
