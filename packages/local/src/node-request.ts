import type { IncomingMessage } from 'node:http';
import { getOwn, setOwn } from './own-keys.ts';

/** The client's address as API Gateway reports it (IPv4 clients of a dual-stack socket show as `::ffff:a.b.c.d`). */
export function sourceIp(req: IncomingMessage): string | undefined {
  const address = req.socket.remoteAddress;
  return address?.startsWith('::ffff:') ? address.slice(7) : address;
}

/** The request headers with the client's casing, as API Gateway keeps them; repeated headers become arrays. */
export function rawHeaders(raw: string[]): Record<string, string | string[]> {
  // Prototype-free: a header named `constructor` or `__proto__` is a header like any other.
  const headers: Record<string, string | string[]> = Object.create(null);
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    const existing = getOwn(headers, name);
    setOwn(headers, name, existing === undefined ? value : ([] as string[]).concat(existing, value));
  }
  return headers;
}
