/**
 * The part of a generated TypeScript client that is the same for every app: its types, the
 * error class and the one function that sends a request. `generateTypescriptSdk` appends the
 * app's own methods. It is source text, not code of this package: it must compile on its own
 * under `tsc --strict` with only the ES2020 library (no DOM, no `@types/node`), so it declares
 * the little of `fetch` it uses instead of naming the platform's types.
 *
 * @example
 * const source = `${CLIENT_RUNTIME}\n${appMethods}`;
 */
export const CLIENT_RUNTIME = `/** The JSON body of an error answer: Chalice's \`{"Code": ..., "Message": ...}\`. */
export interface ErrorBody {
  Code?: string;
  Message?: string;
  /** API Gateway's own errors (such as 403 "Missing Authentication Token") say \`message\`. */
  message?: string;
}

/** The headers of an answer: look-up is case-insensitive. */
export interface ResponseHeaders {
  get(name: string): string | null;
}

/** What the client needs of \`fetch\`; the platform's own \`fetch\` fits. */
export type FetchFunction = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | ArrayBuffer },
) => Promise<{
  readonly status: number;
  readonly ok: boolean;
  readonly headers: ResponseHeaders;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

/**
 * A successful answer. \`data\` is the parsed JSON body, the text of a text body, the bytes of
 * any other body, or \`null\` when there is none.
 */
export interface ApiResponse {
  status: number;
  headers: ResponseHeaders;
  data: unknown;
}

/** Query values: an array repeats the key (\`?tag=a&tag=b\`); \`null\` and \`undefined\` are left out. */
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;

/** Per-call additions: a query string and headers (these win over the client's). */
export interface RequestOptions {
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
}

/**
 * Thrown for every answer that is not a 2xx: \`status\` is the HTTP status, \`body\` the
 * \`{Code, Message}\` body (a body that is not JSON arrives as its text in \`Message\`).
 *
 * @example
 * try { await client.rootGet(); } catch (e) { if (e instanceof ApiError && e.status === 404) console.log(e.code); }
 */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: ResponseHeaders;

  constructor(status: number, body: ErrorBody, headers: ResponseHeaders) {
    super(\`\${status} \${body.Code ?? 'Error'}: \${body.Message ?? body.message ?? ''}\`);
    // Compiled to ES5, a subclass of Error loses its prototype; this keeps \`instanceof\` working.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.headers = headers;
  }

  /** The error's \`Code\`, e.g. \`NotFoundError\`. */
  get code(): string | undefined {
    return this.body.Code;
  }
}

interface Route {
  method: string;
  path: string;
  apiKey: boolean;
  contentType: string;
}

type Send = (route: Route, params: Record<string, string>, body: unknown, options: RequestOptions | undefined) => Promise<ApiResponse>;

function sender(options: ClientOptions): Send {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\\/+$/, '');
  if (!baseUrl) throw new Error('createClient needs a baseUrl: the API URL, stage included (chalice url prints it)');
  const platformFetch = (globalThis as unknown as { fetch?: FetchFunction }).fetch;
  // Called as a plain function, never as a method of \`options\`: browsers reject a \`fetch\`
  // whose \`this\` is not the global object.
  const doFetch: FetchFunction | undefined = options.fetch ?? (platformFetch && platformFetch.bind(globalThis));
  if (!doFetch) throw new Error('No fetch: pass createClient({ fetch }) on a platform without a global fetch');
  const base = lowerCaseKeys(options.headers ?? {});
  return async (route, params, body, call) => {
    const headers: Record<string, string> = { ...base };
    if (route.apiKey && options.apiKey !== undefined) headers['x-api-key'] = options.apiKey;
    if (body !== undefined) headers['content-type'] = route.contentType;
    Object.assign(headers, lowerCaseKeys(call?.headers ?? {}));
    const url = baseUrl + fillPath(route.path, params) + queryString(call?.query ?? {});
    const init: Parameters<FetchFunction>[1] = { method: route.method, headers };
    if (body !== undefined) init.body = encodeBody(body, headers['content-type'] ?? route.contentType);
    const response = await doFetch(url, init);
    const data = await readBody(response, route.method);
    if (!response.ok) throw new ApiError(response.status, errorBody(data), response.headers);
    return { status: response.status, headers: response.headers, data };
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

// Each value is URL-encoded; a greedy \`{name+}\` keeps its slashes between encoded segments.
function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\\{([^}+]+)(\\+?)\\}/g, (_, name: string, greedy: string) => {
    const value = params[name];
    if (typeof value !== 'string' || value === '') throw new TypeError(\`Path parameter "\${name}" must be a non-empty string\`);
    return greedy ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
}

function queryString(query: Record<string, QueryValue>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    const values: ReadonlyArray<string | number | boolean> = typeof value === 'object' ? value : [value];
    for (const v of values) pairs.push(\`\${encodeURIComponent(key)}=\${encodeURIComponent(String(v))}\`);
  }
  return pairs.length ? \`?\${pairs.join('&')}\` : '';
}

const isJson = (contentType: string): boolean => /^application\\/(.+\\+)?json\\b/i.test(contentType);

function encodeBody(body: unknown, contentType: string): string | ArrayBuffer {
  if (isJson(contentType)) return JSON.stringify(body);
  if (typeof body === 'string') return body;
  // A copy: the view may cover part of a larger buffer, and fetch sends the whole buffer.
  if (body instanceof Uint8Array) return new Uint8Array(body).buffer;
  if (body instanceof ArrayBuffer) return body;
  throw new TypeError(\`A \${contentType} body must be a string, Uint8Array or ArrayBuffer\`);
}

async function readBody(response: Awaited<ReturnType<FetchFunction>>, method: string): Promise<unknown> {
  if (method === 'HEAD' || response.status === 204) return null;
  const contentType = response.headers.get('content-type') ?? '';
  if (isJson(contentType)) {
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
  if (contentType === '' || /^text\\//i.test(contentType)) return response.text();
  return new Uint8Array(await response.arrayBuffer());
}

function errorBody(data: unknown): ErrorBody {
  if (data !== null && typeof data === 'object' && !(data instanceof Uint8Array)) return data as ErrorBody;
  return { Message: typeof data === 'string' ? data : '' };
}
`;
