/** What every implementation returns for a REST v1 proxy event (Hono may use `multiValueHeaders`). */
export interface ProxyAnswer {
  statusCode: number;
  body: string;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
}

/** A Lambda handler for REST v1 events, as each framework exposes it. */
export type Handler = (event: any, context: any) => Promise<ProxyAnswer>;
