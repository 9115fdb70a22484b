import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.preset.ts';

const entry = {
  index: 'src/index.ts',
  sam: 'src/entries/sam.ts',
  terraform: 'src/entries/terraform.ts',
  openapi: 'src/entries/openapi.ts',
  zip: 'src/entries/zip.ts',
};

// Code split into shared chunks: an error class reached through two entries stays one class.
export default defineConfig(packageBuild(entry, { splitting: true }));
