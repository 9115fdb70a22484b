import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadApp } from '@chalice/config/loader';
import { createAwsFacade, DeployError, readState, statePath, type AwsFacade } from '@chalice/deployer';
import { generateTypescriptSdk, readZip } from '@chalice/packager';
import { describeApp } from '@chalice/router';
import { oneOf, UserError } from '../errors.ts';
import { checkFeatureFlags } from '../experimental.ts';
import { printLine } from '../output.ts';

/** The SDK kinds: our own typed client, or API Gateway's generated JavaScript SDK. */
export const SDK_TYPES = ['typescript', 'javascript'] as const;

/**
 * What `chalice generate-sdk` takes. `aws` replaces the AWS facade made from `profile`, for
 * tests and scripts that already hold one.
 *
 * @example
 * const options: GenerateSdkCommand = { projectDir: '.', stage: 'dev', sdkType: 'typescript', out: 'sdk' };
 */
export interface GenerateSdkCommand {
  projectDir: string;
  stage: string;
  sdkType: string;
  out: string | undefined;
  profile?: string;
  aws?: Pick<AwsFacade, 'getSdk'>;
}

/**
 * `chalice generate-sdk OUT`: writes an SDK of the app's REST API into OUT (created when
 * missing; other files in it are left alone). `typescript` is generated offline from the app,
 * defaulting to the stage's deployed URL when there is one; `javascript` is API Gateway's own
 * SDK of the deployed stage, unzipped.
 *
 * @example
 * await generateSdkCommand({ projectDir: process.cwd(), stage: 'dev', sdkType: 'typescript', out: 'sdk' });
 */
export async function generateSdkCommand(options: GenerateSdkCommand): Promise<void> {
  const sdkType = oneOf('--sdk-type', options.sdkType, SDK_TYPES);
  if (!options.out) throw new UserError('Missing OUT: the folder to write the SDK to (chalice generate-sdk OUT)');
  const files = sdkType === 'typescript' ? await typescriptSdk(options) : await javascriptSdk(options);
  const out = resolve(options.out);
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), data);
  }
  printLine(`Wrote the ${sdkType} SDK to ${options.out}: ${Object.keys(files).sort().join(', ')}`);
}

async function typescriptSdk(options: GenerateSdkCommand): Promise<Record<string, string>> {
  const { app } = await loadApp({ projectDir: options.projectDir });
  checkFeatureFlags(app);
  return generateTypescriptSdk(describeApp(app), { baseUrl: deployedApi(options)?.rest_api_url ?? null });
}

async function javascriptSdk(options: GenerateSdkCommand): Promise<Record<string, Uint8Array>> {
  const api = deployedApi(options);
  if (!api) {
    const file = statePath(options.projectDir, options.stage);
    throw new DeployError(
      'NOT_DEPLOYED',
      `Could not find API ID, has this application been deployed? (${file} records no REST API for stage "${options.stage}": run \`chalice deploy\` first)`,
    );
  }
  // The URL names the API Gateway stage actually deployed, which --api-gateway-stage may have set.
  const apiGatewayStage = decodeURIComponent(new URL(api.rest_api_url).pathname.split('/')[1] ?? '');
  const aws = options.aws ?? (await createAwsFacade(options.profile ? { profile: options.profile } : {}));
  const entries = readZip(await aws.getSdk(api.rest_api_id, apiGatewayStage, 'javascript'));
  // API Gateway puts everything in one folder (apiGateway-js-sdk/); OUT takes its contents, as in Python Chalice.
  const tops = new Set(entries.map((e) => e.path.split('/')[0]));
  const strip = tops.size === 1 && entries.every((e) => e.path.includes('/')) ? `${[...tops][0]}/` : '';
  return Object.fromEntries(entries.map((e) => [e.path.slice(strip.length), e.data]));
}

function deployedApi(options: GenerateSdkCommand) {
  return readState(options.projectDir, options.stage).resources.find((r) => r.resource_type === 'rest_api');
}
