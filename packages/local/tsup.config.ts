import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

// Code split into shared chunks: `TestClient` from either entry is one class.
export default defineConfig(packageBuild({ index: 'src/index.ts', 'test-client': 'src/entries/test-client.ts' }, { splitting: true }));
