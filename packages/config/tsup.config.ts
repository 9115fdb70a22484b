import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

// Two entries: the loader (esbuild) is its own subpath so the config reader stays light.
export default defineConfig(packageBuild({ index: 'src/index.ts', loader: 'src/loader/index.ts' }, { splitting: true }));
