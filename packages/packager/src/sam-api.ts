import type { AppGraph, RestApiResource, WebsocketApiResource } from './graph-types.ts';
import { getResource, websocketRouteFunctions } from './graph-query.ts';
import { templateResourceName } from './naming.ts';
import { buildOpenApi } from './openapi.ts';
import { lambdaInvokeUri } from './sam-functions.ts';
import type { CloudFormationOutput, CloudFormationResource, TemplatePart } from './sam-types.ts';

const REST_API = 'RestAPI';
/** The websocket API's logical id. */
export const WEBSOCKET_API = 'WebsocketAPI';

/**
 * The REST API as `AWS::Serverless::Api` `RestAPI` whose body is the app's OpenAPI 3.0 document,
 * a Lambda permission for the API handler and for each built-in authorizer
 * (`<Name>InvokePermission`), and the seed's Outputs: `RestAPIId`, `EndpointURL`,
 * `APIHandlerName`, `APIHandlerArn`.
 *
 * @example
 * const part = restApiPart(graph, getResource(graph, 'rest_api', 'restApi'));
 * Object.keys(part.resources); // ['RestAPI', 'APIHandlerInvokePermission', 'MyAuthInvokePermission']
 */
export function restApiPart(graph: AppGraph, api: RestApiResource): TemplatePart {
  const handlerId = templateResourceName(getResource(graph, api.lambdaFunction, 'lambdaFunction').resourceName);
  const body = buildOpenApi(api, { lambdaUri: (name) => lambdaInvokeUri(templateResourceName(name)) });
  const properties: Record<string, unknown> = {
    StageName: api.apiGatewayStage,
    // Tells SAM the body is OpenAPI 3; without it SAM also creates a stage named "Stage".
    OpenApiVersion: body.openapi,
    DefinitionBody: body,
    EndpointConfiguration: { Type: api.endpointType, ...(api.endpointType === 'PRIVATE' && api.vpceIds.length ? { VPCEndpointIds: [...api.vpceIds] } : {}) },
  };
  if (api.minimumCompressionSize !== null) properties.MinimumCompressionSize = api.minimumCompressionSize;
  const resources: Record<string, CloudFormationResource> = {
    [REST_API]: { Type: 'AWS::Serverless::Api', Properties: properties },
    [`${handlerId}InvokePermission`]: invokePermission(handlerId, REST_API),
  };
  for (const name of api.authorizers) {
    const id = templateResourceName(getResource(graph, name, 'lambdaFunction').resourceName);
    resources[`${id}InvokePermission`] = invokePermission(id, REST_API);
  }
  const outputs: Record<string, CloudFormationOutput> = {
    RestAPIId: { Value: { Ref: REST_API } },
    EndpointURL: { Value: { 'Fn::Sub': `https://\${${REST_API}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${api.apiGatewayStage}/` } },
    // The seed's output names, kept whatever the handler's logical id: they are a public API.
    APIHandlerName: { Value: { Ref: handlerId } },
    APIHandlerArn: { Value: { 'Fn::GetAtt': [handlerId, 'Arn'] } },
  };
  return { resources, outputs, events: [] };
}

/**
 * The websocket API as `AWS::ApiGatewayV2::*`: the API, an integration, route and Lambda
 * permission per handler, a deployment after the routes and a stage; Outputs `WebsocketAPIId`,
 * `WebsocketConnectEndpointURL` and `<Handler>HandlerArn` / `<Handler>HandlerName` per handler.
 *
 * @example
 * websocketApiPart(api).outputs.WebsocketConnectEndpointURL;
 * // { Value: { 'Fn::Sub': 'wss://${WebsocketAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/api/' } }
 */
export function websocketApiPart(api: WebsocketApiResource): TemplatePart {
  const apiRef = { Ref: WEBSOCKET_API };
  const resources: Record<string, CloudFormationResource> = {
    [WEBSOCKET_API]: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { Name: api.name, ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' },
    },
  };
  const outputs: Record<string, CloudFormationOutput> = { WebsocketAPIId: { Value: apiRef } };
  const routeIds: string[] = [];
  for (const [routeKey, fn] of Object.entries(websocketRouteFunctions(api))) {
    const id = templateResourceName(fn);
    resources[`${id}APIIntegration`] = {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { ...apiRef },
        ConnectionType: 'INTERNET',
        ContentHandlingStrategy: 'CONVERT_TO_TEXT',
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: lambdaInvokeUri(id),
      },
    };
    resources[`${id}InvokePermission`] = invokePermission(id, WEBSOCKET_API);
    resources[`${id}Route`] = {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: { ApiId: { ...apiRef }, RouteKey: routeKey, Target: { 'Fn::Sub': `integrations/\${${id}APIIntegration}` } },
    };
    routeIds.push(`${id}Route`);
    outputs[`${id}HandlerArn`] = { Value: { 'Fn::GetAtt': [id, 'Arn'] } };
    outputs[`${id}HandlerName`] = { Value: { Ref: id } };
  }
  // A deployment made before its routes exist deploys an empty API.
  resources.WebsocketAPIDeployment = { Type: 'AWS::ApiGatewayV2::Deployment', DependsOn: routeIds.sort(), Properties: { ApiId: { ...apiRef } } };
  resources.WebsocketAPIStage = {
    Type: 'AWS::ApiGatewayV2::Stage',
    Properties: { ApiId: { ...apiRef }, DeploymentId: { Ref: 'WebsocketAPIDeployment' }, StageName: api.apiGatewayStage },
  };
  outputs.WebsocketConnectEndpointURL = {
    Value: { 'Fn::Sub': `wss://\${${WEBSOCKET_API}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${api.apiGatewayStage}/` },
  };
  return { resources, outputs, events: [] };
}

// Lets API Gateway invoke the function from any stage, method and path of this API only.
function invokePermission(functionId: string, apiId: string): CloudFormationResource {
  return {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      FunctionName: { Ref: functionId },
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Sub': `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiId}}/*` },
    },
  };
}
