import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI } from './helpers/cli.ts';

// `chalice deploy` meeting an AWS that is not there as it should be: an endpoint that accepts
// connections and never answers, a proxy answering with an HTML page, a profile that does not
// exist. Each is one line and an exit status, never a hang or a stack trace.

const work = mkdtempSync(join(tmpdir(), 'chalice-deploy-errors-'));
const home = join(work, 'home');
mkdirSync(join(home, '.aws'), { recursive: true });
writeFileSync(join(home, '.aws', 'config'), '[default]\nregion = us-east-1\n[profile work]\nregion = eu-west-1\n[sso-session corp]\nsso_region = us-east-1\n');
const project = join(work, 'app');
mkdirSync(join(project, '.chalice'), { recursive: true });
writeFileSync(join(project, '.chalice', 'config.json'), JSON.stringify({ version: '2.0', app_name: 'errs', stages: { dev: {} } }));
writeFileSync(join(project, 'app.ts'), "import { Chalice } from '@chalice/router';\nexport const app = new Chalice({ appName: 'errs' });\napp.route('/', () => ({}));\n");

interface Ended {
  status: number | null;
  stderr: string;
  seconds: number;
}

// Asynchronous, so that the servers of this process keep serving while it runs.
function chalice(args: string[], env: NodeJS.ProcessEnv): Promise<Ended> {
  const started = Date.now();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_') && !key.startsWith('CHALICE_')));
  const child = spawn(process.execPath, [CLI, ...args], { cwd: project, env: { ...clean, HOME: home, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stderr, seconds: (Date.now() - started) / 1000 })));
}

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
const credentials = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };

const errors = suite('chalice deploy: AWS unreachable, not AWS, or a profile that does not exist');

errors.after(() => rmSync(work, { recursive: true, force: true }));

errors('an endpoint that accepts and never answers: --connection-timeout bounds the wait, and the error says what happened', async () => {
  const sockets: Socket[] = [];
  const silent = createTcpServer((socket) => void sockets.push(socket));
  const endpoint = await listen(silent);
  try {
    const run = await chalice(['deploy', '--yes', '--connection-timeout', '1'], { ...credentials, AWS_ENDPOINT_URL: endpoint });
    assert.is(run.status, 1, run.stderr);
    assert.match(
      run.stderr,
      /^Error: AWS did not answer sts:GetCallerIdentity in time \([^\n]*\): check the network, a proxy or AWS_ENDPOINT_URL, or give --connection-timeout more seconds\n$/,
    );
    assert.ok(run.seconds < 30, `it gave up after ${run.seconds} s`);
  } finally {
    for (const socket of sockets) socket.destroy();
    silent.close();
  }
});

errors('--connection-timeout that is not a number of seconds: one line naming the flag, exit 2', async () => {
  const run = await chalice(['deploy', '--connection-timeout', 'soon'], credentials);
  assert.is(run.status, 2, run.stderr);
  assert.is(run.stderr, 'Error: --connection-timeout must be a whole number of seconds, got "soon"\n');
});

errors('a proxy answering with an HTML page: one line saying the answer is not from AWS', async () => {
  for (const status of [502, 200]) {
    const proxy = createHttpServer((request, response) => {
      request.resume();
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html><body><h1>Proxy error</h1></body></html>');
    });
    const endpoint = await listen(proxy);
    try {
      const run = await chalice(['deploy', '--yes'], { ...credentials, AWS_ENDPOINT_URL: endpoint });
      assert.is(run.status, 1, run.stderr);
      assert.match(
        run.stderr,
        /^Error: The answer to sts:GetCallerIdentity [^\n]*not from AWS[^\n]*: a proxy, a captive portal or AWS_ENDPOINT_URL may be in the way\n$/,
        `HTTP ${status}`,
      );
      assert.not.match(run.stderr, /SyntaxError|Unknown/);
    } finally {
      proxy.close();
    }
  }
});

errors('an unknown --profile says so, naming the files it is not in; a known one is used', async () => {
  const run = await chalice(['deploy', '--yes', '--profile', 'nosuch'], {});
  assert.is(run.status, 2, run.stderr);
  const files = `${join(home, '.aws', 'config')} nor ${join(home, '.aws', 'credentials')}`;
  assert.is(run.stderr, `Error: The AWS profile "nosuch" is unknown: it is in neither ${files} (\`aws configure --profile nosuch\` creates it)\n`);
  // An sso-session section is not a profile.
  assert.is((await chalice(['deploy', '--profile', 'corp'], {})).status, 2);
  // A known profile gets past that check, to the credentials it lacks.
  const known = await chalice(['deploy', '--yes', '--profile', 'work'], {});
  assert.is(known.status, 2, known.stderr);
  assert.match(known.stderr, /credentials/i);
  assert.not.match(known.stderr, /unknown/);
});

errors.run();
