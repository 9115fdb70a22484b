import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { generatePipelineCommand } from '../src/commands/generate-pipeline.ts';

const dirs: string[] = [];
test.after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-pipeline-'));
  dirs.push(dir);
  mkdirSync(join(dir, '.chalice'));
  writeFileSync(join(dir, '.chalice/config.json'), JSON.stringify({ version: '2.0', app_name: 'my_app', stages: { dev: {} } }));
  return dir;
}

interface Template {
  Parameters: Record<string, { Default?: string }>;
  Resources: Record<string, { Type: string; Properties: { Source?: { BuildSpec: string } } }>;
}

test('writes the template, with the app name from the config as the ApplicationName default', () => {
  const dir = project();
  generatePipelineCommand({ projectDir: dir, file: join(dir, 'out/pipeline.json'), pipelineVersion: 'v1', source: 'codecommit' });
  const template = JSON.parse(readFileSync(join(dir, 'out/pipeline.json'), 'utf8')) as Template;
  assert.is(template.Parameters.ApplicationName!.Default, 'my-app');
  assert.is(template.Resources.SourceRepository!.Type, 'AWS::CodeCommit::Repository');
  assert.match(template.Resources.AppPackageBuild!.Properties.Source!.BuildSpec, 'npx chalice package /tmp/packaged');
});

test('--buildspec-file writes the buildspec there and the template names it, relative to the project', () => {
  const dir = project();
  generatePipelineCommand({ projectDir: dir, file: join(dir, 'pipeline.json'), pipelineVersion: 'v2', source: 'github', buildspecFile: join(dir, 'ci/buildspec.yml') });
  const template = JSON.parse(readFileSync(join(dir, 'pipeline.json'), 'utf8')) as Template;
  assert.is(template.Resources.AppPackageBuild!.Properties.Source!.BuildSpec, 'ci/buildspec.yml');
  assert.match(readFileSync(join(dir, 'ci/buildspec.yml'), 'utf8'), '  build:\n    commands:\n      - "npx chalice package /tmp/packaged"\n');
});

test('bad flags, a missing FILE and a buildspec outside the project are user errors', () => {
  const dir = project();
  const error = (options: Partial<Parameters<typeof generatePipelineCommand>[0]>) => {
    try {
      generatePipelineCommand({ projectDir: dir, file: join(dir, 'p.json'), pipelineVersion: 'v1', source: 'codecommit', ...options });
    } catch (e) {
      assert.is((e as { code?: string }).code, 'USER_ERROR');
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };
  assert.match(error({ pipelineVersion: 'v3' }), '--pipeline-version must be v1 or v2, got "v3"');
  assert.match(error({ source: 'bitbucket' }), '--source must be codecommit or github, got "bitbucket"');
  assert.match(error({ file: undefined }), 'Missing FILE');
  assert.match(error({ buildspecFile: join(tmpdir(), 'elsewhere.yml') }), 'must be inside the project');
});

test.run();
