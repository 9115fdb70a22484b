import { errorText } from '@chalice/router';

/**
 * Keeps a local server's process alive whatever the app does outside a request's own promise
 * chain: a rejection nobody handles and an exception thrown in a timer are logged instead of
 * ending the process (in Lambda they fail an invocation, not every later one). A
 * `process.exit()` by the app cannot be undone, but is reported rather than a silent end.
 * Returns a function that removes the guard, for the server's own shutdown.
 *
 * @example
 * const unguard = guardProcess((line) => process.stderr.write(`${line}\n`));
 * // ... serve until Ctrl-C
 * unguard();
 */
export function guardProcess(log: (message: string) => void): () => void {
  const onRejection = (reason: unknown) => log(`Unhandled promise rejection (in Lambda it fails the invocation): ${errorText(reason)}`);
  const onException = (error: unknown) => log(`Uncaught exception (in Lambda it fails the invocation): ${errorText(error)}`);
  const onExit = (code: number) => log(`The app called process.exit(${code}): chalice local has stopped. In Lambda this ends the function's runtime, and API Gateway answers 502.`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  process.on('exit', onExit);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    process.off('exit', onExit);
  };
}
