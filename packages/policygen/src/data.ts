import { readFileSync } from 'node:fs';

interface DataFile {
  services: Record<string, { prefix: string; operations: Record<string, string> }>;
  actions: Record<string, string>;
}

/** A service's IAM prefix and the actions of its operations. */
export interface ServiceActions {
  prefix: string;
  /** The IAM actions an operation needs (`[]` for none), or `undefined` when nothing is known. */
  actionsFor(operation: string): string[] | undefined;
}

let data: DataFile | undefined;
const catalogues = new Map<string, Set<string>>();
const services = new Map<string, ServiceActions | null>();

// Read on first use; the same path works from src/ and from dist/.
function dataFile(): DataFile {
  data ??= JSON.parse(readFileSync(new URL('../data/iam-actions.json', import.meta.url), 'utf8')) as DataFile;
  return data;
}

function catalogue(prefix: string): Set<string> {
  let names = catalogues.get(prefix);
  if (!names) {
    names = new Set(dataFile().actions[prefix]?.split(' ') ?? []);
    catalogues.set(prefix, names);
  }
  return names;
}

// Whether the action catalogue knows the IAM prefix.
function hasIamPrefix(prefix: string): boolean {
  return prefix in dataFile().actions;
}

function decode(prefix: string, encoded: string): string[] {
  return encoded ? encoded.split(' ').map((action) => (action.includes(':') ? action : `${prefix}:${action}`)) : [];
}

/**
 * The actions of a service, by its key in the data (the iam-dataset service name, lower case,
 * letters and digits only) or, for services newer than the map, by an IAM prefix the catalogue
 * has. Operations the map does not list fall back to the same-named catalogue action.
 */
export function serviceActions(key: string, prefixIfNew?: string): ServiceActions | undefined {
  const cacheKey = `${key} ${prefixIfNew ?? ''}`;
  if (!services.has(cacheKey)) services.set(cacheKey, lookUp(key, prefixIfNew));
  return services.get(cacheKey) ?? undefined;
}

function lookUp(key: string, prefixIfNew: string | undefined): ServiceActions | null {
  const known = dataFile().services[key];
  const prefix = known?.prefix ?? prefixIfNew;
  if (!prefix || (!known && !hasIamPrefix(prefix))) return null;
  const operations = known?.operations ?? {};
  return {
    prefix,
    actionsFor(operation) {
      const encoded = operations[operation];
      if (encoded !== undefined) return decode(prefix, encoded);
      return catalogue(prefix).has(operation) ? [`${prefix}:${operation}`] : undefined;
    },
  };
}
