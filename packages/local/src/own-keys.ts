// Request data (query keys, header names) becomes object keys in the events the gateway builds.
// Those objects stay plain, as the JSON.parse'd event is in Lambda, so a key named `__proto__`
// must be defined rather than assigned, and `constructor` must not be read as an existing key.

/** Sets `key` as an own property, even `__proto__` (as `JSON.parse` makes it). */
export function setOwn<V>(target: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** `target[key]` if `key` is an own property, else `undefined` (never an inherited member). */
export function getOwn<V>(target: Record<string, V>, key: string): V | undefined {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}
