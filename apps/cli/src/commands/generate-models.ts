import { loadApp } from '@chalice/config';
import { generateModels } from '@chalice/packager';
import { describeApp } from '@chalice/router';
import { checkFeatureFlags } from '../experimental.ts';

/** `chalice generate-models`: prints the app's REST API as an OpenAPI 3.0 document. */
export async function generateModelsCommand({ projectDir }: { projectDir: string }): Promise<void> {
  const { app } = await loadApp({ projectDir });
  checkFeatureFlags(app);
  process.stdout.write(`${JSON.stringify(generateModels(describeApp(app)), null, 2)}\n`);
}
