import { connect, type Socket } from 'node:net';

/** What {@link rawExchange} does with the connection. */
export interface RawOptions {
  /** Give up waiting for the server after this long and return what came (default 5 s). */
  timeoutMs?: number;
  /** Called once connected, after `data` is written: more writes, an abort (`socket.destroy()`)... */
  then?: (socket: Socket) => void;
}

/**
 * Writes `data` as it is to the server behind `url` (a malformed request, say) and resolves with
 * everything the server sent back until it closed the connection, the client aborted it, or
 * `timeoutMs` passed. Never rejects: a reset connection is an answer too (an empty one).
 */
export function rawExchange(url: string, data: string | Buffer, options: RawOptions = {}): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 5_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', finish);
    socket.on('close', finish);
    socket.once('connect', () => {
      socket.write(data);
      options.then?.(socket);
    });
  });
}

/** The status code of the first response in a raw exchange's text, or `null` without one. */
export const statusOf = (text: string): number | null => {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
  return match ? Number(match[1]) : null;
};
