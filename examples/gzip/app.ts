import { gzipSync } from 'node:zlib';
import { Chalice, Response } from '@chalice/router';

export const app = new Chalice({ appName: 'compress-response' });
app.api.binaryTypes.push('application/json');

app.route('/', function index() {
  const blob = new TextEncoder().encode(JSON.stringify({ hello: 'world' }));
  return new Response({
    body: new Uint8Array(gzipSync(blob)),
    statusCode: 200,
    headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
  });
});
