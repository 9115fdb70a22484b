import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cac } from 'cac';
import { reportError, UserError } from './errors.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Options every command accepts. */
export interface GlobalOptions {
  projectDir: string;
  debug: boolean;
}

const cli = cac('chalice');
cli
  .option('--project-dir <dir>', 'The project directory (default: the current directory)')
  .option('--debug', 'Print stack traces and debug output');

cli
  .command('new-project [name]', 'Create a new project in a new folder NAME')
  .option('--template <template>', 'rest-api (default), s3-event or lambda-only', { default: 'rest-api' })
  .example('chalice new-project helloworld')
  .example('chalice new-project uploads --template s3-event')
  .action(async (name: string | undefined, options: { template: string } & GlobalOptions) => {
    const { newProject } = await import('./commands/new-project.ts');
    await newProject({ name, template: options.template, cwd: process.cwd() });
  });

cli
  .command('local', 'Serve the app locally, as API Gateway would')
  .option('--host <host>', 'Address to listen on', { default: '127.0.0.1' })
  .option('--port <port>', 'Port to listen on', { default: 8000 })
  .option('--stage <stage>', 'Chalice stage whose config applies', { default: 'dev' })
  .option('--autoreload', 'Reload the app after edits to app.ts or chalicelib/ (--no-autoreload to turn off)', { default: true })
  .example('chalice local --port 8080 --stage prod')
  .action(async (options: { host: string; port: string | number; stage: string; autoreload: boolean } & GlobalOptions) => {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number from 0 to 65535, got ${JSON.stringify(options.port)}`);
    const { serveLocal } = await import('./commands/local.ts');
    await serveLocal({ projectDir: process.cwd(), host: options.host, port, stage: options.stage, autoreload: options.autoreload });
  });

cli.help();
cli.version(VERSION);

async function main(): Promise<void> {
  const debug = process.argv.includes('--debug');
  try {
    cli.parse(process.argv, { run: false });
    if (!cli.matchedCommand && !cli.options.help && !cli.options.version) {
      const unknown = cli.args[0];
      if (unknown) throw new UserError(`Unknown command "${unknown}": see chalice --help`);
      cli.outputHelp();
      return;
    }
    // Commands run from the project directory, as Python Chalice's do.
    if (cli.options.projectDir) process.chdir(resolve(String(cli.options.projectDir)));
    await cli.runMatchedCommand();
  } catch (error) {
    // cac reports bad flags and missing values as plain errors whose name is CACError.
    const usage = (error as Error)?.name === 'CACError' ? new UserError((error as Error).message) : error;
    process.exitCode = reportError(usage, debug);
  }
}

await main();
