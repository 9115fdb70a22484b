import { build, analyzeMetafile } from 'esbuild';
import { deflateRawSync } from 'node:zlib';
const root = '/work/main/packages/';
const r = await build({ stdin: { contents: "import { Chalice } from './src/index.ts'; export const app = new Chalice({ appName: 'x' }); app.route('/', () => ({ hello: 'world' })); export const handler = app.handler;", resolveDir: root + 'router', loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'node', target: 'node22', write: false, metafile: true, external: ['@aws-sdk/*'],
 plugins: [{ name: 'src', setup(b) { b.onResolve({ filter: /^@chalice\/(events|authorizers|websocket)$/ }, a => ({ path: `${root}${a.path.split('/')[1]}/src/index.ts` })); } }] });
const code = r.outputFiles[0].contents;
console.log('bytes', code.length, 'deflated', deflateRawSync(code, {level: 9}).length);
if (process.argv[2]) console.log(await analyzeMetafile(r.metafile));
if (process.argv[3]) (await import('node:fs')).writeFileSync('/tmp/bundle.js', code);
