/**
 * What a failed `listen` means for the user, for the errors they can fix with `--host` or
 * `--port`; `null` for any other failure.
 *
 * @example
 * listenProblem({ code: 'EADDRNOTAVAIL' }, '10.255.255.1', 8000);
 * // 'Cannot listen on 10.255.255.1: no network interface of this machine has that address (--host)'
 */
export function listenProblem(error: { code?: string }, host: string, port: number): string | null {
  switch (error.code) {
    case 'EADDRINUSE':
      return `Port ${port} on ${host} is already in use: pick another with --port`;
    case 'EADDRNOTAVAIL':
      return `Cannot listen on ${host}: no network interface of this machine has that address (--host)`;
    // getaddrinfo: the name is unknown, or the resolver could not say (no network).
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return `Cannot listen on ${host}: the name does not resolve to an address (--host)`;
    case 'EACCES':
      return `Port ${port} on ${host} needs more privileges than this user has: pick one above 1023 with --port`;
    default:
      return null;
  }
}
