import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

// Commands are separate entries so `chalice --help` loads none of them.
export default defineConfig(
  packageBuild(
    [
      'src/cli.ts',
      'src/commands/local.ts',
      'src/commands/new-project.ts',
      'src/commands/package.ts',
      'src/commands/generate-models.ts',
      'src/commands/gen-policy.ts',
      'src/commands/deploy.ts',
      'src/commands/delete.ts',
      'src/commands/url.ts',
      'src/commands/logs.ts',
      'src/commands/invoke.ts',
      'src/commands/generate-sdk.ts',
      'src/commands/generate-pipeline.ts',
    ],
    { dts: false, splitting: true, banner: { js: '#!/usr/bin/env node' } },
  ),
);
