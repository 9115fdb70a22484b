import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const SRC = new URL('../src/', import.meta.url);

// Each module's relative imports (type imports too: they tie the files together as much).
function importGraph(): Map<string, string[]> {
  const files = readdirSync(SRC).filter((name) => name.endsWith('.ts'));
  return new Map(files.map((file) => [file, [...readFileSync(new URL(file, SRC), 'utf8').matchAll(/from '\.\/([\w.-]+\.ts)'/g)].map((m) => m[1]!)]));
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const visit = (file: string, path: string[]): string[] | null => {
    if (path.includes(file)) return [...path.slice(path.indexOf(file)), file];
    if (done.has(file)) return null;
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next, [...path, file]);
      if (cycle) return cycle;
    }
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file, []);
    if (cycle) return cycle;
  }
  return null;
}

test('no import circle among the packager modules', () => {
  assert.is(findCycle(importGraph())?.join(' -> ') ?? null, null);
});

test.run();
