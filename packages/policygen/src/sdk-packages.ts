import { serviceActions, type ServiceActions } from './data.ts';

/** What an `@aws-sdk/*` package is to the analysis. */
export type SdkPackage =
  | { kind: 'client'; id: string; service: ServiceActions }
  | { kind: 'unknownClient'; id: string }
  | { kind: 'dynamodbDocument' | 'storage' | 'presigner' | 'presignedPost'; service: ServiceActions }
  | { kind: 'other' };

// v3 client package ids whose names differ from the iam-dataset's (AWS SDK v2) service names.
const SERVICE_ALIASES: Record<string, string> = {
  'application-discovery-service': 'discovery',
  'cognito-identity-provider': 'cognitoidentityserviceprovider',
  'cost-and-usage-report-service': 'cur',
  'database-migration-service': 'dms',
  'elastic-load-balancing': 'elb',
  'elastic-load-balancing-v2': 'elbv2',
  'elasticsearch-service': 'es',
  forecast: 'forecastservice',
  forecastquery: 'forecastqueryservice',
  'iot-data-plane': 'iotdata',
  'kinesis-video-signaling': 'kinesisvideosignalingchannels',
  'lex-runtime-service': 'lexruntime',
  'rds-data': 'rdsdataservice',
  'sagemaker-a2i-runtime': 'augmentedairuntime',
  sfn: 'stepfunctions',
  transcribe: 'transcribeservice',
};

// Services newer than the map whose IAM prefix is not their package id.
const NEW_SERVICE_PREFIXES: Record<string, string> = {
  'bedrock-agent-runtime': 'bedrock',
  'bedrock-runtime': 'bedrock',
};

const CLIENT = '@aws-sdk/client-';
const cache = new Map<string, SdkPackage>();

/**
 * Classifies an `@aws-sdk/*` import specifier (subpaths such as `/dist-cjs` included).
 *
 * @example
 * sdkPackage('@aws-sdk/client-sfn'); // { kind: 'client', id: 'sfn', service: { prefix: 'states', ... } }
 */
export function sdkPackage(specifier: string): SdkPackage {
  const name = specifier.split('/').slice(0, 2).join('/');
  let found = cache.get(name);
  if (!found) {
    found = classify(name);
    cache.set(name, found);
  }
  return found;
}

function classify(name: string): SdkPackage {
  if (name.startsWith(CLIENT)) {
    const id = name.slice(CLIENT.length);
    const key = SERVICE_ALIASES[id] ?? id.replace(/[^a-z0-9]/g, '');
    const service = serviceActions(key, NEW_SERVICE_PREFIXES[id] ?? id);
    return service ? { kind: 'client', id, service } : { kind: 'unknownClient', id };
  }
  const kind = ({ 'lib-dynamodb': 'dynamodbDocument', 'lib-storage': 'storage', 's3-request-presigner': 'presigner', 's3-presigned-post': 'presignedPost' } as const)[
    name.slice('@aws-sdk/'.length)
  ];
  if (!kind) return { kind: 'other' };
  return { kind, service: serviceActions(kind === 'dynamodbDocument' ? 'dynamodb' : 's3')! };
}

/**
 * Whether a specifier is AWS SDK v2 (`aws-sdk`, `aws-sdk/clients/s3`): its calls are reported
 * as warnings, not turned into IAM actions.
 *
 * @example
 * isSdkV2('aws-sdk/clients/s3'); // true
 */
export function isSdkV2(specifier: string): boolean {
  return specifier === 'aws-sdk' || specifier.startsWith('aws-sdk/');
}

/** `@aws-sdk/lib-dynamodb` commands and the DynamoDB operations they send. */
export const DOCUMENT_COMMANDS: Record<string, string> = {
  BatchExecuteStatementCommand: 'BatchExecuteStatement',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
  DeleteCommand: 'DeleteItem',
  ExecuteStatementCommand: 'ExecuteStatement',
  ExecuteTransactionCommand: 'ExecuteTransaction',
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  TransactGetCommand: 'TransactGetItems',
  TransactWriteCommand: 'TransactWriteItems',
  UpdateCommand: 'UpdateItem',
};

/** `DynamoDBDocument` methods: the commands' names, camel-cased, without `Command`. */
export function documentMethodOperation(method: string): string | undefined {
  return DOCUMENT_COMMANDS[`${method[0]?.toUpperCase()}${method.slice(1)}Command`];
}

/** What `@aws-sdk/lib-storage`'s `Upload` may call: one PutObject, or a multipart upload. */
export const UPLOAD_OPERATIONS = ['PutObject', 'CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload', 'AbortMultipartUpload'];

// Waiters whose polled operation the naming rule below gets wrong.
const WAITERS: Record<string, Record<string, string>> = {
  lambda: {
    FunctionActive: 'GetFunctionConfiguration',
    FunctionActiveV2: 'GetFunction',
    FunctionExists: 'GetFunction',
    FunctionUpdated: 'GetFunctionConfiguration',
    FunctionUpdatedV2: 'GetFunction',
    PublishedVersionActive: 'GetFunctionConfiguration',
  },
};

/**
 * The operation a waiter polls (`waitUntilTableExists` -> `DescribeTable`): for a name made of a
 * resource and a state, the first of `Describe<R>`, `Describe<R>s`, `Head<R>`, `Get<R>`,
 * `List<R>s` the service knows, trying the longest resource first.
 *
 * @example
 * waiterOperation('dynamodb', service, 'TableExists'); // 'DescribeTable'
 */
export function waiterOperation(id: string, service: ServiceActions, waiter: string): string | undefined {
  const listed = WAITERS[id]?.[waiter];
  if (listed) return listed;
  const words = waiter.match(/[A-Z]+(?![a-z])|[A-Z][a-z0-9]*/g) ?? [];
  for (let length = words.length - 1; length > 0; length--) {
    const resource = words.slice(0, length).join('');
    const candidates = [`Describe${resource}`, `Describe${resource}s`, `Head${resource}`, `Get${resource}`, `List${resource}s`];
    const found = candidates.find((operation) => service.actionsFor(operation));
    if (found) return found;
  }
  return undefined;
}
