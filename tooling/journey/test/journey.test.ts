import { execFile, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { cfnLint, startMoto, terraformAvailable, terraformValidate, type MotoServer } from '@chalice/fixtures';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { packAll, ROOT } from '../../pack.ts';

// A new user's path, outside the workspace: the packages packed as `npm run pack` packs them,
// the CLI installed from the tarballs with plain npm (no pnpm, no workspace links: no PATH entry
// nor environment variable of the workspace reaches the commands), then a project of each
// template made with `--packages`, installed, tested, served, packaged and deployed to moto.
// moto is started through tooling/fixtures/moto-server.py, which lets PutRestApi take the MOCK
// integration of a CORS preflight as API Gateway does: the rest-api project gets a CORS route and
// deploys end to end.

const REGION = 'us-east-1';
// Kept between runs: npm then installs the third-party dependencies from it.
const NPM_CACHE = join(tmpdir(), 'chalice-journey-npm-cache');

interface Template {
  name: 'rest-api' | 's3-event' | 'lambda-only';
  /** Whether a SAM template can hold it: CloudFormation cannot add notifications to an existing bucket. */
  sam: boolean;
}

const TEMPLATES: Template[] = [
  { name: 'rest-api', sam: true },
  { name: 's3-event', sam: false },
  { name: 'lambda-only', sam: true },
];

const work = mkdtempSync(join(tmpdir(), 'chalice-journey-'));
const prefix = join(work, 'global');
const chaliceBin = join(prefix, 'bin', 'chalice');
const projects = join(work, 'projects');
const home = join(work, 'home');
mkdirSync(projects);
mkdirSync(home);

// The machine's environment less the workspace: no npm_* variables of the pnpm run that started
// this test, no PATH entry inside the repository, no AWS settings of whoever runs it.
function outsideEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|AWS_|PNPM|TURBO)/i.test(key)));
  const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.startsWith(ROOT));
  return { ...env, PATH: [join(prefix, 'bin'), ...path].join(delimiter), npm_config_cache: NPM_CACHE, ...extra };
}

let motoEndpoint = '';
const awsEnv = () => outsideEnv({ HOME: home, AWS_ENDPOINT_URL: motoEndpoint, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: REGION });

function sh(command: string, args: string[], cwd: string, env = outsideEnv()): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  assert.is(result.status, 0, `${what} exited ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** `sh`, without blocking: for the installs run side by side. */
function shAsync(command: string, args: string[], cwd: string): Promise<SpawnSyncReturns<string>> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: outsideEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr, signal: null, pid: 0, output: [] });
    });
  });
}

// npm still asks the registry about the @chalice packages it installs from tarballs; they are not
// published, and each retry of a failed look-up waits 10-60 s, so one try is enough.
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--fetch-retries=0'];
const npm = (args: string[], cwd: string) => ok(sh('npm', [...args, ...NPM_FLAGS], cwd), `npm ${args.join(' ')}`);
const aws = (args: string[]) =>
  JSON.parse(ok(sh('aws', ['--endpoint-url', motoEndpoint, '--region', REGION, '--output', 'json', ...args], work, awsEnv()), `aws ${args.join(' ')}`) || '{}');

/** The installed `chalice local --port 0` in `cwd`: its URL once it says so, and how to stop it. */
async function serve(cwd: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(chaliceBin, ['local', '--port', '0', '--no-autoreload'], { cwd, env: outsideEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
  };
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`chalice local did not start within 20 s:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Serving on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => reject(new Error(`chalice local exited ${child.exitCode}:\n${output}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, stop };
}

const journey = suite<{ moto?: MotoServer; tarballs: string[] }>("a new user's journey, outside the workspace", { tarballs: [] });

journey.before(async (context) => {
  context.moto = await startMoto();
  motoEndpoint = context.moto.endpoint;
  context.tarballs = packAll(join(work, 'packages-out'));
});

journey.after(async (context) => {
  await context.moto?.stop();
  rmSync(work, { recursive: true, force: true });
});

journey('every publishable package is packed, workspace: versions made real; each tarball carries the licence', ({ tarballs }) => {
  const names = tarballs.map((file) => file.slice(file.lastIndexOf('/') + 1).replace(/-\d+\.\d+\.\d+.*$/, ''));
  assert.equal(names, [
    'chalice',
    'chalice-authorizers',
    'chalice-config',
    'chalice-deployer',
    'chalice-events',
    'chalice-local',
    'chalice-packager',
    'chalice-policygen',
    'chalice-router',
    'chalice-websocket',
  ]);
  for (const tarball of tarballs) {
    const listing = ok(sh('tar', ['tzf', tarball], work), `tar tzf ${tarball}`);
    assert.ok(listing.split('\n').includes('package/LICENSE'), `${tarball} has no LICENSE`);
    const manifest = ok(sh('tar', ['xzf', tarball, '-O', 'package/package.json'], work), 'tar xzf');
    assert.not.match(manifest, /workspace:/, tarball);
  }
});

journey('plain npm installs the CLI from the tarballs into an empty folder, as the README says', ({ tarballs }) => {
  npm(['install', '--global', '--prefix', prefix, ...tarballs], work);
  assert.match(ok(sh(chaliceBin, ['--version'], work), 'chalice --version'), /^chalice\/\d+\.\d+\.\d+/);
});

const projectDir = (template: Template) => join(projects, `journey-${template.name}`);

journey('a project of each template: new-project --packages, then npm install in each (side by side)', async () => {
  for (const template of TEMPLATES) {
    ok(sh(chaliceBin, ['new-project', `journey-${template.name}`, '--template', template.name, '--packages', join(work, 'packages-out')], projects), 'new-project');
  }
  const installs = await Promise.all(TEMPLATES.map((template) => shAsync('npm', ['install', ...NPM_FLAGS], projectDir(template))));
  installs.forEach((install, i) => ok(install, `npm install (${TEMPLATES[i]!.name})`));
  for (const template of TEMPLATES) assert.ok(existsSync(join(projectDir(template), 'node_modules', '@chalice', 'router', 'package.json')));
});

for (const template of TEMPLATES) {
  const dir = projectDir(template);

  journey(`${template.name}: the project's own npm test`, () => {
    assert.match(npm(['test'], dir), /# pass [1-9]/);
  });

  if (template.name === 'rest-api') {
    journey('rest-api: a CORS route added; chalice local answers it over HTTP, preflight included', async () => {
      const app = join(dir, 'app.ts');
      writeFileSync(
        app,
        `${readFileSync(app, 'utf8')}\napp.route('/items/{id}', { methods: ['PUT'], cors: true }, function put_item({ id }, request) {\n  return { id, item: request.jsonBody };\n});\n`,
      );
      const server = await serve(dir);
      try {
        assert.equal(await (await fetch(`${server.url}/hello/journey`)).json(), { hello: 'journey' });
        const put = await fetch(`${server.url}/items/7`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
        assert.equal([put.status, put.headers.get('access-control-allow-origin'), await put.json()], [200, '*', { id: '7', item: { a: 1 } }]);
        const preflight = await fetch(`${server.url}/items/7`, { method: 'OPTIONS' });
        assert.is(preflight.status, 200);
        assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);
      } finally {
        await server.stop();
      }
    });
  }

  const sam = template.sam ? 'SAM passes cfn-lint' : 'SAM refused in one line';
  journey(`${template.name}: chalice package: ${sam}; Terraform passes terraform validate`, () => {
    if (template.sam) {
      ok(sh(chaliceBin, ['package', 'sam'], dir), 'chalice package');
      assert.is(cfnLint([join(dir, 'sam', 'sam.json')]), '', 'cfn-lint findings');
    } else {
      const refused = sh(chaliceBin, ['package', 'sam'], dir);
      assert.is(refused.status, 2);
      assert.match(
        refused.stderr,
        /^Error: Function "handle_upload" handles events of the S3 bucket "my-bucket" \(onS3Event\), but a SAM\/CloudFormation template cannot add event notifications to an existing bucket\./m,
      );
    }
    ok(sh(chaliceBin, ['package', '--pkg-format', 'terraform', 'tf'], dir), 'chalice package --pkg-format terraform');
    if (!terraformAvailable()) {
      console.log(`  (${template.name}: terraform validate not run: no terraform CLI and AWS provider on this machine)`);
      return;
    }
    const result = terraformValidate(JSON.parse(readFileSync(join(dir, 'tf', 'chalice.tf.json'), 'utf8')));
    if (result.skipped) console.log(`  (${template.name}: not validated: ${result.skipped})`);
    assert.equal(result.diagnostics, [], 'terraform validate: no errors or warnings');
    assert.ok(result.valid);
  });

  journey(`${template.name}: chalice deploy to moto, then chalice delete removes what it made`, () => {
    if (template.name === 's3-event') aws(['s3api', 'create-bucket', '--bucket', 'my-bucket']);
    ok(sh(chaliceBin, ['deploy', '--yes'], dir, awsEnv()), 'chalice deploy');
    const state = JSON.parse(readFileSync(join(dir, '.chalice', 'deployed', 'dev.json'), 'utf8')) as {
      resources: Array<{ resource_type: string; rest_api_id?: string; lambda_arn?: string }>;
    };
    const functions = state.resources.filter((r) => r.resource_type === 'lambda_function').map((r) => r.lambda_arn!.split(':').pop());
    assert.ok(functions.length > 0, 'a function is deployed');
    const deployed = (aws(['lambda', 'list-functions']).Functions as Array<{ FunctionName: string }>).map((f) => f.FunctionName);
    for (const fn of functions) assert.ok(deployed.includes(fn!), `${fn} is in moto`);
    const restApi = state.resources.find((r) => r.resource_type === 'rest_api');
    if (template.name === 'rest-api') {
      const resources = aws(['apigateway', 'get-resources', '--rest-api-id', restApi!.rest_api_id!]).items as Array<{ path: string; resourceMethods?: Record<string, unknown> }>;
      assert.equal(Object.keys(resources.find((r) => r.path === '/items/{id}')?.resourceMethods ?? {}).sort(), ['OPTIONS', 'PUT'], 'the CORS preflight is deployed');
    } else {
      assert.is(restApi, undefined);
    }
    ok(sh(chaliceBin, ['delete'], dir, awsEnv()), 'chalice delete');
    const left = (aws(['lambda', 'list-functions']).Functions as Array<{ FunctionName: string }>).map((f) => f.FunctionName);
    assert.equal(
      left.filter((fn) => functions.includes(fn)),
      [],
    );
  });
}

journey.run();
