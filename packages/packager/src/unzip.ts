import { crc32, inflateRawSync } from 'node:zlib';
import { PackageError } from './package-error.ts';
import { checkZipPath, type ZipEntry } from './zip.ts';

const END_OF_CENTRAL = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END_SIZE = 22;
const LOCATOR_SIZE = 20;
// The end record may be followed by a comment of up to 64 KiB.
const MAX_COMMENT = 0xffff;
// A 32-bit field holding this says "see the zip64 extra field" (16-bit: "see the zip64 end record").
const IN_ZIP64 = 0xffffffff;
const ZIP64_EXTRA = 0x0001;
const ENCRYPTED = 1;
const MADE_BY_UNIX = 3;
/** What {@link readZip} unpacks at most by default, all files together: 256 MiB. */
export const DEFAULT_MAX_UNZIPPED = 256 * 1024 * 1024;

/** Limits on what {@link readZip} unpacks. */
export interface ReadZipOptions {
  /** The most bytes the archive's files may unpack to, together (default {@link DEFAULT_MAX_UNZIPPED}). */
  maxSize?: number;
}

// One central directory record, its zip64 values resolved.
interface CentralRecord {
  path: string;
  flags: number;
  method: number;
  crc: number;
  storedSize: number;
  size: number;
  local: number;
  mode: number | undefined;
}

/**
 * Reads a zip into its files (stored or deflated; directory entries left out), from the central
 * directory, so entries written with data descriptors read as well; zip64 archives included.
 * Checks each file's CRC and refuses paths that would leave the folder it is unpacked into,
 * encrypted entries, archives whose declared sizes add up past `maxSize`, and any file that
 * inflates past its declared size (inflation stops there, so a zip bomb costs nothing).
 * `mode` is set for entries made on Unix.
 *
 * @example
 * for (const { path, data } of readZip(await aws.getSdk(apiId, 'api', 'javascript'))) writeFileSync(join(out, path), data);
 */
export function readZip(bytes: Uint8Array, { maxSize = DEFAULT_MAX_UNZIPPED }: ReadZipOptions = {}): Array<ZipEntry & { data: Uint8Array }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records = centralRecords(bytes, view, findEnd(view)).filter((record) => !record.path.endsWith('/'));
  const total = records.reduce((sum, record) => sum + record.size, 0);
  if (total > maxSize) fail(`would unpack to ${megabytes(total)}, over the ${megabytes(maxSize)} allowed`);
  return records.map((record) => readEntry(bytes, view, record));
}

function findEnd(view: DataView): number {
  const last = Math.max(0, view.byteLength - END_SIZE - MAX_COMMENT);
  for (let at = view.byteLength - END_SIZE; at >= last; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL) return at;
  }
  return fail('is not a zip (no end of central directory record)');
}

// Where the central directory is and how many records it holds: from the end record, or from
// the zip64 end record its locator (just before it) points at when a field is saturated.
function directory(view: DataView, end: number): { count: number; offset: number } {
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count !== 0xffff && offset !== IN_ZIP64) return { count, offset };
  const locator = end - LOCATOR_SIZE;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) fail('has a damaged zip64 end record locator');
  const record = safeNumber(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_END) fail('has a damaged zip64 end record');
  return { count: safeNumber(view.getBigUint64(record + 32, true)), offset: safeNumber(view.getBigUint64(record + 48, true)) };
}

function centralRecords(bytes: Uint8Array, view: DataView, end: number): CentralRecord[] {
  const { count, offset } = directory(view, end);
  const records: CentralRecord[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) fail('has a damaged central directory');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const path = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const zip64 = zip64Values(view, at + 46 + nameLength, extraLength);
    // The zip64 extra field holds, in this order, each of these that its header field saturates.
    const wide = (field: number) => {
      const value = view.getUint32(at + field, true);
      if (value !== IN_ZIP64) return value;
      const next = zip64.shift();
      return next === undefined ? fail(`has a damaged zip64 extra field for ${path}`) : next;
    };
    const size = wide(24);
    const storedSize = wide(20);
    const local = wide(42);
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const mode = madeBy === MADE_BY_UNIX ? view.getUint32(at + 38, true) >>> 16 : undefined;
    records.push({ path, flags: view.getUint16(at + 8, true), method: view.getUint16(at + 10, true), crc: view.getUint32(at + 16, true), storedSize, size, local, mode });
    at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);
  }
  return records;
}

// The 64-bit values of the zip64 extra field among a record's extra fields (none without one).
function zip64Values(view: DataView, start: number, length: number): number[] {
  for (let at = start; at + 4 <= start + length && at + 4 <= view.byteLength; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      const values: number[] = [];
      for (let v = at + 4; v + 8 <= at + 4 + size && v + 8 <= view.byteLength; v += 8) values.push(safeNumber(view.getBigUint64(v, true)));
      return values;
    }
    at += 4 + size;
  }
  return [];
}

function readEntry(bytes: Uint8Array, view: DataView, record: CentralRecord): ZipEntry & { data: Uint8Array } {
  const { path, method, storedSize, size, local, mode } = record;
  checkZipPath(path);
  if (record.flags & ENCRYPTED) fail(`holds an encrypted file, ${path}`);
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) fail(`has a damaged local header for ${path}`);
  // The local header's own name and extra field lengths: its extra field may differ from the central one.
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const stored = bytes.subarray(start, start + storedSize);
  if (stored.length !== storedSize) fail(`is truncated in ${path}`);
  const data = method === 0 ? stored : method === 8 ? inflate(stored, size, path) : fail(`compresses ${path} with method ${method}; only stored and deflated files are read`);
  if (data.length !== size || crc32(data) !== record.crc) fail(`has a damaged file, ${path} (size or CRC mismatch)`);
  return mode ? { path, data, mode } : { path, data };
}

// Inflation stops one byte past the declared size: more is a damaged or hostile entry.
function inflate(stored: Uint8Array, size: number, path: string): Uint8Array {
  try {
    return new Uint8Array(inflateRawSync(stored, { maxOutputLength: size + 1 }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') fail(`has a file, ${path}, that inflates past its declared ${size} bytes`);
    return fail(`has a damaged file, ${path} (${(error as Error).message})`);
  }
}

function safeNumber(value: bigint): number {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : fail('declares a size or offset too large to read');
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function fail(why: string): never {
  throw new PackageError(`The archive ${why}`);
}
