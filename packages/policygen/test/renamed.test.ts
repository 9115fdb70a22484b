import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { actionsOf, project } from './helpers.ts';

// Each operation whose IAM action is not simply its own name, as one `send` in a one-file app.
function sent(pkg: string, command: string, clientName: string): string[] {
  return actionsOf(project({ 'app.ts': `import { ${clientName}, ${command} } from '${pkg}';\nawait new ${clientName}({}).send(new ${command}({}));\n` }));
}

const CASES: Array<[string, string, string, string[]]> = [
  ['@aws-sdk/client-s3', 'ListObjectsV2Command', 'S3Client', ['s3:ListBucket']],
  ['@aws-sdk/client-s3', 'HeadObjectCommand', 'S3Client', ['s3:GetObject']],
  ['@aws-sdk/client-s3', 'HeadBucketCommand', 'S3Client', ['s3:ListBucket']],
  ['@aws-sdk/client-s3', 'DeleteObjectsCommand', 'S3Client', ['s3:DeleteObject']],
  ['@aws-sdk/client-s3', 'CreateMultipartUploadCommand', 'S3Client', ['s3:PutObject']],
  ['@aws-sdk/client-s3', 'UploadPartCommand', 'S3Client', ['s3:PutObject']],
  ['@aws-sdk/client-s3', 'CompleteMultipartUploadCommand', 'S3Client', ['s3:PutObject']],
  ['@aws-sdk/client-s3', 'AbortMultipartUploadCommand', 'S3Client', ['s3:AbortMultipartUpload']],
  ['@aws-sdk/client-lambda', 'InvokeCommand', 'LambdaClient', ['lambda:InvokeFunction']],
  ['@aws-sdk/client-dynamodb', 'TransactWriteItemsCommand', 'DynamoDBClient', ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']],
  ['@aws-sdk/client-dynamodb', 'TransactGetItemsCommand', 'DynamoDBClient', ['dynamodb:GetItem']],
  ['@aws-sdk/client-apigatewaymanagementapi', 'PostToConnectionCommand', 'ApiGatewayManagementApiClient', ['execute-api:ManageConnections']],
  ['@aws-sdk/client-apigatewaymanagementapi', 'DeleteConnectionCommand', 'ApiGatewayManagementApiClient', ['execute-api:ManageConnections']],
  ['@aws-sdk/client-sfn', 'StartExecutionCommand', 'SFNClient', ['states:StartExecution']],
  ['@aws-sdk/client-cognito-identity-provider', 'AdminGetUserCommand', 'CognitoIdentityProviderClient', ['cognito-idp:AdminGetUser']],
  ['@aws-sdk/client-cloudwatch-logs', 'PutLogEventsCommand', 'CloudWatchLogsClient', ['logs:PutLogEvents']],
  ['@aws-sdk/client-sts', 'GetCallerIdentityCommand', 'STSClient', []],
];

for (const [pkg, command, clientName, expected] of CASES) {
  test(`${pkg} ${command} -> ${expected.join(', ') || 'no action'}`, () => {
    assert.equal(sent(pkg, command, clientName), expected);
  });
}

test('lib-dynamodb commands map to the DynamoDB item actions', () => {
  const names = ['GetCommand', 'PutCommand', 'UpdateCommand', 'DeleteCommand', 'QueryCommand', 'ScanCommand', 'BatchGetCommand', 'BatchWriteCommand', 'TransactGetCommand'];
  const source = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, ${names.join(', ')} } from '@aws-sdk/lib-dynamodb';\nconst doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));\n${names.map((name) => `await doc.send(new ${name}({}));`).join('\n')}\n`;
  assert.equal(actionsOf(project({ 'app.ts': source })), [
    'dynamodb:BatchGetItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:DeleteItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:Scan',
    'dynamodb:UpdateItem',
  ]);
});

test('an operation newer than the map falls back to the same-named catalogue action', () => {
  // Bedrock Runtime is newer than the 2022 map; its prefix and InvokeModel come from the catalogue.
  assert.equal(sent('@aws-sdk/client-bedrock-runtime', 'InvokeModelCommand', 'BedrockRuntimeClient'), ['bedrock:InvokeModel']);
});

test.run();
