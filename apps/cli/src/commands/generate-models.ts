import { loadApp } from '@chalice/config/loader';
import { generateModels } from '@chalice/packager';
import { describeApp } from '@chalice/router';
import { UserError } from '../errors.ts';
import { checkFeatureFlags } from '../experimental.ts';
import { printLine } from '../output.ts';

/** `chalice generate-models`: prints the app's REST API as an OpenAPI 3.0 document. */
export async function generateModelsCommand({ projectDir }: { projectDir: string }): Promise<void> {
  const { app } = await loadApp({ projectDir });
  checkFeatureFlags(app);
  const model = describeApp(app);
  if (model.routes.length === 0) throw new UserError('No REST API found to generate model from: the app has no routes');
  printLine(JSON.stringify(generateModels(model), null, 2));
}
