// `@chalice/packager/zip`: deterministic zips (same entries, same bytes) and reading them back.
export { createZip, type ZipEntry } from '../zip.ts';
export { readZip } from '../unzip.ts';
