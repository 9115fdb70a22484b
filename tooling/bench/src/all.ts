// `bench`: every benchmark in turn, then one table of the figures the issue sets targets for.
import { BUNDLE_BUDGET } from './bundle.ts';
import { runColdStart } from './cold-start.ts';
import { runDispatch } from './dispatch.ts';
import { runLocal } from './local.ts';
import { table } from './stats.ts';

const dispatch = await runDispatch();
console.log();
const cold = await runColdStart();
console.log();
const local = await runLocal();

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
const ratio = (n: number, digits = 3) => n.toFixed(digits);
const chalice = dispatch.chalice!.ratio;
const localRatio = local.chalice! / local.bare!;
console.log(`\nsummary (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node})`);
console.log(
  table([
    ['measure', 'measured', 'target', ''],
    ['dispatch: chalice / switch (median events/s)', ratio(chalice), '>= 0.30', verdict(chalice >= 0.3)],
    ['dispatch: lambda-api / switch', ratio(dispatch['lambda-api']!.ratio), '(reference)', ''],
    ['dispatch: hono / switch', ratio(dispatch.hono!.ratio), '(reference)', ''],
    ['hello-world bundle, minified', `${cold.bytes} B`, `<= ${BUNDLE_BUDGET.bytes} B`, verdict(cold.bytes <= BUNDLE_BUDGET.bytes)],
    ['hello-world bundle, deflated', `${cold.compressed} B`, `<= ${BUNDLE_BUDGET.compressed} B`, verdict(cold.compressed <= BUNDLE_BUDGET.compressed)],
    ['cold start: import + first call, chalice / hand-written', ratio(cold.importAndCallRatio, 2), '<= 1.05', verdict(cold.importAndCallRatio <= 1.05)],
    ['cold start: whole process, chalice / hand-written', ratio(cold.processRatio), '(reference)', ''],
    ['chalice local / bare node:http (median requests/s)', ratio(localRatio), '>= 0.80', verdict(localRatio >= 0.8)],
  ]),
);
