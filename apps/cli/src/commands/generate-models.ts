import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { API_HANDLER, functionConfig, loadConfig } from '@chalice/config';
import { loadApp } from '@chalice/config/loader';
import { generateModels } from '@chalice/packager';
import { describeApp } from '@chalice/router';
import { UserError } from '../errors.ts';
import { checkFeatureFlags } from '../experimental.ts';
import { printLine } from '../output.ts';

/**
 * `chalice generate-models`: prints the app's REST API as an OpenAPI 3.0 document. As in the
 * original, the app is loaded with the stage's environment variables, which it may read to
 * decide its routes.
 */
export async function generateModelsCommand({ projectDir, stage }: { projectDir: string; stage: string }): Promise<void> {
  if (existsSync(join(projectDir, '.chalice', 'config.json'))) {
    Object.assign(process.env, functionConfig(loadConfig(projectDir), stage, API_HANDLER).environmentVariables);
  }
  const { app } = await loadApp({ projectDir });
  checkFeatureFlags(app);
  const model = describeApp(app);
  if (model.routes.length === 0) throw new UserError('No REST API found to generate model from: the app has no routes');
  printLine(JSON.stringify(generateModels(model), null, 2));
}
