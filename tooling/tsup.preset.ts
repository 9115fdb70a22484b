import type { Options } from 'tsup';

/** The build every package shares: ESM with declarations, one entry per public module. */
export function packageBuild(entry: Options['entry'] = ['src/index.ts'], extra: Options = {}): Options {
  return {
    entry,
    format: ['esm'],
    dts: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    sourcemap: false,
    splitting: false,
    treeshake: true,
    ...extra,
  };
}
