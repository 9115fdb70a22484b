import { randomFillSync, randomUUID } from 'node:crypto';

// Request ids only need to be unique: one random UUID per process, then a counter in its last
// group, which is far cheaper than a fresh UUID per request.
const base = randomUUID().slice(0, 24);
let counter = 0;

/** A unique id shaped like a UUID, for `requestContext.requestId` and `awsRequestId`. */
export function requestId(): string {
  counter = (counter + 1) % 0xffffffffffff;
  return base + counter.toString(16).padStart(12, '0');
}

// Websocket ids are drawn from a pool filled 256 at a time: a randomBytes call each, once per
// message, cost some 5 µs, more than building the whole event.
const ID_BYTES = 10;
const pool = Buffer.allocUnsafe(ID_BYTES * 256);
let poolOffset = pool.length;

/**
 * An id shaped like API Gateway's websocket connection and message ids (`L0SM9cOFvHcCIhw=`),
 * from the URL-safe alphabet so it needs no escaping in `/@connections/{id}`.
 */
export function websocketId(): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const id = pool.toString('base64url', poolOffset, poolOffset + ID_BYTES);
  poolOffset += ID_BYTES;
  return `${id}=`;
}
