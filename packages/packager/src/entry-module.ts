/** One export of the entry module: the REST API handler (`functionName: null`) or a named function. */
export interface EntryHandler {
  /** The export's name, which the Lambda handler setting names: `api_handler`, `every_hour`, `my-fn`. */
  exportName: string;
  /** The app's function (`app.functions` key), or `null` for the REST API handler. */
  functionName: string | null;
}

/**
 * The source of the ES module a deployment package runs from: it imports the user's `app` and
 * exports one Lambda handler per function. `lambdaHandler` is imported only when a function
 * needs it, so a REST-only package carries none of the event wrappers. Export names are string
 * literals (ES2022), because function names may contain `-`.
 *
 * @example
 * entryModuleSource('./app.ts', [{ exportName: 'api_handler', functionName: null }, { exportName: 'every-hour', functionName: 'every-hour' }]);
 * // import { app } from "./app.ts";
 * // import { lambdaHandler } from "@chalice/router";
 * // const handler0 = app.handler;
 * // const handler1 = lambdaHandler(app, "every-hour");
 * // export { handler0 as "api_handler", handler1 as "every-hour" };
 */
export function entryModuleSource(appImport: string, handlers: EntryHandler[]): string {
  const seen = new Set<string>();
  for (const { exportName } of handlers) {
    if (seen.has(exportName)) throw new Error(`Two handlers export "${exportName}" from the entry module`);
    seen.add(exportName);
  }
  const lines = [`import { app } from ${JSON.stringify(appImport)};`];
  if (handlers.some((h) => h.functionName !== null)) lines.push('import { lambdaHandler } from "@chalice/router";');
  // Local names are generated, so any export name works and none clashes with `app`.
  handlers.forEach(({ functionName }, i) => {
    lines.push(`const handler${i} = ${functionName === null ? 'app.handler' : `lambdaHandler(app, ${JSON.stringify(functionName)})`};`);
  });
  if (handlers.length > 0) lines.push(`export { ${handlers.map((h, i) => `handler${i} as ${JSON.stringify(h.exportName)}`).join(', ')} };`);
  return `${lines.join('\n')}\n`;
}
