// Started by websocket.ts in its own process, so the clients do not share its event loop:
// `bare` is a `ws` echo server, `chalice` is `chalice local`'s server on the websocket-echo example,
// `chalice-sdk` the same with the app setting `websocketApi.clientConfig`, which takes its sends
// through the AWS SDK (over HTTP to the local Management API) instead of in process.
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { startLocalServer } from '@chalice/local';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

if (process.argv[2] === 'bare') {
  const wss: WebSocketServer = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => console.log(`ws://127.0.0.1:${(wss.address() as { port: number }).port}`));
  wss.on('connection', (ws) => ws.on('message', (data, binary) => ws.send(data, { binary })));
} else {
  const example = fileURLToPath(new URL('../../../examples/websocket-echo/', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'chalice-bench-ws-'));
  cpSync(join(example, 'app.ts'), join(dir, 'app.ts'));
  cpSync(join(example, '.chalice'), join(dir, '.chalice'), { recursive: true });
  if (process.argv[2] === 'chalice-sdk') appendFileSync(join(dir, 'app.ts'), '\napp.websocketApi.clientConfig = { maxAttempts: 3 };\n');
  const server = await startLocalServer({ projectDir: dir, port: 0, autoreload: false, log: () => {} });
  console.log(server.url.replace(/^http/, 'ws'));
}
