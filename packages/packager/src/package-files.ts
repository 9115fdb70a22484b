import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PackageError } from './package-error.ts';
import type { ZipEntry } from './zip.ts';

// Code in chalicelib/ reaches the package through the bundle, not as files.
const CODE = /\.(ts|mts|cts|js|mjs|cjs)$/;

/** A file found for the package, not read yet: its size is checked against Lambda's limits first. */
export interface ProjectFile {
  /** Its path in the zip. */
  path: string;
  /** Where it is read from. */
  source: string;
  size: number;
  mode: number;
}

/** What {@link projectFiles} found: the files, and the symlinks out of the project it followed. */
export interface ProjectFiles {
  chalicelib: ProjectFile[];
  vendor: ProjectFile[];
  warnings: string[];
}

/**
 * The files a package carries besides the bundle: `chalicelib/`'s non-code files under
 * `chalicelib/`, and the contents of `vendor/` at the root. Dotfiles are left out (editor and
 * OS litter would make the package machine-dependent); each list is sorted. Packaging stays
 * inside the project: a symlink resolving outside it is a {@link PackageError} naming every such
 * link, unless `followSymlinks`, which copies what it points at with a warning; a symlink cycle
 * is an error.
 *
 * @example
 * const { chalicelib, vendor } = projectFiles('/work/my-app');
 * chalicelib.map((f) => f.path); // ['chalicelib/data.json']
 */
export function projectFiles(projectDir: string, { followSymlinks = false } = {}): ProjectFiles {
  const walk = new Walk(realpathSync(projectDir), projectDir, followSymlinks);
  const chalicelib = walk.folder('chalicelib', CODE).map((file) => ({ ...file, path: `chalicelib/${file.path}` }));
  const vendor = walk.folder('vendor', null);
  if (walk.outside.length > 0) {
    throw new PackageError(
      `Symlinks lead outside the project, so their targets would be packaged: ${walk.outside.join(', ')}. ` +
        'Copy what they point at into the project, or package with --follow-symlinks to copy them as files',
    );
  }
  return { chalicelib, vendor, warnings: walk.warnings };
}

/**
 * Reads the files found by {@link projectFiles} into zip entries.
 *
 * @example
 * const entries = readProjectFiles(vendor);
 */
export function readProjectFiles(files: ProjectFile[]): ZipEntry[] {
  return files.map((file) => ({ path: file.path, data: readFileSync(file.source), mode: file.mode }));
}

class Walk {
  readonly outside: string[] = [];
  readonly warnings: string[] = [];

  constructor(
    private readonly root: string,
    private readonly projectDir: string,
    private readonly followSymlinks: boolean,
  ) {}

  folder(name: string, skip: RegExp | null): ProjectFile[] {
    const dir = join(this.projectDir, name);
    if (!existsSync(dir)) return [];
    return this.files(dir, '', new Set([realpathSync(dir)]), skip).sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  // `ancestors`: the real paths of the folders walked into, to see a link leading back to one.
  private files(dir: string, prefix: string, ancestors: Set<string>, skip: RegExp | null): ProjectFile[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (entry.name.startsWith('.')) return [];
      const source = join(dir, entry.name);
      const path = `${prefix}${entry.name}`;
      const real = entry.isSymbolicLink() ? this.linkTarget(source) : source;
      if (real === null) return [];
      const stats = statSync(real);
      if (stats.isDirectory()) {
        const realDir = realpathSync(real);
        if (ancestors.has(realDir)) throw new PackageError(`${this.shown(source)} is a symlink cycle: it leads back to ${this.shown(realDir)}`);
        return this.files(source, `${path}/`, new Set([...ancestors, realDir]), skip);
      }
      if (!stats.isFile() || skip?.test(entry.name)) return [];
      return [{ path, source, size: stats.size, mode: stats.mode }];
    });
  }

  // The link's target, or null when it leads outside the project and is not followed.
  private linkTarget(link: string): string | null {
    let target: string;
    try {
      target = realpathSync(link);
    } catch (error) {
      throw new PackageError(`${this.shown(link)} is a broken symlink (${(error as NodeJS.ErrnoException).code}): remove it or point it at a file`);
    }
    if (target === this.root || target.startsWith(`${this.root}${sep}`)) return target;
    const described = `${this.shown(link)} -> ${target}`;
    if (!this.followSymlinks) {
      this.outside.push(described);
      return null;
    }
    this.warnings.push(`${described} is outside the project: copied as files`);
    return target;
  }

  private shown(path: string): string {
    return relative(this.projectDir, path).split(sep).join('/');
  }
}
