import { cfnLintTemplates } from '@chalice/fixtures';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { pipelineBuildspec, toYaml } from '../src/pipeline-buildspec.ts';
import type { PolicyStatement } from '../src/pipeline-roles.ts';
import { applicationName, DEFAULT_CODEBUILD_IMAGE, pipelineTemplate, type PipelineCloudFormation, type PipelineOptions } from '../src/pipeline.ts';

const COMBINATIONS: PipelineOptions[] = (['v1', 'v2'] as const).flatMap((pipelineVersion) =>
  (['codecommit', 'github'] as const).flatMap((source) => [
    { pipelineVersion, source },
    { pipelineVersion, source, buildspecFile: 'buildspec.yml' },
  ]),
);
const nameOf = (o: PipelineOptions) => `${o.pipelineVersion}-${o.source}${o.buildspecFile ? '-file' : ''}`;

test("codebuildImage is the CodeBuildImage parameter's default (generate-pipeline -i)", () => {
  assert.is(pipelineTemplate({ pipelineVersion: 'v1', source: 'codecommit' }).template.Parameters.CodeBuildImage!.Default, DEFAULT_CODEBUILD_IMAGE);
  assert.is(
    pipelineTemplate({ pipelineVersion: 'v2', source: 'github', codebuildImage: 'aws/codebuild/standard:7.0' }).template.Parameters.CodeBuildImage!.Default,
    'aws/codebuild/standard:7.0',
  );
});

test('every option combination passes cfn-lint', () => {
  const templates = Object.fromEntries(COMBINATIONS.map((o) => [nameOf(o), pipelineTemplate({ ...o, appName: 'my_app' }).template]));
  // Every finding counts, informational ones included.
  assert.is(cfnLintTemplates(templates), '');
});

const statements = (template: PipelineCloudFormation, roleId: string): PolicyStatement[] => {
  const policies = template.Resources[roleId]!.Properties.Policies as Array<{ PolicyDocument: { Statement: PolicyStatement[] } }>;
  return policies.flatMap((p) => p.PolicyDocument.Statement);
};
const actions = (template: PipelineCloudFormation, roleId: string) => statements(template, roleId).flatMap((s) => s.Action);
const roleIds = (template: PipelineCloudFormation) => Object.keys(template.Resources).filter((id) => template.Resources[id]!.Type === 'AWS::IAM::Role');

test('no role may do everything: no "*" or "service:*" action, and "*" resources only for calls IAM cannot scope', () => {
  for (const options of COMBINATIONS) {
    const { template } = pipelineTemplate(options);
    for (const id of roleIds(template)) {
      for (const statement of statements(template, id)) {
        for (const action of statement.Action) assert.match(action, /^[a-z0-9-]+:[A-Za-z]+$/, `${nameOf(options)} ${id}: ${action}`);
        if (statement.Resource.includes('*')) {
          assert.ok(
            statement.Action.every((a) => /^(ec2:Describe|lambda:(\w+EventSourceMapping|ListEventSourceMappings|GetLayerVersion))/.test(a)),
            `${id} allows ${statement.Action.join(', ')} on every resource`,
          );
        }
      }
    }
  }
});

test('each role gets the actions its service needs', () => {
  const codecommit = pipelineTemplate({ pipelineVersion: 'v2', source: 'codecommit' }).template;
  const github = pipelineTemplate({ pipelineVersion: 'v2', source: 'github' }).template;
  assert.equal(roleIds(codecommit).sort(), ['CFNDeployRole', 'CodeBuildRole', 'CodePipelineRole', 'SourceEventRole']);
  assert.equal(roleIds(github).sort(), ['CFNDeployRole', 'CodeBuildRole', 'CodePipelineRole']);
  assert.equal(actions(codecommit, 'CodeBuildRole').sort(), [
    'logs:CreateLogGroup',
    'logs:CreateLogStream',
    'logs:PutLogEvents',
    's3:GetBucketLocation',
    's3:GetObject',
    's3:GetObjectVersion',
    's3:ListBucket',
    's3:PutObject',
  ]);
  const pipelineActions = actions(codecommit, 'CodePipelineRole');
  for (const action of [
    'codecommit:GetBranch',
    'codecommit:UploadArchive',
    'codebuild:StartBuild',
    'codebuild:BatchGetBuilds',
    'cloudformation:CreateChangeSet',
    'cloudformation:ExecuteChangeSet',
    'iam:PassRole',
  ]) {
    assert.ok(pipelineActions.includes(action), action);
  }
  assert.not.ok(pipelineActions.some((a) => a.startsWith('codestar')));
  const githubActions = actions(github, 'CodePipelineRole');
  assert.ok(githubActions.includes('codestar-connections:UseConnection'));
  assert.not.ok(githubActions.some((a) => a.startsWith('codecommit:')));
  const passRole = statements(codecommit, 'CodePipelineRole').find((s) => s.Action.includes('iam:PassRole'))!;
  assert.equal(passRole.Resource, [{ 'Fn::Sub': '${CFNDeployRole.Arn}' }], 'the pipeline passes only the CloudFormation role');
  assert.equal(passRole.Condition, { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } });
  const deploy = actions(codecommit, 'CFNDeployRole');
  for (const action of [
    'iam:CreateRole',
    'iam:PutRolePolicy',
    'iam:PassRole',
    'lambda:CreateFunction',
    'lambda:AddPermission',
    'apigateway:POST',
    'events:PutRule',
    'sns:Subscribe',
    'lambda:CreateEventSourceMapping',
    's3:GetObject',
  ]) {
    assert.ok(deploy.includes(action), action);
  }
  assert.equal(actions(codecommit, 'SourceEventRole'), ['codepipeline:StartPipelineExecution']);
});

test('the buildspec installs with npm, runs chalice package, then aws cloudformation package, on a supported Node.js', () => {
  const upload = 'aws cloudformation package --template-file /tmp/packaged/sam.json --s3-bucket ${APP_S3_BUCKET} --output-template-file transformed.yaml';
  const install = 'if [ -f package-lock.json ]; then npm ci; else npm install; fi';
  assert.equal(
    parse((pipelineTemplate({ pipelineVersion: 'v2', source: 'codecommit' }).template.Resources.AppPackageBuild!.Properties.Source as { BuildSpec: string }).BuildSpec),
    {
      version: 0.2,
      phases: { install: { 'runtime-versions': { nodejs: 22 }, commands: [install] }, build: { commands: ['npx chalice package /tmp/packaged', upload] } },
      artifacts: { type: 'zip', files: ['transformed.yaml'] },
    },
  );
  assert.equal(pipelineBuildspec('v1').phases, {
    install: { 'runtime-versions': { nodejs: 22 }, commands: ['aws --version', install, 'npx chalice package /tmp/packaged', upload] },
  });
  const env = pipelineTemplate({ pipelineVersion: 'v1', source: 'github' }).template.Resources.AppPackageBuild!.Properties.Environment as {
    EnvironmentVariables: unknown[];
    Image: unknown;
  };
  assert.equal(env.EnvironmentVariables, [{ Name: 'APP_S3_BUCKET', Value: { Ref: 'ApplicationBucket' } }]);
  assert.equal(env.Image, { Ref: 'CodeBuildImage' });
});

test('--buildspec-file: the buildspec comes back as a file and the project points at it', () => {
  const { template, buildspec } = pipelineTemplate({ pipelineVersion: 'v2', source: 'github', buildspecFile: 'ci/buildspec.yml' });
  assert.equal((template.Resources.AppPackageBuild!.Properties.Source as { BuildSpec: string }).BuildSpec, 'ci/buildspec.yml');
  assert.equal(parse(buildspec!), pipelineBuildspec('v2'));
  assert.is(pipelineTemplate({ pipelineVersion: 'v2', source: 'github' }).buildspec, undefined);
});

test('the pipeline: source, build, then a beta change set replaced and executed; the parameters of each source', () => {
  const github = pipelineTemplate({ pipelineVersion: 'v2', source: 'github', appName: 'my_app' }).template;
  const pipeline = github.Resources.AppPipeline!.Properties as {
    PipelineType: string;
    Stages: Array<{ Name: string; Actions: Array<{ ActionTypeId: { Provider: string }; Configuration: { ActionMode?: string } }> }>;
  };
  assert.is(pipeline.PipelineType, 'V2');
  assert.equal(
    pipeline.Stages.map((s) => s.Name),
    ['Source', 'Build', 'Beta'],
  );
  assert.is(pipeline.Stages[0]!.Actions[0]!.ActionTypeId.Provider, 'CodeStarSourceConnection');
  assert.equal(
    pipeline.Stages[2]!.Actions.map((a) => a.Configuration.ActionMode),
    ['CHANGE_SET_REPLACE', 'CHANGE_SET_EXECUTE'],
  );
  assert.equal(Object.keys(github.Parameters), ['ApplicationName', 'CodeBuildImage', 'BranchName', 'GithubOwner', 'GithubRepoName', 'CodeStarConnectionArn']);
  assert.is(github.Parameters.ApplicationName!.Default, 'my-app');
  assert.is(github.Parameters.CodeBuildImage!.Default, 'aws/codebuild/amazonlinux-x86_64-standard:5.0');
  const codecommit = pipelineTemplate({ pipelineVersion: 'v1', source: 'codecommit' }).template;
  assert.is((codecommit.Resources.AppPipeline!.Properties as { PipelineType: string }).PipelineType, 'V1');
  assert.equal(Object.keys(codecommit.Parameters), ['ApplicationName', 'CodeBuildImage', 'BranchName']);
  assert.is(codecommit.Resources.SourceRepository!.Type, 'AWS::CodeCommit::Repository');
  assert.ok(codecommit.Outputs.SourceRepoURL);
  assert.equal(
    Object.keys(github.Resources)
      .filter((id) => github.Resources[id]!.Type === 'AWS::S3::Bucket')
      .sort(),
    ['ApplicationBucket', 'ArtifactBucketStore'],
  );
});

test('application names become valid stack names', () => {
  assert.is(applicationName('my_app'), 'my-app');
  assert.is(applicationName(undefined), 'ChaliceApp');
  assert.is(applicationName('1st'), 'App-1st');
});

test('the buildspec YAML keeps every value: commands YAML would misread, empty lists and maps, keys needing quotes', () => {
  const data = {
    version: 0.2,
    list: ['a: b', '${X} [y]; "z"', '- not a list', '# not a comment', 'yes', '0.2', 'multi\nline'],
    empty: [],
    none: {},
    'key: with colon': { deep: { n: 1 } },
    items: [{ k: 'v' }],
  };
  assert.equal(parse(toYaml(data)), data);
  assert.equal(parse(toYaml(pipelineBuildspec('v1'))), pipelineBuildspec('v1'));
});

test.run();
