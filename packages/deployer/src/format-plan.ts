import { assertNever } from './assert-never.ts';
import type { Instruction, Plan } from './plan-types.ts';

/**
 * The plan as text for `chalice deploy --dry-run`: one numbered line per step, saying what it
 * would change, or a line saying nothing would.
 *
 * @example
 * console.log(formatPlan(await plan({ projectDir: '.' })));
 * // 1. create IAM role demo-dev
 * // 2. put policy demo-dev on IAM role demo-dev
 */
export function formatPlan(plan: Plan): string {
  if (!plan.instructions.length) return 'No changes: everything is up to date.';
  return plan.instructions.map((step, index) => `${index + 1}. ${describe(step)}`).join('\n');
}

function describe(step: Instruction): string {
  switch (step.kind) {
    case 'createRole':
      return `create IAM role ${step.roleName}`;
    case 'putRolePolicy':
      return `put policy ${step.policyName} on IAM role ${step.roleName}${step.websocketApi ? ', managing the connections of the new websocket API' : ''}`;
    case 'createFunction':
      return `create Lambda function ${step.spec.functionName} (${step.spec.runtime}, ${step.spec.memorySize} MB, ${step.spec.timeout} s)`;
    case 'updateFunctionCode':
      return `update the code of Lambda function ${step.functionName}`;
    case 'updateFunctionConfiguration':
      return `update the configuration of Lambda function ${step.spec.functionName}`;
    case 'setFunctionTags':
      return `set the tags of Lambda function ${step.functionName} to ${JSON.stringify(step.tags)}`;
    case 'setReservedConcurrency':
      return step.reserved === null
        ? `remove the reserved concurrency of Lambda function ${step.functionName}`
        : `reserve ${step.reserved} concurrent executions for Lambda function ${step.functionName}`;
    case 'createRestApi':
      return `create REST API ${step.name} (${step.endpointType})`;
    case 'tagRestApi':
      return `tag REST API ${step.restApiId} as the stage's (${JSON.stringify(step.tags)})`;
    case 'putRestApi':
      return `import the OpenAPI document of REST API ${step.restApi.name} (${step.restApi.routes.length} routes) and deploy it to stage ${step.restApi.apiGatewayStage}`;
    case 'updateRestApiSettings':
      return `set ${step.changes.join(', ')} on the REST API`;
    case 'addRestApiPermission':
      return `let the REST API invoke Lambda function ${step.functionName}`;
    case 'createWebsocketApi':
      return `create websocket API ${step.name}`;
    case 'createWebsocketIntegration':
      return `integrate function ${step.function} with the websocket API`;
    case 'putWebsocketRoute':
      return `${step.routeId ? 'point' : 'create'} websocket route ${step.routeKey} ${step.routeId ? 'at' : 'to'} function ${step.function}`;
    case 'deleteWebsocketRoute':
      return `delete websocket route ${step.routeKey}`;
    case 'deleteWebsocketIntegration':
      return `delete websocket integration ${step.integrationId}`;
    case 'addWebsocketApiPermission':
      return `let the websocket API invoke Lambda function ${step.functionName}`;
    case 'deployWebsocketApi':
      return `deploy the websocket API (${Object.keys(step.routes).join(', ')}) to stage ${step.apiGatewayStage}`;
    case 'putRule':
      return `put EventBridge rule ${step.rule.ruleName} (${step.rule.scheduleExpression ?? step.rule.eventPattern})`;
    case 'putTarget':
      return `target EventBridge rule ${step.ruleName} at function ${step.function}`;
    case 'addPermission':
      return `let ${step.permission.principal} invoke Lambda function ${step.functionName} from ${step.permission.sourceArn}`;
    case 'subscribeSns':
      return `subscribe function ${step.function} to SNS topic ${step.topicArn}`;
    case 'createEventSourceMapping':
      return `map SQS queue ${step.queue} to Lambda function ${step.functionName} (batch size ${step.batchSize})`;
    case 'updateEventSourceMapping':
      return `set the batch size of event source mapping ${step.uuid} to ${step.batchSize}`;
    case 'putBucketNotification':
      return `send ${step.events.join(', ')} events of S3 bucket ${step.bucket} to function ${step.function}`;
    case 'record':
      return `record ${step.resource.resource_type} ${step.resource.name}, found in AWS, in the deployed state`;
    case 'deletePending':
      return `find and delete the ${step.pending.resource_type} ${step.pending.name} an interrupted deploy was creating`;
    case 'forgetPending':
      return `forget the note of an interrupted create of ${step.name}`;
    case 'deleteRole':
      return `delete IAM role ${step.roleName}`;
    case 'deleteFunction':
      return `delete Lambda function ${step.functionName}`;
    case 'deleteRestApi':
      return `delete REST API ${step.restApiId}`;
    case 'deleteWebsocketApi':
      return `delete websocket API ${step.websocketApiId}`;
    case 'deleteRule':
      return `delete EventBridge rule ${step.ruleName} and its targets`;
    case 'unsubscribeSns':
      return `unsubscribe ${step.subscriptionArn}`;
    case 'deleteEventSourceMapping':
      return `delete event source mapping ${step.uuid}`;
    case 'removeBucketNotification':
      return `stop sending events of S3 bucket ${step.bucket} to ${step.lambdaArn}`;
    default:
      return assertNever(step);
  }
}
