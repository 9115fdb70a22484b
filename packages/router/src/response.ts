import type { HeaderValues } from './headers.ts';

/** What {@link Response} takes. */
export interface ResponseInit<B = unknown> {
  /** A string or bytes are sent as they are; anything else is sent as JSON. */
  body?: B;
  /** An array value becomes repeated headers (two `Set-Cookie` lines, say). */
  headers?: HeaderValues;
  statusCode?: number;
}

/**
 * A view's full answer: status, headers and body.
 *
 * @example
 * app.route('/', () => new Response({ body: 'hello world!', headers: { 'Content-Type': 'text/plain' } }));
 */
export class Response<B = unknown> {
  body: B | undefined;
  headers: HeaderValues;
  statusCode: number;

  constructor(init: ResponseInit<B> = {}) {
    this.body = init.body;
    this.headers = init.headers ?? {};
    this.statusCode = init.statusCode ?? 200;
  }
}

/** The result a Lambda returns to an API Gateway REST proxy integration. */
export interface ProxyResult {
  statusCode: number;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
}
