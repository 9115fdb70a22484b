import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
// A `.js` specifier in TypeScript names the `.ts` source it compiles from.
const SOURCE_FOR: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** Whether a specifier names a file of the app (relative or absolute) rather than a package. */
export function isLocalSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

/** Finds the files of the app, memoising what exists. */
export class FileResolver {
  readonly #isFile = new Map<string, boolean>();

  /** The file a local specifier names from `fromFile`, or `undefined` when there is none. */
  resolve(fromFile: string, specifier: string): string | undefined {
    const target = resolve(dirname(fromFile), specifier);
    const extension = extname(target);
    const candidates = [
      ...(SOURCE_FOR[extension] ?? []).map((source) => target.slice(0, -extension.length) + source),
      target,
      ...EXTENSIONS.map((ext) => target + ext),
      ...EXTENSIONS.map((ext) => join(target, `index${ext}`)),
    ];
    return candidates.find((candidate) => this.isFile(candidate));
  }

  /** Whether `path` is a file. */
  isFile(path: string): boolean {
    let known = this.#isFile.get(path);
    if (known === undefined) {
      known = existsSync(path) && statSync(path).isFile();
      this.#isFile.set(path, known);
    }
    return known;
  }
}

/** Reads a source file as text. */
export function readSource(file: string): string {
  return readFileSync(file, 'utf8');
}

/** The 1-based line and column of a UTF-16 offset into `source`. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
