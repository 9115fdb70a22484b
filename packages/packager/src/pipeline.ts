import { pipelineBuildspec, toYaml } from './pipeline-buildspec.ts';
import { cfnDeployStatements, codeBuildStatements, codePipelineStatements, type PipelineSource, type PolicyStatement } from './pipeline-roles.ts';
import { pipelineStages } from './pipeline-stages.ts';
import type { CloudFormationOutput, CloudFormationResource } from './sam-types.ts';

export type { PipelineSource } from './pipeline-roles.ts';

/**
 * What `chalice generate-pipeline` asks for. `v1` and `v2` differ in the CodePipeline type
 * (`V1`, or `V2` with its per-minute pricing and git triggers) and the buildspec's layout (the
 * seed's single install phase, or install and build phases). `buildspecFile` is the path, in the
 * repository, of a buildspec the project keeps itself: the template then points CodeBuild at it
 * instead of inlining one. `appName` is the `ApplicationName` parameter's default, `codebuildImage`
 * the `CodeBuildImage` one (default {@link DEFAULT_CODEBUILD_IMAGE}).
 *
 * @example
 * const options: PipelineOptions = { pipelineVersion: 'v2', source: 'github', buildspecFile: 'buildspec.yml', appName: 'myapp' };
 */
export interface PipelineOptions {
  pipelineVersion: 'v1' | 'v2';
  source: PipelineSource;
  buildspecFile?: string;
  appName?: string;
  codebuildImage?: string;
}

/**
 * A CloudFormation template without the serverless transform: plain JSON data.
 *
 * @example
 * const { template } = pipelineTemplate({ pipelineVersion: 'v2', source: 'codecommit' });
 * Object.keys(template.Parameters); // ['ApplicationName', 'CodeBuildImage', 'BranchName']
 */
export interface PipelineCloudFormation {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters: Record<string, Record<string, unknown>>;
  Resources: Record<string, CloudFormationResource>;
  Outputs: Record<string, CloudFormationOutput>;
}

/**
 * The current Amazon Linux 2023 standard image of CodeBuild, which offers the Node.js version the
 * buildspec asks for.
 */
export const DEFAULT_CODEBUILD_IMAGE = 'aws/codebuild/amazonlinux-x86_64-standard:5.0';

/**
 * The seed's starter continuous-deployment pipeline (14.18) as a CloudFormation template: the
 * source (a CodeCommit repository it creates, or a GitHub repository through a CodeStar
 * connection), a CodeBuild project that installs the app with npm and runs `chalice package` and
 * `aws cloudformation package`, a CodePipeline that deploys the result to a beta stack through
 * CloudFormation change sets, the artifact and application buckets, and a least-privilege role
 * for CodeBuild, CodePipeline and CloudFormation each. With `buildspecFile`, the buildspec comes
 * back as YAML text to be written to that file.
 *
 * @example
 * const { template, buildspec } = pipelineTemplate({ pipelineVersion: 'v2', source: 'github', buildspecFile: 'buildspec.yml' });
 * writeFileSync('pipeline.json', JSON.stringify(template, null, 2));
 * if (buildspec) writeFileSync('buildspec.yml', buildspec);
 */
export function pipelineTemplate(options: PipelineOptions): { template: PipelineCloudFormation; buildspec?: string } {
  const buildspec = toYaml(pipelineBuildspec(options.pipelineVersion));
  const github = options.source === 'github';
  const template: PipelineCloudFormation = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Starter continuous deployment pipeline for a Chalice app (chalice generate-pipeline)',
    Parameters: { ...commonParameters(options.appName, options.codebuildImage), ...(github ? githubParameters() : {}) },
    Resources: {
      ...(github ? {} : codeCommitResources()),
      ApplicationBucket: privateBucket(),
      ArtifactBucketStore: privateBucket({ VersioningConfiguration: { Status: 'Enabled' } }),
      CodeBuildRole: role('codebuild.amazonaws.com', 'CodeBuildPolicy', codeBuildStatements()),
      AppPackageBuild: codeBuildProject(options.buildspecFile ?? buildspec),
      CodePipelineRole: role('codepipeline.amazonaws.com', 'DefaultPolicy', codePipelineStatements(options.source)),
      CFNDeployRole: role('cloudformation.amazonaws.com', 'DeployAccess', cfnDeployStatements()),
      AppPipeline: {
        Type: 'AWS::CodePipeline::Pipeline',
        Properties: {
          Name: { 'Fn::Sub': '${ApplicationName}Pipeline' },
          PipelineType: options.pipelineVersion === 'v1' ? 'V1' : 'V2',
          RoleArn: { 'Fn::GetAtt': ['CodePipelineRole', 'Arn'] },
          ArtifactStore: { Type: 'S3', Location: { Ref: 'ArtifactBucketStore' } },
          Stages: pipelineStages(options.source),
        },
      },
    },
    Outputs: {
      ...(github ? {} : { SourceRepoURL: { Value: { 'Fn::GetAtt': ['SourceRepository', 'CloneUrlHttp'] } } }),
      S3ApplicationBucket: { Value: { Ref: 'ApplicationBucket' } },
      S3PipelineBucket: { Value: { Ref: 'ArtifactBucketStore' } },
      CodeBuildRoleArn: { Value: { 'Fn::GetAtt': ['CodeBuildRole', 'Arn'] } },
      CodePipelineRoleArn: { Value: { 'Fn::GetAtt': ['CodePipelineRole', 'Arn'] } },
      CFNDeployRoleArn: { Value: { 'Fn::GetAtt': ['CFNDeployRole', 'Arn'] } },
    },
  };
  return options.buildspecFile ? { template, buildspec } : { template };
}

// The application name becomes the names of the repository, project, pipeline and stack; the
// stack's rules are the strictest: a letter, then letters, digits and hyphens.
const NAME_PATTERN = '^[A-Za-z][A-Za-z0-9-]*$';

function commonParameters(appName: string | undefined, codebuildImage = DEFAULT_CODEBUILD_IMAGE): PipelineCloudFormation['Parameters'] {
  return {
    ApplicationName: {
      Type: 'String',
      Default: applicationName(appName),
      AllowedPattern: NAME_PATTERN,
      MaxLength: 100,
      Description: 'The name of your application: it names the repository, build project, pipeline and beta stack',
    },
    CodeBuildImage: { Type: 'String', Default: codebuildImage, Description: 'The CodeBuild image to build with' },
    BranchName: { Type: 'String', Default: 'main', Description: 'The branch whose changes the pipeline deploys' },
  };
}

/**
 * The `ApplicationName` default for an app name: Chalice allows underscores, which stack names
 * do not.
 *
 * @example
 * applicationName('my_app'); // 'my-app'
 * applicationName(undefined); // 'ChaliceApp'
 */
export function applicationName(appName: string | undefined): string {
  const name = (appName ?? 'ChaliceApp').replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 100);
  return /^[A-Za-z]/.test(name) ? name : `App-${name}`.slice(0, 100);
}

function githubParameters(): PipelineCloudFormation['Parameters'] {
  return {
    GithubOwner: { Type: 'String', Description: 'The GitHub owner or organisation of the repository' },
    GithubRepoName: { Type: 'String', Description: 'The name of the GitHub repository' },
    CodeStarConnectionArn: {
      Type: 'String',
      AllowedPattern: '^arn:aws[a-z-]*:(codestar-connections|codeconnections):[a-z0-9-]+:[0-9]{12}:connection/.+$',
      Description: 'The ARN of a CodeStar connection to GitHub (Developer Tools > Settings > Connections), already authorised',
    },
  };
}

// A push to the branch starts the pipeline through EventBridge, as AWS recommends over polling.
function codeCommitResources(): Record<string, CloudFormationResource> {
  const pipelineArn = { 'Fn::Sub': 'arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${AppPipeline}' };
  return {
    SourceRepository: {
      Type: 'AWS::CodeCommit::Repository',
      Properties: { RepositoryName: { Ref: 'ApplicationName' }, RepositoryDescription: { 'Fn::Sub': 'Source code for ${ApplicationName}' } },
    },
    SourceEventRole: role('events.amazonaws.com', 'StartPipeline', [{ Effect: 'Allow', Action: ['codepipeline:StartPipelineExecution'], Resource: [pipelineArn] }]),
    SourceEventRule: {
      Type: 'AWS::Events::Rule',
      Properties: {
        Description: { 'Fn::Sub': 'Starts ${ApplicationName}Pipeline on a push to its branch' },
        EventPattern: {
          source: ['aws.codecommit'],
          'detail-type': ['CodeCommit Repository State Change'],
          resources: [{ 'Fn::GetAtt': ['SourceRepository', 'Arn'] }],
          detail: { event: ['referenceCreated', 'referenceUpdated'], referenceType: ['branch'], referenceName: [{ Ref: 'BranchName' }] },
        },
        Targets: [{ Id: 'AppPipeline', Arn: pipelineArn, RoleArn: { 'Fn::GetAtt': ['SourceEventRole', 'Arn'] } }],
      },
    },
  };
}

// Build artifacts and deployment packages hold the app's code: never public.
function privateBucket(properties: Record<string, unknown> = {}): CloudFormationResource {
  return {
    Type: 'AWS::S3::Bucket',
    Properties: {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      ...properties,
    },
  };
}

function role(service: string, policyName: string, statements: PolicyStatement[]): CloudFormationResource {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: [service] }, Action: ['sts:AssumeRole'] }] },
      Policies: [{ PolicyName: policyName, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    },
  };
}

// `buildSpec` is the inline YAML, or the path of the project's own buildspec file.
function codeBuildProject(buildSpec: string): CloudFormationResource {
  return {
    Type: 'AWS::CodeBuild::Project',
    Properties: {
      Name: { 'Fn::Sub': '${ApplicationName}Build' },
      ServiceRole: { 'Fn::GetAtt': ['CodeBuildRole', 'Arn'] },
      Artifacts: { Type: 'CODEPIPELINE' },
      Environment: {
        ComputeType: 'BUILD_GENERAL1_SMALL',
        Image: { Ref: 'CodeBuildImage' },
        Type: 'LINUX_CONTAINER',
        EnvironmentVariables: [{ Name: 'APP_S3_BUCKET', Value: { Ref: 'ApplicationBucket' } }],
      },
      Source: { Type: 'CODEPIPELINE', BuildSpec: buildSpec },
    },
  };
}
