import type { OpenApiDocument } from '@chalice/packager';
import type { PatchOperation, RestApiSettings } from '../src/aws/facade.ts';
import { FakeAwsError } from './fake-error.ts';

/** A REST API in the fake: its settings, the document last imported, and each stage's deployed copy. */
export interface FakeRestApi extends Omit<RestApiSettings, 'hasPolicy'> {
  name: string;
  tags: Record<string, string>;
  policy: object | null;
  binaryMediaTypes: string[];
  document: object | null;
  stages: Map<string, object | null>;
}

/** A new API of that type, as `create-rest-api` makes it: no settings, nothing imported. */
export function newRestApi(name: string, endpointType: string, tags: Record<string, string> = {}): FakeRestApi {
  return { name, tags: { ...tags }, endpointType, vpcEndpointIds: [], minimumCompressionSize: null, policy: null, binaryMediaTypes: [], document: null, stages: new Map() };
}

/**
 * `put-rest-api` in overwrite mode, as API Gateway applies the document's extensions: the
 * binary media types are replaced; the policy, compression size and VPC endpoints are set when
 * the document has them and kept when it does not; the endpoint type never changes.
 */
export function importDocument(api: FakeRestApi, document: OpenApiDocument): void {
  api.document = structuredClone(document);
  api.binaryMediaTypes = [...document['x-amazon-apigateway-binary-media-types']];
  api.policy = document['x-amazon-apigateway-policy'] ?? api.policy;
  api.minimumCompressionSize = document['x-amazon-apigateway-minimum-compression-size'] ?? api.minimumCompressionSize;
  api.vpcEndpointIds = document['x-amazon-apigateway-endpoint-configuration']?.vpcEndpointIds ?? api.vpcEndpointIds;
}

/** `update-rest-api` for the paths the deployer patches, strict where API Gateway is. */
export function patchRestApi(api: FakeRestApi, operations: PatchOperation[]): void {
  for (const { op, path, value = '' } of operations) {
    const invalid = () => new FakeAwsError('BadRequestException', `Invalid patch operation: ${op} ${path} ${value}`);
    if (op === 'replace' && path.startsWith('/endpointConfiguration/types/')) {
      if (path !== `/endpointConfiguration/types/${api.endpointType}` || !['EDGE', 'REGIONAL', 'PRIVATE'].includes(value)) throw invalid();
      api.endpointType = value;
    } else if (path === '/endpointConfiguration/vpcEndpointIds' && op !== 'replace') {
      if ((op === 'add') === api.vpcEndpointIds.includes(value)) throw invalid();
      api.vpcEndpointIds = op === 'add' ? [...api.vpcEndpointIds, value] : api.vpcEndpointIds.filter((id) => id !== value);
    } else if (op === 'replace' && path === '/minimumCompressionSize') {
      api.minimumCompressionSize = value === '' ? null : Number(value);
    } else if (op === 'replace' && path === '/policy') {
      api.policy = value === '' ? null : JSON.parse(value);
    } else {
      throw invalid();
    }
  }
}
