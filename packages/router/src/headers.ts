/** Header values as a handler may set them: an array becomes repeated headers. */
export type HeaderValues = Record<string, string | string[]>;

/** A copy of `from` without a prototype, so request data's keys (`constructor`, `__proto__`) are ordinary ones. */
export const dictionary = <V>(from?: Record<string, V> | null): Record<string, V> => Object.assign(Object.create(null), from);

/**
 * Finds a header by lower-case name in an object whose keys keep the client's casing.
 * Checks the length first: most keys are skipped without building a lower-case copy.
 */
export function findHeader<V>(headers: Record<string, V> | null | undefined, lowerName: string): V | undefined {
  if (!headers) return undefined;
  const direct = headers[lowerName];
  if (direct !== undefined) return direct;
  const n = lowerName.length;
  for (const key in headers) {
    if (key.length === n && key.toLowerCase() === lowerName) return headers[key];
  }
  return undefined;
}

/**
 * A view of request headers with lower-case keys in which look-up ignores case:
 * `headers['Content-Type']` and `headers['content-type']` read the same value. Without a
 * prototype, so a `__proto__` or `constructor` header is an ordinary one.
 */
export function caseInsensitiveHeaders(source: Record<string, string | undefined> | null | undefined): Record<string, string> {
  const lower = dictionary<string>();
  if (source) for (const key in source) lower[key.toLowerCase()] = source[key] as string;
  return new Proxy(lower, {
    get: (target, key) => (typeof key === 'string' ? target[key.toLowerCase()] : undefined),
    has: (target, key) => (typeof key === 'string' ? key.toLowerCase() in target : false),
  });
}
