import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeApp } from '../src/index.ts';

/** The folder of a fixture app under test/fixtures. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));
}

/** A project in a temp folder holding `files` (path -> source). */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-policygen-'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  return dir;
}

/** Every action the app's statements allow, in statement order. */
export function actionsOf(projectDir: string): string[] {
  return analyzeApp({ projectDir }).statements.flatMap((statement) => statement.Action);
}
