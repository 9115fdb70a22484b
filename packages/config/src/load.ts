import { readFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { ConfigError } from './errors.ts';
import type { ProjectConfig } from './types.ts';
import { validateConfig } from './validate.ts';

/**
 * Reads and checks `<projectDir>/.chalice/config.json`. A missing file, invalid JSON (with its
 * line and column) or a bad value throws a {@link ConfigError} naming the file.
 *
 * @example
 * const config = loadConfig(process.cwd());
 * for (const warning of config.warnings) console.warn(warning);
 */
export function loadConfig(projectDir: string): ProjectConfig {
  const path = join(projectDir, '.chalice', 'config.json');
  const shown = relative(process.cwd(), path);
  const file = shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found: is this a Chalice project? (`chalice new-project` makes one)' : (error as Error).message;
    throw new ConfigError(file, '', why);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, '', `is not valid JSON${where(text, (error as Error).message)}: ${(error as Error).message}`);
  }
  return validateConfig(raw, file);
}

// V8 reports a character offset ("at position 42"); people want a line and a column.
function where(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
}
