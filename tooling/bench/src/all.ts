import { runColdStart } from './cold-start.ts';
import { runDispatch } from './dispatch.ts';
import { runLocal } from './local.ts';

await runDispatch();
console.log();
await runColdStart();
console.log();
await runLocal();
