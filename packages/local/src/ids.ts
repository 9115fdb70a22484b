import { randomBytes, randomUUID } from 'node:crypto';

// Request ids only need to be unique: one random UUID per process, then a counter in its last
// group, which is far cheaper than a fresh UUID per request.
const base = randomUUID().slice(0, 24);
let counter = 0;

/** A unique id shaped like a UUID, for `requestContext.requestId` and `awsRequestId`. */
export function requestId(): string {
  counter = (counter + 1) % 0xffffffffffff;
  return base + counter.toString(16).padStart(12, '0');
}

/**
 * An id shaped like API Gateway's websocket connection and message ids (`L0SM9cOFvHcCIhw=`),
 * from the URL-safe alphabet so it needs no escaping in `/@connections/{id}`.
 */
export function websocketId(): string {
  return `${randomBytes(10).toString('base64url')}=`;
}
