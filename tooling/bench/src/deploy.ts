import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_STAGE, loadConfig } from '@chalice/config';
import { loadApp } from '@chalice/config/loader';
import { createAwsFacade, isMutating, planDeploy, readState, type PlanDeployInput } from '@chalice/deployer';
import { startMoto } from '@chalice/fixtures';
import { buildDeploymentPackage, buildWithGeneratedPolicy, deploymentPackageInputs } from '@chalice/packager';
import { fortyRouteApp } from './package.ts';
import { median, table } from './stats.ts';

const ROUNDS = 5;
const PLANS_PER_ROUND = 5;
const REDEPLOY_TARGET_MS = 1000;
const PLAN_TARGET_MS = 200;
const CLI = fileURLToPath(new URL('../../../apps/cli/dist/cli.js', import.meta.url));
const READ_ONLY = /:(Get|List|Describe)/;

interface Timed {
  ms: number;
  calls: string[];
}

const STEPS = ['first deploy', 'unchanged redeploy', 'code-only redeploy'] as const;
type Step = (typeof STEPS)[number];

// One chalice process, timed from outside, with the facade's call log (moto keeps none).
function chalice(args: string[], cwd: string, env: NodeJS.ProcessEnv): Timed {
  const log = join(cwd, 'calls.log');
  rmSync(log, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...env, CHALICE_AWS_CALL_LOG: log } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`chalice ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
}

function node(cwd: string): number {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0'], { cwd });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// What `deploy` plans from, built as it builds it, so that only `planDeploy` is timed.
async function planInput(projectDir: string): Promise<PlanDeployInput> {
  const { app } = await loadApp({ projectDir });
  const { graph } = buildWithGeneratedPolicy(app, loadConfig(projectDir), DEFAULT_STAGE, { projectDir });
  const pkg = await buildDeploymentPackage({ projectDir, ...deploymentPackageInputs(graph) });
  const aws = await createAwsFacade();
  return { graph, state: readState(projectDir, DEFAULT_STAGE), aws, codeSha256: Buffer.from(pkg.sha256, 'hex').toString('base64') };
}

async function timePlans(input: PlanDeployInput): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < PLANS_PER_ROUND; i++) {
    const start = process.hrtime.bigint();
    const plan = await planDeploy(input);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (plan.instructions.some(isMutating)) throw new Error('the plan of a deployed, unchanged app changes AWS');
  }
  return times;
}

/**
 * `chalice deploy` of a 40-route app against moto_server: wall time and AWS calls (from the
 * facade's call log) of a first deploy, an unchanged redeploy and a code-only redeploy, each
 * round a fresh project, deleted after; beside them in the same rounds, `node -e 0` (the floor
 * of any CLI) and `chalice package` (the same app loading and packaging, without AWS). Then
 * `planDeploy` alone, in this process, against the deployed state with the real facade.
 */
export async function runDeploy(): Promise<Record<string, number>> {
  const moto = await startMoto();
  const work = mkdtempSync(join(tmpdir(), 'chalice-bench-deploy-'));
  const aws = { AWS_ENDPOINT_URL: moto.endpoint, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };
  const env: NodeJS.ProcessEnv = { ...process.env, ...aws };
  delete env.AWS_PROFILE;
  Object.assign(process.env, aws);
  delete process.env.AWS_PROFILE;
  try {
    const samples = { node: [] as number[], package: [] as number[], plan: [] as number[], firstPlan: [] as number[] };
    const steps = Object.fromEntries(STEPS.map((step) => [step, [] as Timed[]])) as Record<Step, Timed[]>;
    // Round 0 warms moto (it imports each service's code on its first request) and the OS cache.
    for (let round = 0; round <= ROUNDS; round++) {
      const dir = mkdtempSync(join(work, 'forty-'));
      // No CORS: moto crashes importing the preflight's mock integration (it wants a uri).
      fortyRouteApp(dir, { cors: false });
      const nodeMs = node(dir);
      const first = chalice(['deploy', '--yes'], dir, env);
      const unchanged = chalice(['deploy', '--yes'], dir, env);
      const file = join(dir, 'app.ts');
      writeFileSync(file, readFileSync(file, 'utf8').replace('return { route: 0, params }', `return { route: 0, params, round: ${round} }`));
      const codeOnly = chalice(['deploy', '--yes'], dir, env);
      // After the deploys, so that it finds its zip built, as a redeploy does.
      const packageMs = chalice(['package', 'out'], dir, env).ms;
      const plans = await timePlans(await planInput(dir));
      chalice(['delete'], dir, env);
      if (round === 0) continue;
      samples.node.push(nodeMs);
      samples.package.push(packageMs);
      samples.firstPlan.push(plans[0]!);
      samples.plan.push(...plans.slice(1));
      steps['first deploy'].push(first);
      steps['unchanged redeploy'].push(unchanged);
      steps['code-only redeploy'].push(codeOnly);
    }
    return report(samples, steps);
  } finally {
    await moto.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function report(samples: Record<'node' | 'package' | 'plan' | 'firstPlan', number[]>, steps: Record<Step, Timed[]>): Record<string, number> {
  const nodeMs = median(samples.node);
  const packageMs = median(samples.package);
  const row = (name: string, ms: number, calls = '', mutatingCalls = '') => [name, ms.toFixed(0), (ms / nodeMs).toFixed(2), (ms / packageMs).toFixed(2), calls, mutatingCalls];
  const figures: Record<string, number> = { nodeMs, packageMs };
  const rows = STEPS.map((step) => {
    const ms = median(steps[step].map((s) => s.ms));
    const calls = median(steps[step].map((s) => s.calls.length));
    const mutating = median(steps[step].map((s) => s.calls.filter((c) => !READ_ONLY.test(c)).length));
    Object.assign(figures, { [`${step} ms`]: ms, [`${step} calls`]: calls, [`${step} mutating calls`]: mutating });
    return row(`chalice deploy: ${step}`, ms, String(calls), String(mutating));
  });
  const plan = median(samples.plan);
  const firstPlan = median(samples.firstPlan);
  Object.assign(figures, { planMs: plan, firstPlanMs: firstPlan });
  const changed = [...new Set(steps['code-only redeploy'].flatMap((s) => s.calls.filter((c) => !READ_ONLY.test(c))))];
  console.log(`deploy: ${ROUNDS} rounds against moto_server (after one warm-up round), a 40-route app (no CORS) and one schedule, medians`);
  console.log(
    table([
      ['measure', 'median ms', 'ratio to node start', 'ratio to package', 'AWS calls', 'mutating'],
      row('node -e 0', nodeMs),
      row('chalice package (no AWS)', packageMs),
      ...rows,
      row('planDeploy, first with a new facade', firstPlan),
      row(`planDeploy, warm (${PLANS_PER_ROUND - 1} per round)`, plan),
    ]),
  );
  console.log(`mutating calls of a code-only redeploy: ${changed.join(', ') || 'none'}`);
  const unchangedMs = figures['unchanged redeploy ms']!;
  const unchangedMutating = figures['unchanged redeploy mutating calls']!;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  console.log(
    `target: unchanged redeploy with no mutating call: ${verdict(unchangedMutating === 0)}; under ${REDEPLOY_TARGET_MS} ms: ${verdict(unchangedMs < REDEPLOY_TARGET_MS)}`,
  );
  console.log(`target: plan under ${PLAN_TARGET_MS} ms: ${verdict(plan < PLAN_TARGET_MS)} (warm), ${verdict(firstPlan < PLAN_TARGET_MS)} (first with a new facade)`);
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await runDeploy();
