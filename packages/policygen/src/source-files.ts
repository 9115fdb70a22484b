import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
// A `.js` specifier in TypeScript names the `.ts` source it compiles from.
const SOURCE_FOR: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** Whether a specifier names a file of the app (relative or absolute) rather than a package. */
export function isLocalSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

/** Finds the files of the app, memoising what exists and what each specifier resolves to. */
export class FileResolver {
  readonly #isFile = new Map<string, boolean>();
  // By importing folder and specifier: the evaluator resolves an import each time it follows one.
  readonly #resolved = new Map<string, string | undefined>();

  /** The file a local specifier names from `fromFile`, or `undefined` when there is none. */
  resolve(fromFile: string, specifier: string): string | undefined {
    const dir = dirname(fromFile);
    const key = `${dir}\0${specifier}`;
    if (this.#resolved.has(key)) return this.#resolved.get(key);
    const found = this.#find(resolve(dir, specifier));
    this.#resolved.set(key, found);
    return found;
  }

  #find(target: string): string | undefined {
    for (const candidate of candidates(target)) if (this.isFile(candidate)) return candidate;
    return undefined;
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

// In the order they are tried, made only as far as needed: most specifiers match the first or second.
function* candidates(target: string): Generator<string> {
  const extension = extname(target);
  for (const source of SOURCE_FOR[extension] ?? []) yield target.slice(0, -extension.length) + source;
  yield target;
  for (const ext of EXTENSIONS) yield target + ext;
  for (const ext of EXTENSIONS) yield join(target, `index${ext}`);
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
