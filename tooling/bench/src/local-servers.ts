// Started by local.ts in its own process, so the load generator does not share its event loop:
// `bare` is a node:http hello world, `chalice` is `chalice local`'s server on a hello-world app.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer } from '@chalice/local';

const kind = process.argv[2];
if (kind === 'bare') {
  const body = JSON.stringify({ hello: 'world' });
  const server = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-bench-local-'));
  mkdirSync(join(dir, '.chalice'));
  writeFileSync(join(dir, '.chalice/config.json'), '{"version": "2.0", "app_name": "hello"}');
  writeFileSync(
    join(dir, 'app.ts'),
    "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'hello' });\napp.route('/', () => ({ hello: 'world' }));\n",
  );
  const server = await startLocalServer({ projectDir: dir, port: 0, autoreload: false, log: () => {} });
  console.log(server.url);
}
