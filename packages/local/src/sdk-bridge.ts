import type { LocalRequest, LocalResponse } from './http-types.ts';

/** The parts of the SDK's HTTP request that a local answer needs. */
interface SdkRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * An SDK `requestHandler` that answers in process instead of over a socket: the SDK still builds,
 * signs and parses every call, only the transport is skipped. The test client gives it to the
 * app's `websocketApi`, so `send` reaches its in-memory connections.
 *
 * @example
 * const requestHandler = inProcessRequestHandler((request) => connections.manage(request));
 * new ApiGatewayManagementApiClient({ endpoint: 'http://local', requestHandler });
 */
export function inProcessRequestHandler(answer: (request: LocalRequest) => LocalResponse) {
  return {
    async handle(request: SdkRequest) {
      const { body } = request;
      const bytes =
        typeof body === 'string' ? new TextEncoder().encode(body) : ArrayBuffer.isView(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array();
      const res = answer({ method: request.method, url: request.path, headers: request.headers, body: bytes });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) headers[name.toLowerCase()] = String(value);
      return { response: { statusCode: res.statusCode, headers, body: res.body } };
    },
  };
}
