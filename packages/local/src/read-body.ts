import type { IncomingMessage } from 'node:http';

/** A request body that could not be read: answer `statusCode`, or nothing (`null`) when the client has gone. */
export class BodyFailure {
  constructor(readonly statusCode: 400 | 413 | null) {}
}

/** API Gateway's answer to a body past its limit. */
export const TOO_LARGE = new BodyFailure(413);
const BROKEN = new BodyFailure(400);
const ABANDONED = new BodyFailure(null);
const EMPTY = new Uint8Array(0);

/**
 * A request's body, holding at most `maxBytes` in memory: a larger declared `Content-Length` is
 * refused before anything is read, and a streamed body is dropped as soon as it passes the limit
 * (both {@link TOO_LARGE}). An aborted or malformed body is a {@link BodyFailure} too: the promise
 * never rejects, so nothing is left unhandled. Most requests have no body and get no promise.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Uint8Array | BodyFailure | Promise<Uint8Array | BodyFailure> {
  const declared = req.headers['content-length'];
  if (declared === undefined && req.headers['transfer-encoding'] === undefined) return EMPTY;
  if (declared !== undefined && Number(declared) > maxBytes) return TOO_LARGE;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => Uint8Array | BodyFailure) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(outcome());
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        chunks.length = 0;
        settle(() => TOO_LARGE);
        // Read on and drop the rest, so the 413 reaches a client that is still sending.
        req.resume();
      }
    };
    req.on('data', onData);
    req.once('end', () => settle(() => Buffer.concat(chunks)));
    req.once('error', () => settle(() => (req.socket?.destroyed ? ABANDONED : BROKEN)));
    // Closed before its end: the client went away or the parser gave up on the body.
    req.once('close', () => settle(() => (req.complete ? Buffer.concat(chunks) : ABANDONED)));
  });
}
