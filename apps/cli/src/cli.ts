import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { cac } from 'cac';
import { reportError, UserError } from './errors.ts';
import { usageError } from './usage-error.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Options every command accepts. */
export interface GlobalOptions {
  projectDir: string;
  debug: boolean;
}

const cli = cac('chalice');
cli.option('--project-dir <dir>', 'The project directory (default: the current directory)').option('--debug', 'Print stack traces and debug output');

cli
  .command('new-project [name]', 'Create a new project in a new folder NAME')
  .option('--template <template>', 'rest-api (default), s3-event or lambda-only', { default: 'rest-api' })
  .option('--profile <profile>', 'AWS profile written into .chalice/config.json')
  .option('--packages <dir>', 'Install the Chalice packages from the tarballs in DIR (`npm run pack` in the chalice-ts repository) instead of the registry')
  .example('chalice new-project helloworld')
  .example('chalice new-project uploads --template s3-event')
  .example('chalice new-project demo --packages ../chalice-ts/packages-out')
  .action(async (name: string | undefined, options: { template: string; profile?: string; packages?: string } & GlobalOptions) => {
    const { newProject } = await import('./commands/new-project.ts');
    // cac reads `--profile 123` as a number.
    const text = (value: unknown) => (value === undefined ? undefined : String(value));
    await newProject({ name: text(name), template: options.template, cwd: process.cwd(), packages: text(options.packages), profile: text(options.profile) });
  });

cli
  .command('local', 'Serve the app locally, as API Gateway would')
  .option('--host <host>', 'Address to listen on', { default: '127.0.0.1' })
  .option('--port <port>', 'Port to listen on', { default: 8000 })
  .option('--stage <stage>', 'Chalice stage whose config applies', { default: 'dev' })
  .option('--autoreload', 'Reload the app after edits to app.ts or chalicelib/ (--no-autoreload to turn off)', { default: true })
  .example('chalice local --port 8080 --stage prod')
  .example('# Routes with apiKeyRequired answer 403 without an x-api-key header; locally any value is accepted')
  .action(async (options: { host: string; port: string | number; stage: string; autoreload: boolean } & GlobalOptions) => {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number from 0 to 65535, got ${JSON.stringify(options.port)}`);
    const { serveLocal } = await import('./commands/local.ts');
    await serveLocal({ projectDir: process.cwd(), host: options.host, port, stage: options.stage, autoreload: options.autoreload });
  });

cli
  .command('package [out]', 'Write the deployment package and a SAM (CloudFormation) or Terraform template to OUT')
  .option('--stage <stage>', 'Chalice stage whose config applies', { default: 'dev' })
  .option('--pkg-format <format>', 'cloudformation (sam.json, for SAM / aws cloudformation deploy) or terraform (chalice.tf.json)', { default: 'cloudformation' })
  .option('--template-format <format>', 'json or yaml (CloudFormation only)', { default: 'json' })
  .option('--merge-template <file>', 'A JSON or YAML file deep-merged onto the generated template (to add resources or override properties)')
  .option('--single-file', 'Write OUT as one zip holding the template and deployment.zip')
  .option('--source-map', 'Ship app.mjs.map and turn on source maps in the functions (stack traces point at your sources)')
  .option('--follow-symlinks', 'Copy what symlinks in chalicelib/ and vendor/ leading outside the project point at (refused otherwise)')
  .example('chalice package out')
  .example('chalice package --pkg-format terraform --stage prod build/')
  .example('chalice package --merge-template resources.json --template-format yaml out')
  .action(
    async (
      out: string | undefined,
      options: {
        stage: string;
        pkgFormat: string;
        templateFormat: string;
        mergeTemplate?: string;
        singleFile?: boolean;
        sourceMap?: boolean;
        followSymlinks?: boolean;
      } & GlobalOptions,
    ) => {
      const { packageCommand } = await import('./commands/package.ts');
      await packageCommand({
        projectDir: process.cwd(),
        out,
        stage: options.stage,
        pkgFormat: options.pkgFormat,
        templateFormat: options.templateFormat,
        mergeTemplate: options.mergeTemplate,
        singleFile: Boolean(options.singleFile),
        sourceMap: Boolean(options.sourceMap),
        followSymlinks: Boolean(options.followSymlinks),
        debug: Boolean(options.debug),
      });
    },
  );

cli
  .command('generate-models', "Print the app's REST API as an OpenAPI 3.0 document")
  .option('--stage <stage>', 'Chalice stage whose environment variables the app is loaded with', { default: 'dev' })
  .example('chalice generate-models > openapi.json')
  .action(async (options: { stage: string } & GlobalOptions) => {
    const { generateModelsCommand } = await import('./commands/generate-models.ts');
    await generateModelsCommand({ projectDir: process.cwd(), stage: options.stage });
  });

cli
  .command('gen-policy', "Print the IAM policy generated from the app's source (the AWS SDK calls it can reach)")
  .option('--filename <file>', 'The app module to analyze, relative to the project (default: app.ts, app.mts, app.js or app.mjs)')
  .example('chalice gen-policy > .chalice/policy-dev.json')
  .action(async (options: { filename?: string } & GlobalOptions) => {
    const { genPolicyCommand } = await import('./commands/gen-policy.ts');
    await genPolicyCommand({ projectDir: process.cwd(), filename: options.filename });
  });

cli
  .command('deploy', 'Deploy the app to AWS: roles, functions, the REST API and event sources')
  .option('--stage <stage>', 'Chalice stage to deploy', { default: 'dev' })
  .option('--profile <profile>', 'AWS profile of your shared config files (default: the standard credential chain)')
  .option('--api-gateway-stage <name>', 'API Gateway stage name (default: api_gateway_stage of the config, else "api")')
  .option('--autogen-policy', 'Generate the IAM policy from the source (--no-autogen-policy: use .chalice/policy-<stage>.json or iam_policy_file)', { default: true })
  .option('--yes', 'Accept changes of the autogenerated IAM policy without asking')
  .option('--dry-run', 'Print the plan: what would be created, updated and deleted; change nothing')
  .option('--connection-timeout <seconds>', 'Seconds to wait for AWS to connect and to answer (default 60)')
  .example('chalice deploy')
  .example('chalice deploy --stage prod --profile work --yes')
  .action(
    async (
      options: { stage: string; profile?: string; apiGatewayStage?: string; autogenPolicy: boolean; yes?: boolean; dryRun?: boolean; connectionTimeout?: string } & GlobalOptions,
    ) => {
      await checkApiGatewayStage(options.apiGatewayStage);
      const { deployCommand } = await import('./commands/deploy.ts');
      await deployCommand({
        connectionTimeout: options.connectionTimeout,
        projectDir: process.cwd(),
        stage: options.stage,
        profile: options.profile,
        apiGatewayStage: options.apiGatewayStage,
        autogenPolicy: options.autogenPolicy,
        yes: Boolean(options.yes),
        dryRun: Boolean(options.dryRun),
      });
    },
  );

cli
  .command('delete', 'Delete every AWS resource deployed for the stage')
  .option('--stage <stage>', 'Chalice stage to delete', { default: 'dev' })
  .option('--profile <profile>', 'AWS profile of your shared config files')
  .example('chalice delete --stage dev')
  .action(async (options: { stage: string; profile?: string } & GlobalOptions) => {
    const { deleteCommand } = await import('./commands/delete.ts');
    await deleteCommand({ projectDir: process.cwd(), stage: options.stage, profile: options.profile });
  });

cli
  .command('url', "Print the deployed REST API's URL (and the websocket API's wss:// URL)")
  .option('--stage <stage>', 'Chalice stage', { default: 'dev' })
  .example('curl $(chalice url)')
  .action(async (options: { stage: string } & GlobalOptions) => {
    const { urlCommand } = await import('./commands/url.ts');
    urlCommand({ projectDir: process.cwd(), stage: options.stage });
  });

cli
  .command('logs', "Print a deployed function's CloudWatch logs")
  .option('--stage <stage>', 'Chalice stage', { default: 'dev' })
  .option('-n, --name <name>', 'The function: api_handler (default) or a handler name', { default: 'api_handler' })
  .option('-s, --since <when>', 'From when: 30s, 10m, 2h, 1d, 1w back from now, or an ISO date (default: all events; 10m with --follow)')
  .option('-f, --follow', 'Keep printing new log lines until Ctrl-C')
  .option('--num-entries <n>', 'Print at most N events')
  .option('--include-lambda-messages', "Include Lambda's own START / END / REPORT lines")
  .option('--profile <profile>', 'AWS profile of your shared config files')
  .example('chalice logs -n every_hour --since 1h')
  .example('chalice logs -f')
  .example('chalice logs --num-entries 20')
  .action(
    async (options: { stage: string; name: string; since?: string; follow?: boolean; numEntries?: string; includeLambdaMessages?: boolean; profile?: string } & GlobalOptions) => {
      const maxEntries = options.numEntries === undefined ? undefined : Number(options.numEntries);
      if (maxEntries !== undefined && !(Number.isInteger(maxEntries) && maxEntries > 0))
        throw new UserError(`--num-entries must be a whole number of 1 or more, got ${JSON.stringify(options.numEntries)}`);
      const { logsCommand } = await import('./commands/logs.ts');
      await logsCommand({
        projectDir: process.cwd(),
        stage: options.stage,
        name: options.name,
        since: options.since,
        maxEntries,
        follow: Boolean(options.follow),
        includeLambdaMessages: Boolean(options.includeLambdaMessages),
        profile: options.profile,
      });
    },
  );

cli
  .command('invoke', 'Invoke a deployed function with standard input as the event; print its answer')
  .option('-n, --name <name>', 'The function: a handler name, or api_handler')
  .option('--stage <stage>', 'Chalice stage', { default: 'dev' })
  .option('--profile <profile>', 'AWS profile of your shared config files')
  .example(`echo '{"x": 1}' | chalice invoke -n my_function`)
  .action(async (options: { name?: string; stage: string; profile?: string } & GlobalOptions) => {
    if (!options.name) throw new UserError('Missing -n/--name: which function to invoke');
    const { invokeCommand } = await import('./commands/invoke.ts');
    await invokeCommand({ projectDir: process.cwd(), stage: options.stage, name: options.name, profile: options.profile });
  });

cli
  .command('generate-sdk [out]', "Write an SDK of the app's REST API to OUT: a typed TypeScript client (default), or API Gateway's JavaScript SDK of the deployed stage")
  .option('--stage <stage>', "Chalice stage: its deployed URL is the TypeScript client's default; the JavaScript SDK needs it deployed", { default: 'dev' })
  .option('--sdk-type <type>', "typescript (generated offline from the app) or javascript (API Gateway's, of the deployed stage)", { default: 'typescript' })
  .option('--profile <profile>', 'AWS profile of your shared config files (javascript only)')
  .example('chalice generate-sdk sdk')
  .example('chalice generate-sdk --sdk-type javascript --stage prod /tmp/sdk')
  .action(async (out: string | undefined, options: { stage: string; sdkType: string; profile?: string } & GlobalOptions) => {
    const { generateSdkCommand } = await import('./commands/generate-sdk.ts');
    await generateSdkCommand({ projectDir: process.cwd(), stage: options.stage, sdkType: options.sdkType, out, profile: options.profile });
  });

cli
  .command('generate-pipeline [file]', 'Write to FILE a CloudFormation template of a starter CD pipeline: source repository, CodeBuild, CodePipeline deploying a beta stack')
  .option('--pipeline-version <version>', "v1 (CodePipeline V1, the seed's buildspec layout) or v2 (CodePipeline V2, separate install and build phases)", { default: 'v1' })
  .option('-s, --source <source>', 'codecommit (creates a CodeCommit repository) or github (an existing repository, through a CodeStar connection)', { default: 'codecommit' })
  .option('-b, --buildspec-file <file>', 'Write the buildspec to this file in the project; CodeBuild then reads it from the repository instead of the template')
  .option('-i, --codebuild-image <image>', "The CodeBuild image the pipeline builds with (the CodeBuildImage parameter's default)")
  .example('chalice generate-pipeline pipeline.json')
  .example('aws cloudformation deploy --stack-name mystack --template-file pipeline.json --capabilities CAPABILITY_IAM')
  .example('chalice generate-pipeline --source github --pipeline-version v2 --buildspec-file buildspec.yml pipeline.json')
  .action(async (file: string | undefined, options: { pipelineVersion: string; source: string; buildspecFile?: string; codebuildImage?: string } & GlobalOptions) => {
    const { generatePipelineCommand } = await import('./commands/generate-pipeline.ts');
    generatePipelineCommand({
      projectDir: process.cwd(),
      file,
      pipelineVersion: options.pipelineVersion,
      source: options.source,
      buildspecFile: options.buildspecFile,
      codebuildImage: options.codebuildImage,
    });
  });

cli.help();
cli.version(VERSION);

// cac hands its argument parser the camel-cased names of boolean flags, so a kebab-case one
// (`--single-file`) is not known to take no value and swallows the argument after it. Giving
// those flags an explicit value sidesteps that.
function withExplicitBooleans(argv: string[]): string[] {
  const flags = new Set(
    [cli.globalCommand, ...cli.commands]
      .flatMap((command) => command.options)
      .filter((o) => o.isBoolean && !o.negated)
      .map((o) => o.rawName.split(/[\s,]/)[0]!),
  );
  return argv.map((arg) => (flags.has(arg) && arg.slice(2).includes('-') ? `${arg}=true` : arg));
}

// The AWS SDK warns Node.js 20 users that its releases after January 2027 will need Node.js 22;
// the versions this CLI pins run on Node.js 20, so the warning would only alarm our users.
function hideSdkNodeVersionWarning(): void {
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (!String(warning).startsWith('NodeVersionSupportWarning')) emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
}

async function checkApiGatewayStage(name: string | undefined): Promise<void> {
  if (name === undefined) return;
  const { apiGatewayStageProblem } = await import('@chalice/config');
  const problem = apiGatewayStageProblem(name);
  if (problem) throw new UserError(`--api-gateway-stage ${problem}, got ${JSON.stringify(name)}`);
}

function projectDir(dir: string): string {
  const path = resolve(dir);
  if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new UserError(`--project-dir ${dir}: no such directory`);
  return path;
}

async function main(): Promise<void> {
  hideSdkNodeVersionWarning();
  const debug = process.argv.includes('--debug');
  try {
    cli.parse(withExplicitBooleans(process.argv), { run: false });
    if (!cli.matchedCommand && !cli.options.help && !cli.options.version) {
      const unknown = cli.args[0];
      if (unknown) throw new UserError(`Unknown command "${unknown}": see chalice --help`);
      cli.globalCommand.checkUnknownOptions();
      cli.outputHelp();
      return;
    }
    // Commands run from the project directory, as Python Chalice's do.
    if (cli.options.projectDir) process.chdir(projectDir(String(cli.options.projectDir)));
    await cli.runMatchedCommand();
  } catch (error) {
    process.exitCode = reportError(usageError(error, process.argv.slice(2), cli.matchedCommand?.name), debug);
  }
}

await main();
