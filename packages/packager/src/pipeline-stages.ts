import type { PipelineSource } from './pipeline-roles.ts';

const STACK = { 'Fn::Sub': '${ApplicationName}BetaStack' };
const CHANGE_SET = { 'Fn::Sub': '${ApplicationName}ChangeSet' };
const deployAction = { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' };

/**
 * The pipeline's stages: Source (the CodeCommit repository, or GitHub through a CodeStar
 * connection), Build (the CodeBuild project, giving `transformed.yaml`), and Beta (a change set
 * of the beta stack, then its execution).
 *
 * @example
 * pipelineStages('github').map((s) => s.Name); // ['Source', 'Build', 'Beta']
 */
export function pipelineStages(source: PipelineSource): object[] {
  return [
    { Name: 'Source', Actions: [source === 'codecommit' ? codeCommitSource() : githubSource()] },
    {
      Name: 'Build',
      Actions: [
        {
          Name: 'CodeBuild',
          ActionTypeId: { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' },
          InputArtifacts: [{ Name: 'SourceRepo' }],
          OutputArtifacts: [{ Name: 'CompiledCFNTemplate' }],
          Configuration: { ProjectName: { Ref: 'AppPackageBuild' } },
          RunOrder: 1,
        },
      ],
    },
    {
      Name: 'Beta',
      Actions: [
        {
          Name: 'CreateBetaChangeSet',
          ActionTypeId: deployAction,
          InputArtifacts: [{ Name: 'CompiledCFNTemplate' }],
          Configuration: {
            ActionMode: 'CHANGE_SET_REPLACE',
            ChangeSetName: CHANGE_SET,
            StackName: STACK,
            RoleArn: { 'Fn::GetAtt': ['CFNDeployRole', 'Arn'] },
            // The template holds the app's roles and the AWS::Serverless transform.
            Capabilities: 'CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND',
            TemplatePath: 'CompiledCFNTemplate::transformed.yaml',
          },
          RunOrder: 1,
        },
        {
          Name: 'ExecuteChangeSet',
          ActionTypeId: deployAction,
          OutputArtifacts: [{ Name: 'AppDeploymentValues' }],
          Configuration: { ActionMode: 'CHANGE_SET_EXECUTE', ChangeSetName: CHANGE_SET, StackName: STACK, OutputFileName: 'StackOutputs.json' },
          RunOrder: 2,
        },
      ],
    },
  ];
}

// Changes start the pipeline through an EventBridge rule (SourceEventRule), not polling.
function codeCommitSource(): object {
  return {
    Name: 'Source',
    ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'CodeCommit', Version: '1' },
    OutputArtifacts: [{ Name: 'SourceRepo' }],
    Configuration: { RepositoryName: { 'Fn::GetAtt': ['SourceRepository', 'Name'] }, BranchName: { Ref: 'BranchName' }, PollForSourceChanges: false },
    RunOrder: 1,
  };
}

// A connection replaces the personal access tokens of the original's GitHub (version 1) action,
// which AWS no longer recommends; the connection itself is made once, in the console.
function githubSource(): object {
  return {
    Name: 'Source',
    ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'CodeStarSourceConnection', Version: '1' },
    OutputArtifacts: [{ Name: 'SourceRepo' }],
    Configuration: {
      ConnectionArn: { Ref: 'CodeStarConnectionArn' },
      FullRepositoryId: { 'Fn::Sub': '${GithubOwner}/${GithubRepoName}' },
      BranchName: { Ref: 'BranchName' },
      OutputArtifactFormat: 'CODE_ZIP',
      DetectChanges: true,
    },
    RunOrder: 1,
  };
}
