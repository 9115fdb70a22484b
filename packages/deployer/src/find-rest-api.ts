import type { TaggedRestApi } from './aws/facade.ts';
import { DeployError } from './errors.ts';

/** The tag Chalice puts on what it deploys: `version=<v>:stage=<stage>:app=<app>`. */
export const CHALICE_TAG = 'aws-chalice';

/**
 * The Chalice stage a resource's tags name, or `null` for a resource Chalice did not tag.
 *
 * @example
 * taggedStage({ 'aws-chalice': 'version=0.1.0:stage=dev:app=demo' }); // 'dev'
 */
export function taggedStage(tags: Record<string, string>): string | null {
  const match = /(?:^|:)stage=([^:]*)/.exec(tags[CHALICE_TAG] ?? '');
  return match ? match[1]! : null;
}

/**
 * Among the REST APIs named after the app, the one a deploy of `stage` takes as its own when
 * its state records none: one tagged for the stage (made by a deploy killed before it could
 * record it), else the only one without a Chalice tag (made by a deploy that did not tag, such
 * as Python Chalice's; `tagged: false` says it needs the tag). APIs tagged for other stages are
 * theirs. Several untagged ones are an error, as nothing tells which stage's is which.
 *
 * @example
 * const own = adoptableRestApi(await aws.findRestApis('demo'), 'dev', '.chalice/deployed/dev.json');
 */
export function adoptableRestApi(found: TaggedRestApi[], stage: string, stateFile: string): { api: TaggedRestApi; tagged: boolean } | null {
  const tagged = found.find((api) => taggedStage(api.tags) === stage);
  if (tagged) return { api: tagged, tagged: true };
  const untagged = found.filter((api) => taggedStage(api.tags) === null);
  if (untagged.length > 1) {
    const ids = untagged.map((api) => api.restApiId).join(', ');
    throw new DeployError(
      'AMBIGUOUS_REST_API',
      `${untagged.length} REST APIs are named ${untagged[0]!.name} (${ids}) and none is tagged for stage "${stage}": record the stage's one in ${stateFile} (a "rest_api" resource with its "rest_api_id"), or delete the others`,
    );
  }
  return untagged[0] ? { api: untagged[0], tagged: false } : null;
}
