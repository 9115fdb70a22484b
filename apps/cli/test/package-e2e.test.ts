import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cfnLint, terraformAvailable, terraformValidate, TF_PLUGIN_DIR } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXAMPLES, run } from './helpers/cli.ts';

// The built binary, as users run it, on copies of the examples in temp folders (without their
// node_modules: the runtime packages then come from the CLI's own installation).
const work = mkdtempSync(join(tmpdir(), 'chalice-package-'));

function copyExample(name: string): string {
  const dir = join(mkdtempSync(join(work, `${name}-`)), name);
  cpSync(join(EXAMPLES, name), dir, { recursive: true, filter: (src) => !/node_modules|\.chalice\/deployments/.test(src) });
  return dir;
}

const examples = readdirSync(EXAMPLES)
  .filter((name) => existsSync(join(EXAMPLES, name, 'app.ts')))
  .sort();

function unzipList(zip: string): string[] {
  const result = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' });
  assert.is(result.status, 0, result.stderr);
  return result.stdout.trim().split('\n').sort();
}

test('every example packages as SAM that cfn-lint accepts (events, with its S3 handler, as Terraform)', () => {
  const templates: string[] = [];
  for (const name of examples) {
    const dir = copyExample(name);
    const sam = run(['package', 'out'], dir);
    if (name === 'events') {
      assert.is(sam.status, 2, `${name}: ${sam.stderr}`);
      assert.match(sam.stderr, /S3/);
      assert.not.ok(existsSync(join(dir, 'out')), 'nothing written on failure');
      const tf = run(['package', '--pkg-format', 'terraform', 'out'], dir);
      assert.is(tf.status, 0, `${name}: ${tf.stderr}`);
      const config = JSON.parse(readFileSync(join(dir, 'out', 'chalice.tf.json'), 'utf8'));
      for (const type of ['aws_lambda_function', 'aws_cloudwatch_event_rule', 'aws_s3_bucket_notification', 'aws_sns_topic_subscription', 'aws_lambda_event_source_mapping']) {
        assert.ok(config.resource[type], `${name}: ${type} in chalice.tf.json`);
      }
      continue;
    }
    assert.is(sam.status, 0, `${name}: ${sam.stderr}`);
    assert.match(sam.stdout, /Wrote deployment\.zip, sam\.json to out/);
    assert.ok(unzipList(join(dir, 'out', 'deployment.zip')).includes('app.mjs'), `${name}: app.mjs in the zip`);
    templates.push(join(dir, 'out', 'sam.json'));
  }
  assert.ok(templates.length >= 10, `packaged ${templates.length} examples`);
  assert.is(cfnLint(templates), '', 'cfn-lint findings');
});

test('Terraform output passes terraform validate, for apps without an API too (events has none)', () => {
  if (!terraformAvailable()) {
    console.log(`  (skipped: terraform validate needs the terraform CLI and the AWS provider in ${TF_PLUGIN_DIR})`);
    return;
  }
  for (const name of ['events', 'pure-lambdas', 'websocket-chat']) {
    const dir = copyExample(name);
    const result = run(['package', '--pkg-format', 'terraform', 'out'], dir);
    assert.is(result.status, 0, `${name}: ${result.stderr}`);
    const config = JSON.parse(readFileSync(join(dir, 'out', 'chalice.tf.json'), 'utf8'));
    assert.equal(config.data.null_data_source, { chalice: { inputs: { app: config.locals.chalice_app, stage: 'dev' } } }, `${name}: the seed's null_data_source`);
    const { valid, diagnostics, skipped } = terraformValidate(config);
    if (skipped) console.log(`  (${name}: not validated: ${skipped})`);
    assert.equal(diagnostics, [], `${name}: terraform validate`);
    assert.ok(valid, name);
  }
});

test('packaging twice gives byte-identical files, and the package is cached by hash', () => {
  const dir = copyExample('blueprints');
  assert.is(run(['package', 'one'], dir).status, 0);
  assert.is(run(['package', 'two'], dir).status, 0);
  for (const file of ['sam.json', 'deployment.zip']) assert.ok(readFileSync(join(dir, 'one', file)).equals(readFileSync(join(dir, 'two', file))), `${file} differs`);
  const cached = readdirSync(join(dir, '.chalice', 'deployments'));
  assert.is(cached.length, 1);
  assert.match(cached[0]!, /^[0-9a-f]{64}-nodejs\d+\.x\.zip$/);
});

test('--merge-template, --template-format yaml and --single-file', () => {
  const dir = copyExample('hello-world');
  writeFileSync(
    join(dir, 'extra.yaml'),
    // A stateful resource says what becomes of its data (cfn-lint's I3011 otherwise).
    [
      'Resources:',
      '  Table:',
      '    Type: AWS::DynamoDB::Table',
      '    DeletionPolicy: Delete',
      '    UpdateReplacePolicy: Delete',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions: [{AttributeName: PK, AttributeType: S}]',
      '      KeySchema: [{AttributeName: PK, KeyType: HASH}]',
      '  APIHandler:',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      '          TABLE: !Ref Table',
      '',
    ].join('\n'),
  );
  const merged = run(['package', '--merge-template', 'extra.yaml', '--template-format', 'yaml', 'out'], dir);
  assert.is(merged.status, 0, merged.stderr);
  const yaml = readFileSync(join(dir, 'out', 'sam.yaml'), 'utf8');
  assert.match(yaml, /Type: AWS::DynamoDB::Table/);
  assert.match(yaml, /DeletionPolicy: Delete/, 'resource attributes beside Properties kept');
  assert.match(yaml, /TABLE:\s*\n\s*Ref: Table/);
  assert.match(yaml, /Handler: app\.api_handler/, 'generated properties kept');
  assert.is(cfnLint([join(dir, 'out', 'sam.yaml')]), '');

  const single = run(['package', '--single-file', 'bundle.zip'], dir);
  assert.is(single.status, 0, single.stderr);
  assert.equal(unzipList(join(dir, 'bundle.zip')), ['deployment.zip', 'sam.json']);
});

test('bad input: one clear line, exit 2, and OUT left as it was', () => {
  const dir = copyExample('hello-world');
  mkdirSync(join(dir, 'out'));
  writeFileSync(join(dir, 'out', 'keep.txt'), 'mine');
  const expectFailure = (args: string[], message: RegExp, cwd = dir) => {
    const result = run(args, cwd);
    assert.is(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.not.match(result.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(readdirSync(join(dir, 'out')), ['keep.txt'], 'out untouched');
  };
  writeFileSync(join(dir, 'bad.json'), '{"Resources": ');
  expectFailure(['package', '--merge-template', 'bad.json', 'out'], /bad\.json is not valid JSON/);
  expectFailure(['package', '--pkg-format', 'pulumi', 'out'], /--pkg-format must be one of cloudformation, terraform, got "pulumi"/);
  expectFailure(['package', '--pkg-format', 'terraform', '--template-format', 'yaml', 'out'], /--template-format yaml is for CloudFormation only/);
  expectFailure(['package'], /Missing OUT/);
  writeFileSync(join(dir, 'cfn.json'), JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Table: { Type: 'AWS::DynamoDB::Table' } } }));
  expectFailure(
    ['package', '--pkg-format', 'terraform', '--merge-template', 'cfn.json', 'out'],
    /cfn\.json is a CloudFormation template \(AWSTemplateFormatVersion, Resources\): --pkg-format terraform merges Terraform JSON/,
  );
  writeFileSync(join(dir, 'tf.json'), JSON.stringify({ resource: { aws_dynamodb_table: { table: {} } } }));
  expectFailure(['package', '--merge-template', 'tf.json', 'out'], /tf\.json is Terraform JSON \(resource\): --pkg-format cloudformation merges a CloudFormation template/);

  const broken = copyExample('errors');
  writeFileSync(join(broken, 'app.ts'), 'export const app = ;\n');
  mkdirSync(join(broken, 'out'));
  const load = run(['package', 'out'], broken);
  assert.is(load.status, 2);
  assert.match(load.stderr, /app\.ts:1:\d+/);
  assert.equal(readdirSync(join(broken, 'out')), []);

  const badConfig = copyExample('cors');
  writeFileSync(join(badConfig, '.chalice', 'config.json'), JSON.stringify({ app_name: 'cors', lambda_timeout: 'long' }));
  const config = run(['package', 'out'], badConfig);
  assert.is(config.status, 2);
  assert.match(config.stderr, /\.chalice\/config\.json: lambda_timeout must be an integer/);
  assert.not.ok(existsSync(join(badConfig, 'out')));

  // Root may write anywhere, so the unwritable case is a path under a file.
  writeFileSync(join(dir, 'extra-file'), '');
  const unwritable = run(['package', 'extra-file/out'], dir);
  assert.is(unwritable.status, 2, unwritable.stderr);
  assert.match(unwritable.stderr, /Cannot write to .*extra-file\/out: .*extra-file is not a folder/);
  const fileAsOut = run(['package', 'extra-file'], dir);
  assert.is(fileAsOut.status, 2);
  assert.match(fileAsOut.stderr, /extra-file is a file: the output must be a folder/);
});

test('generate-models prints the OpenAPI 3.0 document of the routes', () => {
  const dir = copyExample('routing');
  const result = run(['generate-models'], dir);
  assert.is(result.status, 0, result.stderr);
  const document = JSON.parse(result.stdout);
  assert.is(document.openapi.slice(0, 3), '3.0');
  assert.ok(Object.keys(document.paths).length > 0);
  const help = run(['package', '--help'], dir);
  for (const flag of ['--stage', '--pkg-format', '--template-format', '--merge-template', '--single-file', '--source-map', '--follow-symlinks'])
    assert.match(help.stdout, new RegExp(flag));
});

test('the autogenerated role policy holds the AWS calls the app makes (gen-policy prints the same)', () => {
  const dir = copyExample('hello-world');
  // A stand-in for the SDK package, so the app loads without installing the real one.
  const sdk = join(dir, 'node_modules', '@aws-sdk', 'client-s3');
  mkdirSync(sdk, { recursive: true });
  writeFileSync(join(sdk, 'package.json'), JSON.stringify({ name: '@aws-sdk/client-s3', version: '3.0.0', type: 'module', main: 'index.js' }));
  writeFileSync(join(sdk, 'index.js'), 'export class S3Client { send() {} }\nexport class GetObjectCommand { constructor(input) { this.input = input; } }\n');
  writeFileSync(
    join(dir, 'app.ts'),
    [
      "import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';",
      "import { Chalice } from '@chalice/router';",
      "export const app = new Chalice({ appName: 'helloworld' });",
      'const s3 = new S3Client({});',
      "app.route('/', async () => ({ body: await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })) }));",
      '',
    ].join('\n'),
  );
  const result = run(['package', 'out'], dir);
  assert.is(result.status, 0, result.stderr);
  const template = JSON.parse(readFileSync(join(dir, 'out', 'sam.json'), 'utf8'));
  const statements = template.Resources.DefaultRole.Properties.Policies[0].PolicyDocument.Statement;
  assert.ok(
    statements.some((s: { Action: string[] }) => s.Action.includes('s3:GetObject')),
    JSON.stringify(statements),
  );
  assert.ok(statements.some((s: { Action: string[] }) => s.Action.includes('logs:PutLogEvents')));
  const printed = run(['gen-policy'], dir);
  assert.is(printed.status, 0, printed.stderr);
  assert.ok(JSON.parse(printed.stdout).Statement.some((s: { Action: string[] }) => s.Action.includes('s3:GetObject')));
});

test('a new project packages as is', () => {
  assert.is(run(['new-project', 'fresh'], work).status, 0);
  const result = run(['package', 'out'], join(work, 'fresh'));
  assert.is(result.status, 0, result.stderr);
  assert.is(cfnLint([join(work, 'fresh', 'out', 'sam.json')]), '');
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
