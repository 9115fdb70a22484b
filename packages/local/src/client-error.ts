import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** The longest URL API Gateway takes (its documented limit, in characters). */
export const MAX_URL_LENGTH = 8192;

/** API Gateway's JSON answer to a request line over {@link MAX_URL_LENGTH}. */
export const URI_TOO_LONG_BODY = JSON.stringify({ message: 'Request-URI Too Long' });

/**
 * Answers a request Node's HTTP parser refused (the `clientError` event), as Node would by
 * default, except that a request line too long to parse is a 414, as API Gateway answers it,
 * rather than a 431 for its headers. Nothing is written once a response has started.
 */
export function answerClientError(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex): void {
  const started = (socket as Duplex & { bytesWritten?: number }).bytesWritten !== 0;
  if (error.code === 'ECONNRESET' || !socket.writable || started) return void socket.destroy();
  const statusCode = statusFor(error);
  const body = statusCode === 414 ? URI_TOO_LONG_BODY : '';
  const type = body ? 'Content-Type: application/json\r\n' : '';
  socket.end(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nConnection: close\r\n${type}Content-Length: ${body.length}\r\n\r\n${body}`);
  // The client reads the answer and closes; one that does not is cut off.
  setTimeout(() => socket.destroy(), 1000).unref();
}

function statusFor(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): number {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return requestLineTooLong(error.rawPacket) ? 414 : 431;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    default:
      return 400;
  }
}

// The packet the parser choked on starts with the request line and holds no line end before the limit.
function requestLineTooLong(packet: Buffer | undefined): boolean {
  if (!packet || !/^[A-Z]+ /.test(packet.subarray(0, 16).toString('latin1'))) return false;
  const end = packet.indexOf('\r\n');
  return end < 0 || end > MAX_URL_LENGTH;
}
