import type { RestApiResource } from '@chalice/packager';
import type { PatchOperation, RestApiSettings } from './aws/facade.ts';

/**
 * One setting that differs, in the words of the deploy's message, with the operations that
 * change it.
 *
 * @example
 * const change: RestApiSettingsChange = { what: 'endpoint type REGIONAL', operations: [{ op: 'replace', path: '/endpointConfiguration/types/EDGE', value: 'REGIONAL' }], redeploy: false };
 */
export interface RestApiSettingsChange {
  what: string;
  operations: PatchOperation[];
  /** The stage serves it only from a new deployment. */
  redeploy: boolean;
}

/**
 * The settings the graph gives the REST API. `put-rest-api` (overwrite) applies only part of
 * them to an existing API: it replaces the binary media types with the document's, and sets
 * the policy, the minimum compression size and the VPC endpoints the document has, but never
 * clears one the document lacks, nor changes the endpoint type (the import has no way to).
 * (Behaviour as recorded by LocalStack's AWS-validated import tests; the original Chalice
 * patches the type and the compression size after every import for the same reason.)
 *
 * @example
 * const wanted = restApiSettings(getResource(graph, 'rest_api', 'restApi'));
 */
export function restApiSettings(api: RestApiResource): RestApiSettings {
  return { endpointType: api.endpointType, vpcEndpointIds: api.vpceIds, minimumCompressionSize: api.minimumCompressionSize, hasPolicy: api.policy !== null };
}

/**
 * What changes the REST API from `remote` to `wanted`; empty when nothing differs. A policy
 * is only removed: one the graph has is imported with the document, and API Gateway rewrites
 * its text, so only whether there is one is compared.
 *
 * @example
 * const operations = restApiSettingsChanges(remote, wanted).flatMap((c) => c.operations);
 * if (operations.length) await aws.updateRestApi(remote.restApiId, operations);
 */
export function restApiSettingsChanges(remote: RestApiSettings, wanted: RestApiSettings): RestApiSettingsChange[] {
  const changes = [endpointChange(remote, wanted)];
  if (remote.minimumCompressionSize !== wanted.minimumCompressionSize) {
    const size = wanted.minimumCompressionSize;
    // An empty value turns compression off.
    changes.push({
      what: size === null ? 'no compression' : `minimum compression size ${size}`,
      operations: [{ op: 'replace', path: '/minimumCompressionSize', value: size === null ? '' : String(size) }],
      redeploy: true,
    });
  }
  if (remote.hasPolicy && !wanted.hasPolicy) changes.push({ what: 'no resource policy', operations: [{ op: 'replace', path: '/policy', value: '' }], redeploy: true });
  return changes.filter((change): change is RestApiSettingsChange => change !== null);
}

// The type and the VPC endpoints, in one change: removed endpoints go before the type changes
// and added ones after it, so that a PRIVATE API becoming REGIONAL drops them first and one
// becoming PRIVATE takes them once it is.
function endpointChange(remote: RestApiSettings, wanted: RestApiSettings): RestApiSettingsChange | null {
  const removed = remote.vpcEndpointIds.filter((id) => !wanted.vpcEndpointIds.includes(id));
  const added = wanted.vpcEndpointIds.filter((id) => !remote.vpcEndpointIds.includes(id));
  const typeChanges = remote.endpointType !== wanted.endpointType;
  if (!typeChanges && !removed.length && !added.length) return null;
  const vpce =
    (op: 'add' | 'remove') =>
    (id: string): PatchOperation => ({ op, path: '/endpointConfiguration/vpcEndpointIds', value: id });
  // The path names the type replaced: an API has exactly one.
  const type: PatchOperation[] = typeChanges ? [{ op: 'replace', path: `/endpointConfiguration/types/${remote.endpointType}`, value: wanted.endpointType }] : [];
  const what = [
    ...(typeChanges ? [`endpoint type ${wanted.endpointType}`] : []),
    ...(removed.length || added.length ? [wanted.vpcEndpointIds.length ? `VPC endpoints ${wanted.vpcEndpointIds.join(', ')}` : 'no VPC endpoints'] : []),
  ];
  return { what: what.join(', '), operations: [...removed.map(vpce('remove')), ...type, ...added.map(vpce('add'))], redeploy: false };
}
