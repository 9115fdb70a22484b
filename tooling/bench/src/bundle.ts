import { deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The budget the issue sets for a hello-world Lambda using only `@chalice/router`. */
export const BUNDLE_BUDGET = { bytes: 12 * 1024, compressed: 5 * 1024 };

/** A hello-world Lambda as a user of `@chalice/router` alone writes it. */
export const CHALICE_HELLO = `
import { Chalice } from '@chalice/router';
export const app = new Chalice({ appName: 'hello' });
app.route('/', () => ({ hello: 'world' }));
export const handler = app.handler;
`;

/** The same Lambda by hand: the same answer for GET /, API Gateway's 403 otherwise. */
export const HAND_WRITTEN_HELLO = `
export const handler = async (event) => {
  if (event.requestContext.resourcePath === '/' && event.requestContext.httpMethod === 'GET') {
    return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, multiValueHeaders: {}, body: JSON.stringify({ hello: 'world' }), isBase64Encoded: false };
  }
  return { statusCode: 403, headers: { 'Content-Type': 'application/json' }, multiValueHeaders: {}, body: '{"message":"Missing Authentication Token"}', isBase64Encoded: false };
};
`;

/** A bundle and its deflated size (what a deployment zip stores). */
export interface Bundle {
  code: Uint8Array;
  bytes: number;
  compressed: number;
}

/** Bundles a Lambda's source the way a user would: esbuild, minified ESM for Node 20, the AWS SDK left out. */
export async function bundle(source: string): Promise<Bundle> {
  const result = await build({
    stdin: { contents: source, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@aws-sdk/*'],
    write: false,
  });
  const code = result.outputFiles[0]!.contents;
  return { code, bytes: code.length, compressed: deflateRawSync(code, { level: 9 }).length };
}
