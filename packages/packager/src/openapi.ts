import { API_HANDLER } from '@chalice/config';
import type { AppModel, CorsModel, RouteModel } from '@chalice/router';
import type { IamPolicyDocument, RestApiResource } from './graph-types.ts';
import { securityRequirements, securitySchemes, type OpenApiSecurityRequirement, type OpenApiSecurityScheme } from './openapi-security.ts';

export type { OpenApiAuthorizer, OpenApiSecurityRequirement, OpenApiSecurityScheme } from './openapi-security.ts';

/**
 * What the OpenAPI document is built from: the REST API resource of the app graph, or as much
 * of it as a caller without config has. `lambdaFunction` defaults to `api_handler`; `policy` and
 * `vpceIds` are written only when present.
 *
 * @example
 * const input: OpenApiInput = { name: 'app', routes: model.routes, binaryTypes: [], minimumCompressionSize: null };
 */
export type OpenApiInput = Pick<RestApiResource, 'name' | 'routes' | 'binaryTypes' | 'minimumCompressionSize'> &
  Partial<Pick<RestApiResource, 'lambdaFunction' | 'policy' | 'vpceIds'>>;

/**
 * How the caller refers to its Lambda functions.
 *
 * @example
 * // Terraform: the function's invoke ARN, by interpolation.
 * const options: OpenApiOptions = { lambdaUri: (name) => '${aws_lambda_function.' + name + '.invoke_arn}' };
 */
export interface OpenApiOptions {
  /**
   * The API Gateway integration URI of a function, by its `resourceName` (the API handler's, or
   * a built-in authorizer's name): a string, or a template intrinsic such as `{ 'Fn::Sub': ... }`.
   * It is placed as returned, one copy per use.
   */
  lambdaUri(resourceName: string): unknown;
}

/**
 * A path parameter: the only parameters Chalice declares, all strings.
 *
 * @example
 * const p: OpenApiParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
 */
export interface OpenApiParameter {
  name: string;
  in: 'path';
  required: true;
  schema: { type: 'string' };
}

/**
 * `x-amazon-apigateway-integration`: `aws_proxy` to the API handler, or the `mock` answering a
 * CORS preflight. `uri` is whatever `lambdaUri` returned.
 *
 * @example
 * const i: OpenApiIntegration = { type: 'mock', passthroughBehavior: 'when_no_match', contentHandling: 'CONVERT_TO_TEXT',
 *   requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } };
 */
export interface OpenApiIntegration {
  type: 'aws_proxy' | 'mock';
  httpMethod?: 'POST';
  uri?: unknown;
  passthroughBehavior: 'when_no_match';
  contentHandling: 'CONVERT_TO_TEXT';
  requestTemplates?: Record<string, string>;
  /** The `default` response; a mock's carries the CORS headers as `method.response.header.*` values. */
  responses: { default: { statusCode: '200'; responseParameters?: Record<string, string> } };
}

/**
 * One method of one path.
 *
 * @example
 * const get: OpenApiOperation = document.paths['/users/{id}']!.get!;
 */
export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  responses: Record<string, { description: string; headers?: Record<string, { schema: { type: 'string' } }>; content: Record<string, { schema: { $ref: string } }> }>;
  security?: OpenApiSecurityRequirement[];
  'x-amazon-apigateway-integration': OpenApiIntegration;
}

/**
 * The REST API as an OpenAPI 3.0 document with the `x-amazon-apigateway-*` extensions, as API
 * Gateway imports it and SAM and Terraform embed it. Plain JSON data: every object in it is its
 * own (none is shared, so YAML output has no anchors), keys come in a fixed order.
 *
 * @example
 * const document: OpenApiDocument = buildOpenApi(api, { lambdaUri: (name) => arns[name] });
 * JSON.stringify(document.paths['/']);
 */
export interface OpenApiDocument {
  openapi: '3.0.1';
  info: { title: string; version: '1.0' };
  /** Path keys sorted; operations keyed by lower-case method, in OpenAPI's order. */
  paths: Record<string, Partial<Record<OpenApiMethod, OpenApiOperation>>>;
  components: {
    schemas: { Empty: { type: 'object'; title: 'Empty Schema' } };
    /** Only when a route needs an API key or has an authorizer; sorted by name. */
    securitySchemes?: Record<string, OpenApiSecurityScheme>;
  };
  'x-amazon-apigateway-binary-media-types': string[];
  'x-amazon-apigateway-minimum-compression-size'?: number;
  'x-amazon-apigateway-policy'?: IamPolicyDocument;
  'x-amazon-apigateway-endpoint-configuration'?: { vpcEndpointIds: string[] };
}

/**
 * An operation key of a path item.
 *
 * @example
 * const method: OpenApiMethod = 'get';
 */
export type OpenApiMethod = (typeof METHOD_ORDER)[number];

// OpenAPI's own order, so a method added to a path lands in the same place in every template.
const METHOD_ORDER = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/**
 * Builds the REST API's OpenAPI document: one `aws_proxy` operation per route method, a `mock`
 * preflight `options` per CORS path, security schemes for API keys and authorizers, binary
 * media types, and the minimum compression size, resource policy and VPC endpoints when set.
 *
 * @example
 * const document = buildOpenApi(restApi, {
 *   lambdaUri: (name) => `arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/${deployedArns[name]}/invocations`,
 * });
 * document.paths['/users/{id}']?.get?.['x-amazon-apigateway-integration'].uri;
 */
export function buildOpenApi(api: OpenApiInput, options: OpenApiOptions): OpenApiDocument {
  // A fresh copy per use: a shared object would come out of the YAML writer as an alias.
  const handlerUri = (): unknown => structuredClone(options.lambdaUri(api.lambdaFunction ?? API_HANDLER));
  const byPath = new Map<string, RouteModel[]>();
  for (const route of api.routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  const paths: OpenApiDocument['paths'] = {};
  for (const path of [...byPath.keys()].sort((a, b) => (a < b ? -1 : 1))) {
    const routes = byPath.get(path) ?? [];
    const operations = new Map<string, OpenApiOperation>(routes.map((r) => [operationKey(r), routeOperation(r, handlerUri())]));
    // The router gives all CORS methods of a path one configuration; the preflight serves them all.
    const corsRoutes = routes.filter((r) => r.cors);
    const cors = corsRoutes[0]?.cors;
    if (cors) operations.set('options', preflightOperation(corsRoutes, cors));
    paths[path] = Object.fromEntries(METHOD_ORDER.flatMap((m) => (operations.has(m) ? [[m, operations.get(m)]] : [])));
  }
  const schemes = securitySchemes(api.routes, (name) => structuredClone(options.lambdaUri(name)));
  return {
    openapi: '3.0.1',
    info: { title: api.name, version: '1.0' },
    paths,
    components: {
      schemas: { Empty: { type: 'object', title: 'Empty Schema' } },
      ...(Object.keys(schemes).length ? { securitySchemes: schemes } : {}),
    },
    'x-amazon-apigateway-binary-media-types': [...api.binaryTypes],
    ...(api.minimumCompressionSize === null ? {} : { 'x-amazon-apigateway-minimum-compression-size': api.minimumCompressionSize }),
    ...(api.policy ? { 'x-amazon-apigateway-policy': structuredClone(api.policy) } : {}),
    ...(api.vpceIds?.length ? { 'x-amazon-apigateway-endpoint-configuration': { vpcEndpointIds: [...api.vpceIds] } } : {}),
  };
}

/**
 * The app's REST API for `chalice generate-models`: the document `chalice package` embeds, with
 * the placeholders the Python original prints where function ARNs go (`{api_handler_lambda_arn}`,
 * `{<authorizer>_lambda_arn}`), so it needs no config or deployment.
 *
 * @example
 * console.log(JSON.stringify(generateModels(describeApp(app)), null, 4));
 */
export function generateModels(model: AppModel): OpenApiDocument {
  return buildOpenApi(
    { name: model.appName, routes: model.routes, binaryTypes: model.api.binaryTypes, minimumCompressionSize: null },
    { lambdaUri: (name) => `arn:{partition}:apigateway:{region_name}:lambda:path/2015-03-31/functions/{${name}_lambda_arn}/invocations` },
  );
}

function operationKey(route: RouteModel): OpenApiMethod {
  const method = route.method.toLowerCase();
  // Untyped app code can register any string; API Gateway would reject the document later, less clearly.
  if (!(METHOD_ORDER as readonly string[]).includes(method)) {
    throw new Error(`Route ${route.path} (view ${route.viewName}): API Gateway has no method ${route.method}; use one of ${METHOD_ORDER.join(', ').toUpperCase()}`);
  }
  return method as OpenApiMethod;
}

function routeOperation(route: RouteModel, uri: unknown): OpenApiOperation {
  const security = securityRequirements(route);
  return {
    ...pathParameters(route.params),
    responses: { '200': { description: '200 response', content: emptyContent() } },
    ...(security.length ? { security } : {}),
    'x-amazon-apigateway-integration': {
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri,
      passthroughBehavior: 'when_no_match',
      // Chalice's value for every route: binary bodies reach the handler base64-encoded.
      contentHandling: 'CONVERT_TO_TEXT',
      responses: { default: { statusCode: '200' } },
    },
  };
}

function preflightOperation(corsRoutes: RouteModel[], cors: CorsModel): OpenApiOperation {
  // Methods in registration order, as `chalice local` answers the preflight.
  const headers = { 'Access-Control-Allow-Methods': [...corsRoutes.map((r) => r.method), 'OPTIONS'].join(','), ...cors.headers };
  const names = Object.keys(headers) as Array<keyof typeof headers>;
  return {
    // OpenAPI wants every path template parameter declared by every operation of the path.
    ...pathParameters(corsRoutes[0]?.params ?? []),
    responses: {
      '200': {
        description: '200 response',
        headers: Object.fromEntries(names.map((name) => [name, { schema: { type: 'string' } }])),
        content: emptyContent(),
      },
    },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      passthroughBehavior: 'when_no_match',
      contentHandling: 'CONVERT_TO_TEXT',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      responses: {
        default: {
          statusCode: '200',
          // API Gateway reads a single-quoted value as a static string, not a mapping expression.
          responseParameters: Object.fromEntries(names.map((name) => [`method.response.header.${name}`, `'${headers[name]}'`])),
        },
      },
    },
  };
}

// A greedy `{key+}` declares `key`, as API Gateway itself exports it (`method.request.path.key`);
// strict OpenAPI validators want `key+` and reject that one path.
function pathParameters(params: readonly string[]): { parameters?: OpenApiParameter[] } {
  if (!params.length) return {};
  return { parameters: params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })) };
}

function emptyContent(): Record<string, { schema: { $ref: string } }> {
  return { 'application/json': { schema: { $ref: '#/components/schemas/Empty' } } };
}
