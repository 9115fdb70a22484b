import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

// Commands are separate entries so `chalice --help` loads none of them.
export default defineConfig(
  packageBuild(['src/cli.ts', 'src/commands/local.ts', 'src/commands/new-project.ts', 'src/commands/package.ts', 'src/commands/generate-models.ts'], { dts: false, splitting: true, banner: { js: '#!/usr/bin/env node' } }),
);
