import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { legacyResources } from './legacy-state.ts';
import type { DeployedState, PendingResource, RecordedResource, RecordedResourceType } from './state-types.ts';

/**
 * A `.chalice/deployed/<stage>.json` that cannot be used: not JSON, or not schema 2.0. The
 * message names the file; the deployer never overwrites such a file, since it may be the only
 * record of what exists in AWS.
 *
 * @example
 * try { readState(projectDir, 'dev'); } catch (e) { if (e instanceof DeployedStateError) console.error(e.message); }
 */
export class DeployedStateError extends Error {
  readonly code = 'DEPLOYED_STATE_INVALID';
  override readonly name = 'DeployedStateError';
  constructor(
    readonly file: string,
    why: string,
  ) {
    super(`${file} ${why}. Fix or remove it (removing it makes Chalice forget the resources it lists).`);
  }
}

/**
 * A recorded resource of one type.
 *
 * @example
 * const role: RecordedOfType<'iam_role'> = { name: 'default-role', resource_type: 'iam_role', role_name: 'app-dev', role_arn: arn };
 */
export type RecordedOfType<T extends RecordedResourceType> = Extract<RecordedResource, { resource_type: T }>;

const TYPES: ReadonlySet<string> = new Set<RecordedResourceType | 'scheduled_event'>([
  'iam_role',
  'lambda_function',
  'rest_api',
  'scheduled_event',
  'cloudwatch_event',
  's3_event',
  'sns_event',
  'sqs_event',
  'websocket_api',
]);

/**
 * The path of a stage's deployed state.
 *
 * @example
 * statePath('/work/app', 'dev'); // '/work/app/.chalice/deployed/dev.json'
 */
export function statePath(projectDir: string, stage: string): string {
  return join(projectDir, '.chalice', 'deployed', `${stage}.json`);
}

/**
 * The state of a stage never deployed.
 *
 * @example
 * emptyState().resources; // []
 */
export function emptyState(): DeployedState {
  return { schema_version: '2.0', backend: 'api', resources: [] };
}

/**
 * Reads a stage's deployed state: when the file does not exist, the stage of a pre-1.2
 * `.chalice/deployed.json` (see `legacyResources`), else an empty state; a
 * {@link DeployedStateError} when it is not JSON or not schema 2.0. Fields the deployer
 * does not know are kept, so a file written by the Python original survives a deploy.
 *
 * @example
 * const state = readState(process.cwd(), 'dev');
 * console.log(state.resources.map((r) => r.name));
 */
export function readState(projectDir: string, stage: string): DeployedState {
  const file = statePath(projectDir, stage);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...emptyState(), resources: legacyResources(projectDir, stage) ?? [] };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DeployedStateError(file, `is not valid JSON (${(error as Error).message})`);
  }
  return checkState(raw, file);
}

function checkState(raw: unknown, file: string): DeployedState {
  const data = raw as Partial<DeployedState> | null;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new DeployedStateError(file, 'is not a JSON object');
  if (data.schema_version !== '2.0') {
    throw new DeployedStateError(file, `has schema_version ${JSON.stringify(data.schema_version)}; this deployer reads "2.0"`);
  }
  if (!Array.isArray(data.resources)) throw new DeployedStateError(file, 'has no "resources" list');
  if (data.pending !== undefined && !(Array.isArray(data.pending) && data.pending.every((p) => typeof p?.name === 'string' && TYPES.has(String(p.resource_type))))) {
    throw new DeployedStateError(file, 'has a "pending" list whose entries lack a string "name" and a known "resource_type"');
  }
  data.resources.forEach((resource, index) => {
    const entry = resource as Partial<RecordedResource> | null;
    if (typeof entry?.name !== 'string' || !TYPES.has(String(entry.resource_type))) {
      throw new DeployedStateError(file, `has a resources[${index}] without a string "name" and a known "resource_type"`);
    }
  });
  // Earlier versions of this deployer recorded schedules as `scheduled_event`; the original, as `cloudwatch_event`.
  const resources = data.resources.map((r) => ((r.resource_type as string) === 'scheduled_event' ? { ...r, resource_type: 'cloudwatch_event' } : r));
  return { ...data, schema_version: '2.0', backend: data.backend ?? 'api', resources } as DeployedState;
}

/**
 * Writes a stage's deployed state atomically (a temporary file renamed into place, so a crash
 * never leaves half a file), with a stable key order: `name` and `resource_type` first, then
 * the other keys sorted, so unchanged deploys rewrite identical bytes.
 *
 * @example
 * writeState(projectDir, 'dev', setRecorded(emptyState(), { name: 'api_handler', resource_type: 'lambda_function', lambda_arn: arn }));
 */
export function writeState(projectDir: string, stage: string, state: DeployedState): void {
  const file = statePath(projectDir, stage);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, serializeState(state));
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Removes a stage's state file (after `chalice delete`); a missing file is not an error.
 *
 * @example
 * removeStateFile(projectDir, 'dev');
 */
export function removeStateFile(projectDir: string, stage: string): void {
  rmSync(statePath(projectDir, stage), { force: true });
}

// 2-space JSON with a final newline, as the original writes it.
function serializeState(state: DeployedState): string {
  const { schema_version, backend, resources, ...extra } = state;
  const ordered = { schema_version, backend, resources: resources.map(orderResource), ...sortKeys(extra) };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function orderResource(resource: RecordedResource): Record<string, unknown> {
  const { name, resource_type, ...rest } = resource as RecordedResource & Record<string, unknown>;
  return { name, resource_type, ...sortKeys(rest) };
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, value[key]]),
  );
}

/**
 * The recorded resource of that name, or `null`; with `type`, `null` also when it was recorded
 * as another type.
 *
 * @example
 * const fn = getRecorded(state, 'api_handler', 'lambda_function');
 * if (fn) console.log(fn.lambda_arn);
 */
export function getRecorded<T extends RecordedResourceType>(state: DeployedState, name: string, type: T): RecordedOfType<T> | null;
export function getRecorded(state: DeployedState, name: string): RecordedResource | null;
export function getRecorded(state: DeployedState, name: string, type?: RecordedResourceType): RecordedResource | null {
  const found = state.resources.find((r) => r.name === name);
  return found && (type === undefined || found.resource_type === type) ? found : null;
}

/**
 * A new state with `resource` recorded: it replaces the entry of the same name where it was
 * (keeping creation order, which deletes reverse) or is appended.
 *
 * @example
 * state = setRecorded(state, { name: 'every_hour-event', resource_type: 'cloudwatch_event', rule_name: 'app-dev-every_hour-event' });
 */
export function setRecorded(state: DeployedState, resource: RecordedResource): DeployedState {
  const index = state.resources.findIndex((r) => r.name === resource.name);
  const resources = [...state.resources];
  if (index === -1) resources.push(resource);
  else resources[index] = resource;
  return removePending({ ...state, resources }, resource.name);
}

/**
 * A new state noting that a create of `pending` is under way (replacing a note of the same
 * name): written before the create call, removed when the resource is recorded.
 *
 * @example
 * state = setPending(state, { name: 'api_handler', resource_type: 'lambda_function', function_name: 'app-dev' });
 */
export function setPending(state: DeployedState, pending: PendingResource): DeployedState {
  return { ...state, pending: [...(state.pending ?? []).filter((p) => p.name !== pending.name), pending] };
}

/**
 * A new state without the pending note of that name; without the `pending` key once none is left.
 *
 * @example
 * state = removePending(state, 'api_handler');
 */
export function removePending(state: DeployedState, name: string): DeployedState {
  if (!state.pending) return state;
  const { pending, ...rest } = state;
  const left = pending.filter((p) => p.name !== name);
  return left.length ? { ...rest, pending: left } : rest;
}

/**
 * A new state without the resource of that name (unchanged when there is none).
 *
 * @example
 * state = removeRecorded(state, 'old_function');
 */
export function removeRecorded(state: DeployedState, name: string): DeployedState {
  return { ...state, resources: state.resources.filter((r) => r.name !== name) };
}
