import { runColdStart } from './cold-start.ts';
import { runDispatch } from './dispatch.ts';

await runDispatch();
console.log();
await runColdStart();
