/**
 * For exhaustive switches over a union: fails to compile when a member is not handled, and
 * throws if a value the types rule out arrives anyway (from JSON, say).
 *
 * @example
 * switch (resource.kind) { case 'restApi': return api(resource); default: return assertNever(resource); }
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled kind: ${JSON.stringify(value)}`);
}
