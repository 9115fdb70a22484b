import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';

/** The files of a project that make its app, relative to the project: what autoreload watches. */
export const APP_SOURCES = ['app.{ts,mts,js,mjs}', 'chalicelib/**', '.chalice/config.json'];

// What editors write beside a file while saving it (vim's swap and 4913 probe, emacs' lock and
// autosave, backups, JetBrains' safe-write copies). Dot files are never matched anyway.
const EDITOR_FILES = ['**/*~', '**/#*#', '**/4913', '**/*.sw[a-p]', '**/*.tmp', '**/*___jb_*___'];

/** Options of {@link watchAppSources}. */
export interface SourceWatchOptions {
  /** Quiet time after the last change before `onChange` runs: one save is one call. */
  debounceMs?: number;
}

/** A running watch. */
export interface SourceWatch {
  close(): void;
}

const isAppSource = picomatch(APP_SOURCES, { ignore: EDITOR_FILES });

/**
 * Watches a project's app sources ({@link APP_SOURCES}) and calls `onChange` with the files
 * that changed, once the changes have settled. Only the project folder itself, `chalicelib/`
 * and `.chalice/` are watched, so log files, `node_modules/`, `.git/` or
 * `.chalice/deployments/` neither reload the app nor cost a watch per folder.
 *
 * @example
 * const watcher = watchAppSources(projectDir, (files) => console.log('changed:', files));
 * watcher.close();
 */
export function watchAppSources(projectDir: string, onChange: (files: string[]) => void, { debounceMs = 100 }: SourceWatchOptions = {}): SourceWatch {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const settle = () => {
    timer = undefined;
    const files = [...changed].sort();
    changed.clear();
    onChange(files);
  };
  const noticed = (file: string) => {
    if (!isAppSource(file)) return;
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(settle, debounceMs);
  };

  const watchers = new Map<string, FSWatcher>();
  // chalicelib/ and .chalice/ may appear (or be replaced) after the start: watched anew when they do.
  const watchFolder = (folder: string, recursive: boolean) => {
    watchers.get(folder)?.close();
    watchers.delete(folder);
    if (!existsSync(join(projectDir, folder))) return;
    try {
      const watcher = watch(join(projectDir, folder), { persistent: false, recursive }, (_, name) => noticed(`${folder}/${name ?? ''}`.replaceAll('\\', '/')));
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(folder);
      });
      watchers.set(folder, watcher);
    } catch {
      // Removed between the check and the watch: its reappearance is seen from the project folder.
    }
  };
  const root = watch(projectDir, { persistent: false }, (_, name) => {
    if (name === 'chalicelib') watchFolder('chalicelib', true);
    if (name === '.chalice') watchFolder('.chalice', false);
    if (name !== null) noticed(name);
  });
  watchFolder('chalicelib', true);
  watchFolder('.chalice', false);
  return {
    close: () => {
      clearTimeout(timer);
      root.close();
      for (const watcher of watchers.values()) watcher.close();
    },
  };
}
