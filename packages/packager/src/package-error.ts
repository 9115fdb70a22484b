/**
 * A deployment package that cannot be made from the project as it is: a `vendor/` file where the
 * entry module goes, two files for one path in the zip, a path a zip must not hold. The CLI
 * reports it as a user error.
 *
 * @example
 * try { await buildDeploymentPackage(options); } catch (e) { if (e instanceof PackageError) console.error(e.message); }
 */
export class PackageError extends Error {
  readonly code = 'PACKAGE_INVALID';
}
