import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PackageError } from '../src/package-error.ts';
import { mergeTemplates, readMergeFile, serializeTemplate } from '../src/template-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'chalice-merge-'));

async function rejects(promise: Promise<unknown>, message: RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, PackageError);
    assert.match((error as Error).message, message);
    return;
  }
  assert.unreachable(`no error matching ${message}`);
}

test('merging: objects key by key, lists and scalars replaced, inputs untouched', () => {
  const template = { Resources: { APIHandler: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'app.api_handler', Layers: ['a'] } } } };
  const extra = {
    Resources: {
      APIHandler: { Properties: { Environment: { Variables: { TABLE: { Ref: 'Table' } } }, Layers: ['b'] } },
      Table: { Type: 'AWS::DynamoDB::Table' },
    },
  };
  const merged = mergeTemplates(template, extra);
  assert.equal(merged, {
    Resources: {
      APIHandler: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'app.api_handler', Layers: ['b'], Environment: { Variables: { TABLE: { Ref: 'Table' } } } } },
      Table: { Type: 'AWS::DynamoDB::Table' },
    },
  });
  assert.equal(template.Resources.APIHandler.Properties.Layers, ['a']);
});

test('YAML merge files may use the short intrinsic forms', async () => {
  const file = join(dir, 'extra.yaml');
  writeFileSync(
    file,
    [
      'Resources:',
      '  Fn:',
      '    Properties:',
      '      Role: !GetAtt MyRole.Arn',
      '      Table: !Ref Table',
      '      Url: !Sub "https://${Api}.example"',
      '      Parts: !Join [",", [a, b]]',
      '',
    ].join('\n'),
  );
  assert.equal(await readMergeFile(file), {
    Resources: {
      Fn: {
        Properties: { Role: { 'Fn::GetAtt': ['MyRole', 'Arn'] }, Table: { Ref: 'Table' }, Url: { 'Fn::Sub': 'https://${Api}.example' }, Parts: { 'Fn::Join': [',', ['a', 'b']] } },
      },
    },
  });
});

test('a bad merge file is a PackageError naming it', async () => {
  const cases: Array<[string, string, RegExp]> = [
    ['bad.json', '{"Resources": ', /bad\.json is not valid JSON/],
    ['list.json', '[1]', /list\.json must hold an object.*a list/],
    ['bad.yaml', 'a: [1,\n', /bad\.yaml is not valid YAML/],
  ];
  for (const [name, text, message] of cases) {
    writeFileSync(join(dir, name), text);
    await rejects(readMergeFile(join(dir, name)), message);
  }
  await rejects(readMergeFile(join(dir, 'missing.json')), /Cannot read the --merge-template file .*missing\.json: no such file/);
});

test('templates serialize to JSON or YAML that read back the same', async () => {
  const template = { AWSTemplateFormatVersion: '2010-09-09', Resources: { A: { Type: 'T', Properties: { S: { 'Fn::Sub': 'x-${AWS::Region}' }, L: [1, 2] } } } };
  assert.equal(JSON.parse(await serializeTemplate(template, 'json')), template);
  assert.equal(parse(await serializeTemplate(template, 'yaml')), template);
  assert.ok((await serializeTemplate(template, 'json')).endsWith('}\n'));
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
