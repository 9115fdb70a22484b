import type { PackageSpecs } from './package-specs.ts';

/** The project templates of `chalice new-project`, by name. */
export const TEMPLATES = ['rest-api', 's3-event', 'lambda-only'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

const APPS: Record<TemplateName, string> = {
  'rest-api': `import { Chalice } from '@chalice/router';

export const app = new Chalice({ appName: '{{name}}' });

app.route('/', function index() {
  return { hello: 'world' };
});

// URL parameters arrive typed from the path: { name: string } here.
app.route('/hello/{name}', function hello_name({ name }) {
  return { hello: name };
});
`,
  's3-event': `import { Chalice } from '@chalice/router';

export const app = new Chalice({ appName: '{{name}}' });

// Runs for every object created in the bucket (which must already exist).
app.onS3Event({ bucket: 'my-bucket', events: ['s3:ObjectCreated:*'] }, function handle_upload(event) {
  app.log.info('New object: s3://%s/%s', event.bucket, event.key);
  return { bucket: event.bucket, key: event.key };
});
`,
  'lambda-only': `import { Chalice } from '@chalice/router';

export const app = new Chalice({ appName: '{{name}}' });

// A plain Lambda function: the raw event in, any JSON out.
app.lambdaFunction(function hello(event: { name?: string }) {
  return { hello: event.name ?? 'world' };
});
`,
};

const TESTS: Record<TemplateName, string> = {
  'rest-api': `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '@chalice/local';
import { app } from '../app.ts';

test('GET / says hello', async () => {
  const client = new TestClient(app, { projectDir: '.' });
  const res = await client.http.get('/');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { hello: 'world' });
  client.close();
});
`,
  's3-event': `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '@chalice/local';
import { app } from '../app.ts';

test('handle_upload sees the bucket and the decoded key', async () => {
  const client = new TestClient(app, { projectDir: '.' });
  const event = client.events.generateS3Event({ bucket: 'my-bucket', key: 'photos/my cat.jpg' });
  const { payload } = await client.lambda.invoke('handle_upload', event);
  assert.deepEqual(payload, { bucket: 'my-bucket', key: 'photos/my cat.jpg' });
  client.close();
});
`,
  'lambda-only': `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestClient } from '@chalice/local';
import { app } from '../app.ts';

test('hello greets by name', async () => {
  const client = new TestClient(app, { projectDir: '.' });
  const { payload } = await client.lambda.invoke('hello', { name: 'chalice' });
  assert.deepEqual(payload, { hello: 'chalice' });
  client.close();
});
`,
};

/** What a new project is made with besides its template and name. */
export interface ProjectOptions {
  /** How package.json names the Chalice packages (versions, or local tarballs). */
  packages: PackageSpecs;
  /** The AWS profile written into `.chalice/config.json` (`new-project --profile`). */
  profile?: string;
}

/** Every file of a new project from `template`, by path. */
export function templateFiles(template: TemplateName, name: string, { packages, profile }: ProjectOptions): Record<string, string> {
  const fill = (text: string) => text.replaceAll('{{name}}', name);
  const { '@chalice/router': router, ...devPackages } = packages.direct;
  const config = { version: '2.0', app_name: name, ...(profile === undefined ? {} : { profile }), stages: { dev: { api_gateway_stage: 'api' } } };
  return {
    'app.ts': fill(APPS[template]),
    'test/app.test.ts': TESTS[template],
    '.chalice/config.json': `${JSON.stringify(config, null, 2)}\n`,
    'package.json': `${JSON.stringify(
      {
        name,
        private: true,
        type: 'module',
        scripts: { test: 'node --import tsx --test test/*.test.ts', local: 'chalice local', deploy: 'chalice deploy' },
        dependencies: { '@chalice/router': router },
        devDependencies: { ...devPackages, '@types/node': '^20.19.0', tsx: '^4.20.0', typescript: '^5.9.0' },
        ...(Object.keys(packages.overrides).length ? { overrides: packages.overrides } : {}),
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          strict: true,
          noEmit: true,
          allowImportingTsExtensions: true,
          skipLibCheck: true,
          types: ['node'],
        },
        include: ['app.ts', 'chalicelib', 'test'],
      },
      null,
      2,
    )}\n`,
    // .chalice/deployed/ stays tracked, as with Python Chalice: it is what the next deploy updates.
    '.gitignore': 'node_modules/\n.chalice/deployments/\n',
    'chalicelib/README.md': `Modules and files your app imports go here: \`import { x } from './chalicelib/x.js'\`.
Everything in this folder is packaged with the app.
`,
  };
}
