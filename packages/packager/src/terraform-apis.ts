import type { RestApiResource, WebsocketApiResource } from './graph-types.ts';
import { websocketRouteFunctions } from './graph-query.ts';
import { buildOpenApi } from './openapi.ts';
import { permission } from './terraform-events.ts';
import { interpolate, jsonTemplate, reference, template, type TerraformBlock, type TerraformConfigBuilder } from './terraform-values.ts';

const APIGATEWAY = 'apigateway.amazonaws.com';

/**
 * The REST API from its OpenAPI document, a deployment redone whenever the document (or the
 * resource policy) changes, the stage, the invoke permissions of the API handler and of each
 * built-in authorizer, and the outputs `EndpointURL`, `RestAPIId`, `APIHandlerName`, `APIHandlerArn`.
 *
 * @example
 * restApi(config, getResource(graph, 'rest_api', 'restApi'));
 */
export function restApi(config: TerraformConfigBuilder, api: RestApiResource): void {
  const uris = new Set<string>();
  const document = buildOpenApi(api, {
    lambdaUri: (name) => {
      const uri = reference('aws_lambda_function', name, 'invoke_arn').template;
      uris.add(uri);
      return uri;
    },
  });
  // The arguments below repeat what the document says: Terraform only detects drift in
  // arguments it is given, and an argument wins over the document's extension.
  const body: TerraformBlock = {
    name: api.name,
    body: jsonTemplate(document, uris),
    binary_media_types: api.binaryTypes,
    endpoint_configuration: { types: [api.endpointType], ...(api.vpceIds.length ? { vpc_endpoint_ids: api.vpceIds } : {}) },
  };
  // The provider takes it as a string since v5 (so that it can be left unset).
  if (api.minimumCompressionSize !== null) body.minimum_compression_size = String(api.minimumCompressionSize);
  if (api.policy) body.policy = jsonTemplate(api.policy);
  const name = config.resource('aws_api_gateway_rest_api', api.resourceName, body);
  const restApiId = reference('aws_api_gateway_rest_api', name, 'id');
  const redeployOn = ['body', ...(api.policy ? ['policy'] : [])].map((attribute) => `aws_api_gateway_rest_api.${name}.${attribute}`);
  const deployment = config.resource('aws_api_gateway_deployment', api.resourceName, {
    rest_api_id: restApiId,
    triggers: { redeployment: interpolate(`sha1(jsonencode([${redeployOn.join(', ')}]))`) },
    // The stage moves to the new deployment before the old one is deleted (API Gateway refuses
    // to delete a deployment a stage uses).
    lifecycle: { create_before_destroy: true },
  });
  const stage = config.resource('aws_api_gateway_stage', api.resourceName, {
    rest_api_id: restApiId,
    deployment_id: reference('aws_api_gateway_deployment', deployment, 'id'),
    stage_name: api.apiGatewayStage,
  });
  const executeArn = template(reference('aws_api_gateway_rest_api', name, 'execution_arn'), '/*');
  for (const fn of [api.lambdaFunction, ...api.authorizers]) {
    config.resource('aws_lambda_permission', `${fn}_invoke`, permission(fn, APIGATEWAY, executeArn));
  }
  config.output('EndpointURL', template(reference('aws_api_gateway_stage', stage, 'invoke_url'), '/'));
  config.output('RestAPIId', restApiId);
  config.output('APIHandlerName', reference('aws_lambda_function', api.lambdaFunction, 'function_name'));
  config.output('APIHandlerArn', reference('aws_lambda_function', api.lambdaFunction, 'arn'));
}

const OUTPUT_PREFIX = { connectFunction: 'WebsocketConnect', messageFunction: 'WebsocketMessage', disconnectFunction: 'WebsocketDisconnect' } as const;

/**
 * The websocket API: one Lambda proxy integration, invoke permission and route per handler, a
 * deployment redone when routes or integrations change, the stage, and the outputs
 * `WebsocketAPIId`, `WebsocketConnectEndpointURL` and each handler's name and ARN.
 *
 * @example
 * websocketApi(config, getResource(graph, 'websocket_api', 'websocketApi'));
 */
export function websocketApi(config: TerraformConfigBuilder, api: WebsocketApiResource): void {
  const name = config.resource('aws_apigatewayv2_api', api.resourceName, {
    name: api.name,
    protocol_type: 'WEBSOCKET',
    route_selection_expression: '$request.body.action',
  });
  const apiId = reference('aws_apigatewayv2_api', name, 'id');
  const integrations = new Map<string, string>();
  for (const key of ['connectFunction', 'messageFunction', 'disconnectFunction'] as const) {
    const fn = api[key];
    if (fn === null) continue;
    const integration = config.resource('aws_apigatewayv2_integration', `${fn}_api_integration`, {
      api_id: apiId,
      integration_type: 'AWS_PROXY',
      integration_method: 'POST',
      integration_uri: reference('aws_lambda_function', fn, 'invoke_arn'),
      content_handling_strategy: 'CONVERT_TO_TEXT',
    });
    integrations.set(fn, integration);
    config.resource('aws_lambda_permission', `${fn}_invoke_permission`, permission(fn, APIGATEWAY, template(reference('aws_apigatewayv2_api', name, 'execution_arn'), '/*')));
    config.output(`${OUTPUT_PREFIX[key]}HandlerName`, reference('aws_lambda_function', fn, 'function_name'));
    config.output(`${OUTPUT_PREFIX[key]}HandlerArn`, reference('aws_lambda_function', fn, 'arn'));
  }
  const routes = Object.entries(websocketRouteFunctions(api)).map(([routeKey, fn]) => {
    const integration = integrations.get(fn);
    if (!integration) throw new Error(`The websocket route ${routeKey} has no handler in the app graph`);
    const route = config.resource('aws_apigatewayv2_route', `${fn}_route`, {
      api_id: apiId,
      route_key: routeKey,
      target: template('integrations/', reference('aws_apigatewayv2_integration', integration, 'id')),
    });
    return `aws_apigatewayv2_route.${route}`;
  });
  const redeployOn = [...routes, ...[...integrations.values()].map((i) => `aws_apigatewayv2_integration.${i}`)];
  const deployment = config.resource('aws_apigatewayv2_deployment', api.resourceName, {
    api_id: apiId,
    triggers: { redeployment: interpolate(`sha1(jsonencode([${redeployOn.join(', ')}]))`) },
    // A deployment of an API with no routes yet fails: wait for them.
    depends_on: routes,
    lifecycle: { create_before_destroy: true },
  });
  const stage = config.resource('aws_apigatewayv2_stage', api.resourceName, {
    api_id: apiId,
    name: api.apiGatewayStage,
    deployment_id: reference('aws_apigatewayv2_deployment', deployment, 'id'),
  });
  config.output('WebsocketAPIId', apiId);
  config.output('WebsocketConnectEndpointURL', template(reference('aws_apigatewayv2_stage', stage, 'invoke_url'), '/'));
}
