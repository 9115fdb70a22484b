// The template's shapes, apart from the emitters: sam-template imports sam-api and sam-functions,
// which need these types, so they live where neither side imports the other.

/**
 * One resource of a CloudFormation template.
 *
 * @example
 * const role: CloudFormationResource = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust } };
 */
export interface CloudFormationResource {
  Type: string;
  DependsOn?: string[];
  Properties: Record<string, unknown>;
}

/**
 * One output of a CloudFormation template: a value the stack reports once deployed.
 *
 * @example
 * const output: CloudFormationOutput = { Value: { Ref: 'RestAPI' } };
 */
export interface CloudFormationOutput {
  Value: unknown;
}

/**
 * A SAM template: CloudFormation with the serverless transform. Plain JSON data.
 *
 * @example
 * const template: CloudFormationTemplate = samTemplate(graph, { codeUri: './deployment.zip' });
 * writeFileSync('sam.json', JSON.stringify(template, null, 2));
 */
export interface CloudFormationTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Transform: 'AWS::Serverless-2016-10-31';
  /** Keyed by logical id, sorted. */
  Resources: Record<string, CloudFormationResource>;
  /** Keyed by output name, sorted; the names are the seed's (`EndpointURL`, ...), a public API. */
  Outputs: Record<string, CloudFormationOutput>;
}

/**
 * A SAM event source of a function (`Events` entry of an `AWS::Serverless::Function`).
 *
 * @example
 * const event: SamEvent = { Type: 'Schedule', Properties: { Schedule: 'rate(1 hour)' } };
 */
export interface SamEvent {
  Type: 'Schedule' | 'CloudWatchEvent' | 'SNS' | 'SQS';
  Properties: Record<string, unknown>;
}

/**
 * What one graph resource adds to a template: resources and outputs by logical id, and events
 * for functions already in it (by the function's logical id).
 *
 * @example
 * const part: TemplatePart = { resources: { DefaultRole: role }, outputs: {}, events: [] };
 */
export interface TemplatePart {
  resources: Record<string, CloudFormationResource>;
  outputs: Record<string, CloudFormationOutput>;
  events: Array<{ functionId: string; eventId: string; event: SamEvent }>;
}
