import { Validator } from '@seriousme/openapi-schema-validator';
import { AuthResponse, Chalice, CognitoUserPoolAuthorizer, CORSConfig, CustomAuthorizer, describeApp, IAMAuthorizer, type AppModel } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildOpenApi, generateModels, type OpenApiDocument, type OpenApiInput } from '../src/openapi.ts';
import { featureApp } from './feature-app.ts';

const POOL_ARN = 'arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc';
const CUSTOM_URI = 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:Auth/invocations';

/** What a SAM emitter would pass: an intrinsic naming the function's logical id. */
const samUri = (name: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${name}.Arn}/invocations` });

function inputOf(model: AppModel, extra: Partial<OpenApiInput> = {}): OpenApiInput {
  return { name: model.appName, routes: model.routes, binaryTypes: model.api.binaryTypes, minimumCompressionSize: null, ...extra };
}

function documentOf(app: Chalice, extra: Partial<OpenApiInput> = {}): OpenApiDocument {
  return buildOpenApi(inputOf(describeApp(app), extra), { lambdaUri: samUri });
}

/** A feature-rich app: parameters, CORS, every authorizer kind, API keys, binary content. */
function richApp(): Chalice {
  const app = new Chalice({ appName: 'rich' });
  const auth = app.authorizer({ ttlSeconds: 30, executionRole: 'arn:aws:iam::123456789012:role/AuthInvoke' }, function my_auth() {
    return new AuthResponse({ routes: ['/'], principalId: 'user' });
  });
  app.route(
    '/users/{id}',
    {
      methods: ['PUT', 'GET'],
      cors: new CORSConfig({ allowOrigin: 'https://example.com', allowHeaders: ['X-Special'], exposeHeaders: ['X-Total', 'X-Page'], maxAge: 600, allowCredentials: true }),
    },
    function user() {
      return {};
    },
  );
  app.route('/', { apiKeyRequired: true }, function index() {
    return {};
  });
  app.route('/iam', { authorizer: new IAMAuthorizer() }, function iam() {
    return {};
  });
  app.route('/pool', { authorizer: new CognitoUserPoolAuthorizer('MyPool', { providerArns: [POOL_ARN], scopes: ['email', 'openid'] }), apiKeyRequired: true }, function pool() {
    return {};
  });
  app.route(
    '/custom',
    { authorizer: new CustomAuthorizer('MyCustom', { authorizerUri: CUSTOM_URI, ttlSeconds: 60, header: 'X-Token', invokeRoleArn: 'arn:aws:iam::123456789012:role/Invoke' }) },
    function custom() {
      return {};
    },
  );
  app.route('/builtin', { authorizer: auth }, function builtin() {
    return {};
  });
  app.route('/upload/{bucket}/{key+}', { methods: ['POST'], contentTypes: ['application/octet-stream'] }, function upload() {
    return {};
  });
  return app;
}

test('one path item per route path, sorted; one operation per method, in OpenAPI order', () => {
  const document = documentOf(richApp());
  assert.equal(Object.keys(document.paths), ['/', '/builtin', '/custom', '/iam', '/pool', '/upload/{bucket}/{key+}', '/users/{id}']);
  assert.equal(Object.keys(document.paths['/users/{id}']!), ['get', 'put', 'options']);
  assert.is(document.openapi, '3.0.1');
  assert.equal(document.info, { title: 'rich', version: '1.0' });
  assert.equal(document.components.schemas, { Empty: { type: 'object', title: 'Empty Schema' } });
});

test('each operation declares its path parameters and proxies to the API handler', () => {
  const document = documentOf(richApp());
  const upload = document.paths['/upload/{bucket}/{key+}']!.post!;
  assert.equal(upload.parameters, [
    { name: 'bucket', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'key', in: 'path', required: true, schema: { type: 'string' } },
  ]);
  assert.equal(upload.responses, { '200': { description: '200 response', content: { 'application/json': { schema: { $ref: '#/components/schemas/Empty' } } } } });
  assert.equal(upload['x-amazon-apigateway-integration'], {
    type: 'aws_proxy',
    httpMethod: 'POST',
    uri: samUri('api_handler'),
    passthroughBehavior: 'when_no_match',
    contentHandling: 'CONVERT_TO_TEXT',
    responses: { default: { statusCode: '200' } },
  });
  assert.is(document.paths['/']!.get!.parameters, undefined);
  assert.is(document.paths['/iam']!.get!.security?.length, 1);
  assert.is(document.paths['/upload/{bucket}/{key+}']!.post!.security, undefined);
});

test('the API handler is api.lambdaFunction when given', () => {
  const document = documentOf(richApp(), { lambdaFunction: 'APIHandler' });
  assert.equal(document.paths['/']!.get!['x-amazon-apigateway-integration'].uri, samUri('APIHandler'));
});

test('CORS: a mock preflight per CORS path with the exact allowed methods and headers', () => {
  const options = documentOf(richApp()).paths['/users/{id}']!.options!;
  // Registration order (PUT, then GET), as `chalice local` answers.
  const values = {
    'Access-Control-Allow-Methods': 'PUT,GET,OPTIONS',
    'Access-Control-Allow-Origin': 'https://example.com',
    'Access-Control-Allow-Headers': 'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key,X-Special',
    'Access-Control-Expose-Headers': 'X-Total,X-Page',
    'Access-Control-Max-Age': '600',
    'Access-Control-Allow-Credentials': 'true',
  };
  assert.equal(options['x-amazon-apigateway-integration'], {
    type: 'mock',
    passthroughBehavior: 'when_no_match',
    contentHandling: 'CONVERT_TO_TEXT',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
    responses: {
      default: {
        statusCode: '200',
        responseParameters: Object.fromEntries(Object.entries(values).map(([k, v]) => [`method.response.header.${k}`, `'${v}'`])),
      },
    },
  });
  assert.equal(options.responses['200']!.headers, Object.fromEntries(Object.keys(values).map((k) => [k, { schema: { type: 'string' } }])));
  assert.equal(options.parameters, [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
  assert.is(options.security, undefined);
});

test('CORS: app.api.cors gives default headers; only CORS methods are allowed; cors: false opts out', () => {
  const app = new Chalice({ appName: 'cors' });
  app.api.cors = true;
  app.route('/a', { methods: ['POST'] }, function a_post() {
    return {};
  });
  app.route('/a', { methods: ['DELETE'], cors: false }, function a_delete() {
    return {};
  });
  app.route('/b', { cors: false }, function b() {
    return {};
  });
  const document = documentOf(app);
  assert.equal(document.paths['/a']!.options!['x-amazon-apigateway-integration'].responses.default.responseParameters, {
    'method.response.header.Access-Control-Allow-Methods': "'POST,OPTIONS'",
    'method.response.header.Access-Control-Allow-Origin': "'*'",
    'method.response.header.Access-Control-Allow-Headers': "'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Api-Key'",
  });
  assert.equal(Object.keys(document.paths['/b']!), ['get']);
});

test('security schemes: API key, IAM, Cognito, custom and built-in authorizers', () => {
  const calls: string[] = [];
  const lambdaUri = (name: string) => (calls.push(name), samUri(name));
  const document = buildOpenApi(inputOf(describeApp(richApp())), { lambdaUri });
  assert.ok(calls.includes('my_auth'), 'the built-in authorizer URI comes from lambdaUri');
  assert.equal(Object.keys(document.components.securitySchemes!), ['MyCustom', 'MyPool', 'api_key', 'my_auth', 'sigv4']);
  assert.equal(document.components.securitySchemes, {
    MyCustom: {
      type: 'apiKey',
      name: 'X-Token',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerUri: CUSTOM_URI,
        authorizerCredentials: 'arn:aws:iam::123456789012:role/Invoke',
        authorizerResultTtlInSeconds: 60,
        identitySource: 'method.request.header.X-Token',
      },
    },
    MyPool: {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [POOL_ARN], identitySource: 'method.request.header.Authorization' },
    },
    api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    my_auth: {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerUri: samUri('my_auth'),
        authorizerCredentials: 'arn:aws:iam::123456789012:role/AuthInvoke',
        authorizerResultTtlInSeconds: 30,
        identitySource: 'method.request.header.Authorization',
      },
    },
    sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
  });
  const paths = document.paths;
  assert.equal(paths['/']!.get!.security, [{ api_key: [] }]);
  assert.equal(paths['/iam']!.get!.security, [{ sigv4: [] }]);
  assert.equal(paths['/pool']!.get!.security, [{ api_key: [] }, { MyPool: ['email', 'openid'] }]);
  assert.equal(paths['/custom']!.get!.security, [{ MyCustom: [] }]);
  assert.equal(paths['/builtin']!.get!.security, [{ my_auth: [] }]);
});

test('no security schemes without API keys or authorizers; a built-in authorizer without a role has no credentials', () => {
  const app = new Chalice({ appName: 'plain' });
  app.route('/', function index() {
    return {};
  });
  assert.is(documentOf(app).components.securitySchemes, undefined);
  const auth = app.authorizer(function plain_auth() {
    return new AuthResponse({ routes: [], principalId: 'user' });
  });
  app.route('/private', { authorizer: auth }, function secret() {
    return {};
  });
  const scheme = documentOf(app).components.securitySchemes!.plain_auth!;
  assert.equal(scheme['x-amazon-apigateway-authorizer'], {
    type: 'token',
    authorizerUri: samUri('plain_auth'),
    authorizerResultTtlInSeconds: 300,
    identitySource: 'method.request.header.Authorization',
  });
});

test('two different authorizers with one name are an error', () => {
  const app = new Chalice({ appName: 'clash' });
  app.route('/a', { authorizer: new CognitoUserPoolAuthorizer('Pool', { providerArns: [POOL_ARN] }) }, function a() {
    return {};
  });
  app.route('/b', { authorizer: new CognitoUserPoolAuthorizer('Pool', { providerArns: [`${POOL_ARN}2`] }) }, function b() {
    return {};
  });
  assert.throws(() => documentOf(app), /Two different authorizers are named "Pool" \(routes GET \/a and GET \/b\)/);
  // The same pool with other scopes is one scheme: scopes belong to the route.
  const ok = new Chalice({ appName: 'scopes' });
  ok.route('/a', { authorizer: new CognitoUserPoolAuthorizer('Pool', { providerArns: [POOL_ARN], scopes: ['a'] }) }, function a() {
    return {};
  });
  ok.route('/b', { authorizer: new CognitoUserPoolAuthorizer('Pool', { providerArns: [POOL_ARN], scopes: ['b'] }) }, function b() {
    return {};
  });
  assert.equal(documentOf(ok).paths['/b']!.get!.security, [{ Pool: ['b'] }]);
});

test('binary media types, minimum compression size, resource policy and VPC endpoints', () => {
  const app = richApp();
  const plain = documentOf(app);
  assert.equal(plain['x-amazon-apigateway-binary-media-types'], app.api.binaryTypes);
  assert.ok(plain['x-amazon-apigateway-binary-media-types'].includes('application/octet-stream'));
  for (const key of ['x-amazon-apigateway-minimum-compression-size', 'x-amazon-apigateway-policy', 'x-amazon-apigateway-endpoint-configuration']) {
    assert.not.ok(key in plain, key);
  }
  const policy = { Version: '2012-10-17' as const, Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:*:*:*' }] };
  const full = documentOf(app, { minimumCompressionSize: 0, policy, vpceIds: ['vpce-123'] });
  assert.is(full['x-amazon-apigateway-minimum-compression-size'], 0);
  assert.equal(full['x-amazon-apigateway-policy'], policy);
  assert.equal(full['x-amazon-apigateway-endpoint-configuration'], { vpcEndpointIds: ['vpce-123'] });
});

test('deterministic: registration order does not change the document; no object is shared', () => {
  const forwards = new Chalice({ appName: 'order' });
  const backwards = new Chalice({ appName: 'order' });
  const register = [
    (app: Chalice) =>
      app.route('/z', { authorizer: new IAMAuthorizer() }, function z() {
        return {};
      }),
    (app: Chalice) =>
      app.route('/a/{id}', { methods: ['POST'] }, function a_post() {
        return {};
      }),
    (app: Chalice) =>
      app.route('/a/{id}', { methods: ['GET'], apiKeyRequired: true }, function a_get() {
        return {};
      }),
  ];
  for (const r of register) r(forwards);
  for (const r of [...register].reverse()) r(backwards);
  const a = JSON.stringify(documentOf(forwards));
  assert.is(JSON.stringify(documentOf(forwards)), a);
  assert.is(JSON.stringify(documentOf(backwards)), a);
  const document = documentOf(richApp());
  assert.equal(JSON.parse(JSON.stringify(document)), document);
  // A shared object would become a YAML anchor and alias, which CloudFormation rejects.
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    assert.not.ok(seen.has(value), `shared object ${JSON.stringify(value)}`);
    seen.add(value);
    for (const child of Object.values(value)) walk(child);
  };
  const shared = samUri('api_handler');
  walk(buildOpenApi(inputOf(describeApp(richApp())), { lambdaUri: () => shared }));
});

test('a method API Gateway lacks is an error naming the route', () => {
  const app = new Chalice({ appName: 'odd' });
  app.route('/', { methods: ['TRACE' as never] }, function traced() {
    return {};
  });
  assert.throws(() => documentOf(app), /Route \/ \(view traced\): API Gateway has no method TRACE/);
});

test('generateModels: the same document with the placeholders of the Python original', () => {
  const model = describeApp(richApp());
  const document = generateModels(model);
  assert.equal(
    document.paths['/']!.get!['x-amazon-apigateway-integration'].uri,
    'arn:{partition}:apigateway:{region_name}:lambda:path/2015-03-31/functions/{api_handler_lambda_arn}/invocations',
  );
  assert.is(
    document.components.securitySchemes!.my_auth!['x-amazon-apigateway-authorizer']!.type === 'token' &&
      document.components.securitySchemes!.my_auth!['x-amazon-apigateway-authorizer']!.authorizerUri,
    'arn:{partition}:apigateway:{region_name}:lambda:path/2015-03-31/functions/{my_auth_lambda_arn}/invocations',
  );
  assert.equal(Object.keys(document.paths), Object.keys(documentOf(richApp()).paths));
  assert.equal(document['x-amazon-apigateway-binary-media-types'], model.api.binaryTypes);
});

/** Validates a copy: the validator keeps and may annotate what it is given. */
const validate = (document: unknown) => new Validator().validate(structuredClone(document) as Record<string, unknown>);

test('the documents are valid OpenAPI 3.0', async () => {
  const documents = [
    documentOf(richApp(), { minimumCompressionSize: 1024, vpceIds: ['vpce-1'] }),
    generateModels(describeApp(richApp())),
    // The app the SAM and Terraform tests package, both ways of configuring CORS.
    documentOf(featureApp()),
    documentOf(featureApp({ globalCors: true })),
  ];
  for (const document of documents) {
    const result = await validate(document);
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  }
  const broken: { paths: Record<string, { get?: { responses?: unknown } }> } = structuredClone(documentOf(richApp()));
  delete broken.paths['/']!.get!.responses;
  assert.not.ok((await validate(broken)).valid, 'the validator catches a broken document');
});

test.run();
