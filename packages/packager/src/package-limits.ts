import { PackageError } from './package-error.ts';

/** Lambda's limit on a deployment package uploaded directly, zipped, in bytes (50 MB). */
export const LAMBDA_ZIPPED_LIMIT = 50 * 1024 * 1024;
/** Lambda's limit on a function's code unzipped, in bytes (250 MB). */
export const LAMBDA_UNZIPPED_LIMIT = 250 * 1024 * 1024;

const SHOWN = 5;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Stops a package Lambda would refuse: the files' sizes add up past 250 MB, or the zip is over
 * 50 MB. The error names the biggest files, the ones worth moving to a layer or leaving out.
 *
 * @example
 * checkPackageSize('unzipped', files.map((f) => ({ path: f.path, size: f.size })));
 * checkPackageSize('zipped', sizes, zip.length);
 */
export function checkPackageSize(which: 'zipped' | 'unzipped', files: Array<{ path: string; size: number }>, zippedSize?: number): void {
  const limit = which === 'zipped' ? LAMBDA_ZIPPED_LIMIT : LAMBDA_UNZIPPED_LIMIT;
  const size = which === 'zipped' ? (zippedSize ?? 0) : files.reduce((sum, file) => sum + file.size, 0);
  if (size <= limit) return;
  const biggest = [...files].sort((a, b) => b.size - a.size).slice(0, SHOWN);
  throw new PackageError(
    `The deployment package would be ${megabytes(size)} ${which}, over Lambda's ${megabytes(limit).replace('.0', '')} limit; ` +
      `the biggest files: ${biggest.map((file) => `${file.path} (${megabytes(file.size)})`).join(', ')}. ` +
      'Leave files out of chalicelib/ and vendor/, or move large dependencies to a Lambda layer (the layers setting)',
  );
}
