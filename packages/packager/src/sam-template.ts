import { assertNever } from './assert-never.ts';
import { AppGraphError } from './graph-error.ts';
import type { AppGraph, Resource, S3BucketNotificationResource } from './graph-types.ts';
import { restApiPart, WEBSOCKET_API, websocketApiPart } from './sam-api.ts';
import { eventPart, functionPart, rolePart } from './sam-functions.ts';
import type { CloudFormationOutput, CloudFormationResource, CloudFormationTemplate, SamEvent, TemplatePart } from './sam-types.ts';

/**
 * What the app graph has that a SAM template cannot say. The CLI reports it as a user error.
 *
 * @example
 * try { samTemplate(graph, { codeUri: './deployment.zip' }); }
 * catch (e) { if (e instanceof UnsupportedFeatureError) console.error(e.message); }
 */
export class UnsupportedFeatureError extends Error {
  readonly code = 'UNSUPPORTED_FEATURE';
  override readonly name = 'UnsupportedFeatureError';
}

/** Choices about the template that are not in the graph. */
export interface SamTemplateOptions {
  /** Where every function's code is: the deployment package, relative to the template. */
  codeUri: string;
}

/**
 * The app graph as a SAM template: one `AWS::Serverless::Function` per function with its events,
 * the managed IAM roles, the REST API (`RestAPI`, an OpenAPI 3.0 body) with its invoke
 * permissions, the websocket API, and the seed's Outputs. Pure and deterministic: the same graph
 * gives the same JSON. Logical ids come from `templateResourceName`, so they depend only on
 * the names in the app. Throws {@link UnsupportedFeatureError} for S3 events (SAM cannot attach
 * to an existing bucket) and an `AppGraphError` when two names give one logical id.
 *
 * @example
 * const { graph } = buildAppGraph(app, config, 'dev');
 * const template = samTemplate(graph, { codeUri: './deployment.zip' });
 * template.Outputs.EndpointURL; // { Value: { 'Fn::Sub': 'https://${RestAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/api/' } }
 */
export function samTemplate(graph: AppGraph, options: SamTemplateOptions): CloudFormationTemplate {
  const resources: Record<string, CloudFormationResource> = {};
  const outputs: Record<string, CloudFormationOutput> = {};
  const events: TemplatePart['events'] = [];
  const eventIds = new Set<string>();
  for (const resource of graph.resources) {
    const part = resourcePart(graph, resource, options);
    for (const [id, value] of Object.entries(part.resources)) {
      if (id in resources || eventIds.has(id)) throw duplicateName(id);
      resources[id] = value;
    }
    Object.assign(outputs, part.outputs);
    for (const entry of part.events) {
      // SAM names an event's resources after it, so event ids share the template's namespace.
      if (entry.eventId in resources || eventIds.has(entry.eventId)) throw duplicateName(entry.eventId);
      eventIds.add(entry.eventId);
      events.push(entry);
    }
  }
  // Events are attached last, so they need not come after their function in the graph.
  for (const { functionId, eventId, event } of events) {
    const fn = resources[functionId];
    if (!fn) throw new Error(`The SAM template has no function ${functionId} for event ${eventId}`);
    fn.Properties.Events = { ...(fn.Properties.Events as Record<string, SamEvent> | undefined), [eventId]: event };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    // Sorted, so registering handlers in another order does not change the template.
    Resources: sortedByKey(resources),
    Outputs: sortedByKey(outputs),
  };
}

function resourcePart(graph: AppGraph, resource: Resource, options: SamTemplateOptions): TemplatePart {
  const none: TemplatePart = { resources: {}, outputs: {}, events: [] };
  switch (resource.kind) {
    case 'deploymentPackage':
      // Every function names the package itself (CodeUri); `sam package` uploads it.
      return none;
    case 'managedIamRole':
      return rolePart(graph, resource, graph.resources.some((r) => r.kind === 'websocketApi') ? WEBSOCKET_API : null);
    case 'preCreatedIamRole':
      // Functions use its ARN as is; there is nothing to create.
      return none;
    case 'lambdaFunction':
      return functionPart(graph, resource, options.codeUri);
    case 'restApi':
      return restApiPart(graph, resource);
    case 'websocketApi':
      return websocketApiPart(resource);
    case 'scheduledEvent':
    case 'cloudWatchEvent':
    case 'snsSubscription':
    case 'sqsEventSource':
      return eventPart(resource);
    case 's3BucketNotification':
      throw s3Unsupported(resource);
    default:
      return assertNever(resource);
  }
}

function s3Unsupported(notification: S3BucketNotificationResource): UnsupportedFeatureError {
  return new UnsupportedFeatureError(
    `Function "${notification.lambdaFunction}" handles events of the S3 bucket "${notification.bucket}" (onS3Event), but a SAM/CloudFormation ` +
      'template cannot add event notifications to an existing bucket. Package with `chalice package --pkg-format terraform`, ' +
      'or deploy with `chalice deploy`.',
  );
}

function duplicateName(id: string): AppGraphError {
  return new AppGraphError(`Two names of the app give the template resource name "${id}" (as "foo_bar" and "foo-bar" do): rename one of them`);
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
