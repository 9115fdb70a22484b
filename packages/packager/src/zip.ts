import { crc32, deflateRawSync } from 'node:zlib';
import { PackageError } from './package-error.ts';

/** One file of a zip. */
export interface ZipEntry {
  /** Relative, with forward slashes: `chalicelib/data.json`. */
  path: string;
  data: Uint8Array | string;
  /** The file's mode; only whether it is executable is kept. */
  mode?: number;
}

// 1980-01-01 00:00, the earliest DOS date: a fixed timestamp keeps the bytes independent of
// when and where the files were written.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
// "Made by" Unix (3) with spec version 2.0, so unzippers read the mode from the external attributes.
const MADE_BY_UNIX = (3 << 8) | 20;
const REGULAR_FILE = 0o100000;
const UTF8_NAMES = 1 << 11;
// Without zip64 records, sizes and offsets are 32-bit and the entry count 16-bit.
const MAX_SIZE = 0xffffffff;
const MAX_ENTRIES = 0xffff;

interface PreparedEntry {
  name: Uint8Array;
  utf8: boolean;
  method: 0 | 8;
  crc: number;
  size: number;
  stored: Uint8Array;
  mode: number;
  offset: number;
}

/**
 * Writes a deterministic zip: entries sorted by path, a fixed timestamp, mode 0o644 (0o755 for
 * an executable `mode`), no directory entries, each file deflated unless that does not make it
 * smaller. The same entries always give the same bytes (with the same zlib).
 *
 * @example
 * const bytes = createZip([{ path: 'app.mjs', data: 'export const handler = () => 1;' }, { path: 'bin/tool', data: binary, mode: 0o755 }]);
 * writeFileSync('deployment.zip', bytes);
 */
export function createZip(entries: ZipEntry[]): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw new PackageError(`A zip holds at most ${MAX_ENTRIES} files, got ${entries.length}`);
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const prepared: PreparedEntry[] = [];
  let offset = 0;
  sorted.forEach((entry, i) => {
    checkZipPath(entry.path);
    if (i > 0 && sorted[i - 1]!.path === entry.path) throw new PackageError(`Two files for one path in the zip: ${entry.path}`);
    const item = prepare(entry, offset);
    offset += 30 + item.name.length + item.stored.length;
    prepared.push(item);
  });
  const centralSize = prepared.reduce((sum, item) => sum + 46 + item.name.length, 0);
  if (offset + centralSize > MAX_SIZE) throw new PackageError('The zip would be larger than 4 GiB');
  const out = new Uint8Array(offset + centralSize + 22);
  const view = new DataView(out.buffer);
  for (const item of prepared) writeLocal(out, view, item);
  let at = offset;
  for (const item of prepared) at = writeCentral(out, view, item, at);
  writeEnd(view, at, prepared.length, centralSize, offset);
  return out;
}

/**
 * Checks a zip entry's path: relative, forward slashes, nothing that would leave the folder it
 * is unpacked into. Writing and reading zips both check, so that no entry lands outside OUT.
 *
 * @example
 * checkZipPath('lib/a.js'); // fine
 * checkZipPath('../etc/passwd'); // throws PackageError
 */
export function checkZipPath(path: string): void {
  const problem =
    path === ''
      ? 'is empty'
      : path.startsWith('/') || /^[A-Za-z]:/.test(path)
        ? 'is absolute'
        : path.includes('\\')
          ? 'has a backslash (use forward slashes)'
          : path.split('/').some((part) => part === '..')
            ? 'leaves the zip (..)'
            : path.split('/').some((part) => part === '' || part === '.')
              ? 'has an empty or "." segment'
              : null;
  if (problem) throw new PackageError(`Zip entry path "${path}" ${problem}`);
}

function prepare(entry: ZipEntry, offset: number): PreparedEntry {
  const data = typeof entry.data === 'string' ? new TextEncoder().encode(entry.data) : entry.data;
  if (data.length > MAX_SIZE) throw new PackageError(`${entry.path} is larger than 4 GiB`);
  const deflated = deflateRawSync(data, { level: 9 });
  const deflate = deflated.length < data.length;
  return {
    name: new TextEncoder().encode(entry.path),
    utf8: /[^\x20-\x7e]/.test(entry.path),
    method: deflate ? 8 : 0,
    crc: crc32(data),
    size: data.length,
    stored: deflate ? deflated : data,
    mode: REGULAR_FILE | ((entry.mode ?? 0) & 0o111 ? 0o755 : 0o644),
    offset,
  };
}

// The fields a local header and a central directory record share, from "version needed" on.
function writeCommon(view: DataView, at: number, item: PreparedEntry): void {
  view.setUint16(at, item.method === 8 ? 20 : 10, true);
  view.setUint16(at + 2, item.utf8 ? UTF8_NAMES : 0, true);
  view.setUint16(at + 4, item.method, true);
  view.setUint16(at + 6, DOS_TIME, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, item.crc, true);
  view.setUint32(at + 14, item.stored.length, true);
  view.setUint32(at + 18, item.size, true);
  view.setUint16(at + 22, item.name.length, true);
  // Extra field length stays 0.
}

function writeLocal(out: Uint8Array, view: DataView, item: PreparedEntry): void {
  view.setUint32(item.offset, 0x04034b50, true);
  writeCommon(view, item.offset + 4, item);
  out.set(item.name, item.offset + 30);
  out.set(item.stored, item.offset + 30 + item.name.length);
}

function writeCentral(out: Uint8Array, view: DataView, item: PreparedEntry, at: number): number {
  view.setUint32(at, 0x02014b50, true);
  view.setUint16(at + 4, MADE_BY_UNIX, true);
  writeCommon(view, at + 6, item);
  // Comment length, disk number and internal attributes stay 0.
  view.setUint32(at + 38, item.mode * 0x10000, true);
  view.setUint32(at + 42, item.offset, true);
  out.set(item.name, at + 46);
  return at + 46 + item.name.length;
}

function writeEnd(view: DataView, at: number, count: number, centralSize: number, centralOffset: number): void {
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, count, true);
  view.setUint16(at + 10, count, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, centralOffset, true);
}
