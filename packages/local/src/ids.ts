import { randomUUID } from 'node:crypto';

// Request ids only need to be unique: one random UUID per process, then a counter in its last
// group, which is far cheaper than a fresh UUID per request.
const base = randomUUID().slice(0, 24);
let counter = 0;

/** A unique id shaped like a UUID, for `requestContext.requestId` and `awsRequestId`. */
export function requestId(): string {
  counter = (counter + 1) % 0xffffffffffff;
  return base + counter.toString(16).padStart(12, '0');
}
