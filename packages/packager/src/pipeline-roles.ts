/** Which repository the pipeline reads: a CodeCommit repository it makes, or GitHub through a connection. */
export type PipelineSource = 'codecommit' | 'github';

/**
 * One statement of a role's inline policy.
 *
 * @example
 * const s: PolicyStatement = { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [{ 'Fn::Sub': '${ApplicationBucket.Arn}/*' }] };
 */
export interface PolicyStatement {
  Effect: 'Allow';
  Action: string[];
  Resource: unknown[];
  Condition?: Record<string, Record<string, string>>;
}

const sub = (text: string) => ({ 'Fn::Sub': text });
const allow = (actions: string[], resources: unknown[], condition?: PolicyStatement['Condition']): PolicyStatement => ({
  Effect: 'Allow',
  Action: actions,
  Resource: resources,
  ...(condition ? { Condition: condition } : {}),
});

const STACK = '${ApplicationName}BetaStack';
const BUCKET_OBJECTS = [sub('${ArtifactBucketStore.Arn}/*'), sub('${ApplicationBucket.Arn}/*')];
const BUCKETS = [sub('${ArtifactBucketStore.Arn}'), sub('${ApplicationBucket.Arn}')];
/** What CloudFormation names the beta stack's roles, functions and rules: `<stack>-<logical id>-<suffix>`. */
const IN_STACK = (service: string, type: string) => sub(`arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${type}${STACK}-*`);

/**
 * The CodeBuild project's policy: its own log group, reading the source artifact and writing the
 * built one, and uploading the deployment package (`aws cloudformation package` checks whether
 * it is already there first, which needs `s3:ListBucket` to tell "missing" from "forbidden").
 *
 * @example
 * codeBuildStatements().flatMap((s) => s.Action); // ['logs:CreateLogGroup', ...]
 */
export function codeBuildStatements(): PolicyStatement[] {
  return [
    allow(
      ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      [
        sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/codebuild/${ApplicationName}Build'),
        sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/codebuild/${ApplicationName}Build:*'),
      ],
    ),
    allow(['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'], BUCKET_OBJECTS),
    allow(['s3:GetBucketLocation', 's3:ListBucket'], BUCKETS),
  ];
}

/**
 * The pipeline's policy: its artifact bucket, its source (the CodeCommit repository, or the
 * GitHub connection), starting the build, running the beta stack's change sets and handing
 * them the CloudFormation role.
 *
 * @example
 * codePipelineStatements('github').some((s) => s.Action.includes('codestar-connections:UseConnection')); // true
 */
export function codePipelineStatements(source: PipelineSource): PolicyStatement[] {
  const sourceAccess =
    source === 'codecommit'
      ? allow(
          ['codecommit:GetBranch', 'codecommit:GetCommit', 'codecommit:UploadArchive', 'codecommit:GetUploadArchiveStatus', 'codecommit:CancelUploadArchive'],
          [sub('${SourceRepository.Arn}')],
        )
      : // Connections made before the service's rename have codestar-connections ARNs, newer ones codeconnections.
        allow(['codestar-connections:UseConnection', 'codeconnections:UseConnection'], [{ Ref: 'CodeStarConnectionArn' }]);
  return [
    allow(['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'], [sub('${ArtifactBucketStore.Arn}/*')]),
    allow(['s3:GetBucketVersioning'], [sub('${ArtifactBucketStore.Arn}')]),
    sourceAccess,
    allow(['codebuild:BatchGetBuilds', 'codebuild:StartBuild'], [sub('${AppPackageBuild.Arn}')]),
    allow(
      ['cloudformation:CreateChangeSet', 'cloudformation:DeleteChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DescribeStacks', 'cloudformation:ExecuteChangeSet'],
      [sub(`arn:\${AWS::Partition}:cloudformation:\${AWS::Region}:\${AWS::AccountId}:stack/${STACK}/*`)],
    ),
    allow(['cloudformation:CreateChangeSet'], [SAM_TRANSFORM]),
    allow(['iam:PassRole'], [sub('${CFNDeployRole.Arn}')], { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } }),
  ];
}

const SAM_TRANSFORM = sub('arn:${AWS::Partition}:cloudformation:${AWS::Region}:aws:transform/Serverless-2016-10-31');

/**
 * What CloudFormation needs to create, update and delete the app's beta stack, the resources a
 * `chalice package` template holds: its roles, functions and their triggers, the REST and
 * websocket APIs. Names are scoped to what CloudFormation calls the stack's resources; the few
 * calls IAM cannot scope (event source mappings, VPC look-ups, layers) are listed alone. An app
 * with a pre-created role (`iam_role_arn`) adds that role to the `iam:PassRole` statement.
 *
 * @example
 * cfnDeployStatements().every((s) => !s.Action.includes('*')); // true
 */
export function cfnDeployStatements(): PolicyStatement[] {
  // IAM ARNs name no region.
  const iamRoles = sub(`arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${STACK}-*`);
  const functions = IN_STACK('lambda', 'function:');
  return [
    allow(['s3:GetObject', 's3:GetObjectVersion'], BUCKET_OBJECTS),
    allow(['cloudformation:CreateChangeSet'], [SAM_TRANSFORM]),
    allow(
      [
        'iam:CreateRole',
        'iam:DeleteRole',
        'iam:GetRole',
        'iam:UpdateAssumeRolePolicy',
        'iam:GetRolePolicy',
        'iam:PutRolePolicy',
        'iam:DeleteRolePolicy',
        'iam:ListRolePolicies',
        'iam:ListAttachedRolePolicies',
        'iam:TagRole',
        'iam:UntagRole',
      ],
      [iamRoles],
    ),
    allow(['iam:PassRole'], [iamRoles], { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } }),
    allow(
      [
        'lambda:CreateFunction',
        'lambda:DeleteFunction',
        'lambda:GetFunction',
        'lambda:GetFunctionConfiguration',
        'lambda:UpdateFunctionCode',
        'lambda:UpdateFunctionConfiguration',
        'lambda:GetFunctionConcurrency',
        'lambda:PutFunctionConcurrency',
        'lambda:DeleteFunctionConcurrency',
        'lambda:AddPermission',
        'lambda:RemovePermission',
        'lambda:GetPolicy',
        'lambda:ListTags',
        'lambda:TagResource',
        'lambda:UntagResource',
      ],
      [functions],
    ),
    allow(
      [
        'lambda:CreateEventSourceMapping',
        'lambda:DeleteEventSourceMapping',
        'lambda:GetEventSourceMapping',
        'lambda:ListEventSourceMappings',
        'lambda:UpdateEventSourceMapping',
        'lambda:GetLayerVersion',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSubnets',
        'ec2:DescribeVpcs',
      ],
      ['*'],
    ),
    allow(['events:PutRule', 'events:DeleteRule', 'events:DescribeRule', 'events:PutTargets', 'events:RemoveTargets', 'events:ListTargetsByRule'], [IN_STACK('events', 'rule/')]),
    allow(['sns:Subscribe', 'sns:Unsubscribe', 'sns:GetSubscriptionAttributes'], [sub('arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:*')]),
    allow(
      ['apigateway:GET', 'apigateway:POST', 'apigateway:PUT', 'apigateway:PATCH', 'apigateway:DELETE'],
      ['/restapis', '/restapis/*', '/apis', '/apis/*'].map((path) => sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}::${path}`)),
    ),
  ];
}
