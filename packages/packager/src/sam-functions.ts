import { assertNever } from './assert-never.ts';
import type {
  AppGraph,
  CloudWatchEventResource,
  LambdaFunctionResource,
  ManagedIamRoleResource,
  ScheduledEventResource,
  SnsSubscriptionResource,
  SqsEventSourceResource,
} from './graph-types.ts';
import { isTopicArn, templateResourceName } from './naming.ts';
import { type EventSourceArns, rolePolicy } from './role-policy.ts';
import type { SamEvent, TemplatePart } from './sam-types.ts';

/** The graph resources that become an `Events` entry of their function. */
type FunctionEventResource = ScheduledEventResource | CloudWatchEventResource | SnsSubscriptionResource | SqsEventSourceResource;

/**
 * A managed role as `AWS::IAM::Role` with its policy inline, named `<Role>Policy` as the Python
 * original names it; the statements of its event sources name the stack's queues and websocket
 * API (`websocketApiId`, the API's logical id, when the app has one). The role's name is left to
 * CloudFormation, so the stack does not collide with a `chalice deploy` of the same app in the
 * same account.
 *
 * @example
 * rolePart(graph, role, 'WebsocketAPI').resources.DefaultRole?.Type; // 'AWS::IAM::Role'
 */
export function rolePart(graph: AppGraph, role: ManagedIamRoleResource, websocketApiId: string | null): TemplatePart {
  const id = templateResourceName(role.resourceName);
  const arns: EventSourceArns = {
    queue: queueArn,
    websocketApi: websocketApiId === null ? null : (path) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${websocketApiId}}/${path}` }),
  };
  return {
    resources: {
      [id]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: structuredClone(role.trustPolicy),
          Policies: [{ PolicyName: `${id}Policy`, PolicyDocument: structuredClone(rolePolicy(graph, role, arns)) }],
        },
      },
    },
    outputs: {},
    events: [],
  };
}

/**
 * A Lambda function as `AWS::Serverless::Function`, its code at `codeUri`. Optional settings
 * appear only when set, as the Python original writes them; the function name is left to
 * CloudFormation (stacks of one app in two stages or accounts must not collide).
 *
 * @example
 * functionPart(graph, fn, './deployment.zip').resources.EveryHour?.Properties.Handler; // 'app.every_hour'
 */
export function functionPart(graph: AppGraph, fn: LambdaFunctionResource, codeUri: string): TemplatePart {
  const properties: Record<string, unknown> = {
    Handler: fn.handler,
    Runtime: fn.runtime,
    CodeUri: codeUri,
    MemorySize: fn.memorySize,
    Timeout: fn.timeout,
    Role: roleArn(graph, fn.role),
    Tags: { ...fn.tags },
  };
  if (Object.keys(fn.environmentVariables).length) properties.Environment = { Variables: { ...fn.environmentVariables } };
  if (fn.layers.length) properties.Layers = [...fn.layers];
  if (fn.subnetIds.length) properties.VpcConfig = { SecurityGroupIds: [...fn.securityGroupIds], SubnetIds: [...fn.subnetIds] };
  if (fn.reservedConcurrency !== null) properties.ReservedConcurrentExecutions = fn.reservedConcurrency;
  return { resources: { [templateResourceName(fn.resourceName)]: { Type: 'AWS::Serverless::Function', Properties: properties } }, outputs: {}, events: [] };
}

/**
 * An event rule, SNS subscription or SQS mapping as a SAM event of its function, so SAM makes
 * the rule, subscription or mapping and the permission Lambda needs for it.
 *
 * @example
 * eventPart(schedule).events[0]?.event; // { Type: 'Schedule', Properties: { Schedule: 'rate(1 hour)' } }
 */
export function eventPart(resource: FunctionEventResource): TemplatePart {
  const entry = { functionId: templateResourceName(resource.lambdaFunction), eventId: templateResourceName(resource.resourceName), event: samEvent(resource) };
  return { resources: {}, outputs: {}, events: [entry] };
}

/**
 * The API Gateway integration URI of a function of the template, for a REST or websocket API.
 *
 * @example
 * lambdaInvokeUri('APIHandler');
 * // { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${APIHandler.Arn}/invocations' }
 */
export function lambdaInvokeUri(functionId: string): { 'Fn::Sub': string } {
  return { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${functionId}.Arn}/invocations` };
}

function samEvent(resource: FunctionEventResource): SamEvent {
  switch (resource.kind) {
    case 'scheduledEvent':
      return { Type: 'Schedule', Properties: { Schedule: resource.scheduleExpression, ...(resource.description ? { Description: resource.description } : {}) } };
    case 'cloudWatchEvent':
      // The deployer sends the pattern as a string; SAM wants the structure.
      return { Type: 'CloudWatchEvent', Properties: { Pattern: structuredClone(resource.eventPattern) } };
    case 'snsSubscription':
      return { Type: 'SNS', Properties: { Topic: snsTopicArn(resource.topic) } };
    case 'sqsEventSource':
      return {
        Type: 'SQS',
        Properties: { Queue: queueArn(resource.queue), BatchSize: resource.batchSize },
      };
    default:
      return assertNever(resource);
  }
}

// A queue is given by name, in the stack's own account and region.
function queueArn(queue: string): unknown {
  return { 'Fn::Sub': `arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:${queue}` };
}

// A topic given by name is in the stack's own account and region; an ARN may point elsewhere.
function snsTopicArn(topic: string): unknown {
  if (isTopicArn(topic)) return topic;
  return { 'Fn::Sub': `arn:\${AWS::Partition}:sns:\${AWS::Region}:\${AWS::AccountId}:${topic}` };
}

function roleArn(graph: AppGraph, resourceName: string): unknown {
  const role = graph.resources.find((r) => r.resourceName === resourceName);
  if (role?.kind === 'managedIamRole') return { 'Fn::GetAtt': [templateResourceName(role.resourceName), 'Arn'] };
  if (role?.kind === 'preCreatedIamRole') return role.roleArn;
  throw new Error(`The app graph has no IAM role named "${resourceName}"`);
}
