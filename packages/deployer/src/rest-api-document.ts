import { createHash } from 'node:crypto';
import { buildOpenApi, type OpenApiDocument, type RestApiResource } from '@chalice/packager';
import { canonicalJson, lambdaIntegrationUri, type AwsTarget } from './aws-names.ts';

/**
 * The OpenAPI document the REST API is imported from, with the real integration URIs of the
 * API handler and the built-in authorizers.
 *
 * @example
 * const document = restApiDocument(restApi, target, (name) => recordedArns[name]);
 */
export function restApiDocument(restApi: RestApiResource, target: AwsTarget, lambdaArnOf: (resourceName: string) => string): OpenApiDocument {
  return buildOpenApi(restApi, { lambdaUri: (name) => lambdaIntegrationUri(target, lambdaArnOf(name)) });
}

/**
 * What the deployer records as `openapi_sha256` on the `rest_api` entry (the schema has no
 * field for it): the hex SHA-256 of the document and the stage it was deployed to. API Gateway
 * cannot give the imported document back, so an unchanged digest is how a redeploy knows it
 * need not import and deploy again.
 *
 * @example
 * openApiDigest(document, 'api'); // 'e3b0c442...'
 */
export function openApiDigest(document: OpenApiDocument, apiGatewayStage: string): string {
  return createHash('sha256').update(canonicalJson({ document, apiGatewayStage })).digest('hex');
}
