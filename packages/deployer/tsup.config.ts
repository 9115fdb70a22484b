import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

export default defineConfig(packageBuild());
