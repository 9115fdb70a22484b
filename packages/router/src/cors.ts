const REQUIRED_HEADERS = ['Authorization', 'Content-Type', 'X-Amz-Date', 'X-Amz-Security-Token', 'X-Api-Key'];

/** Options of {@link CORSConfig}; each maps to one `Access-Control-*` header. */
export interface CORSOptions {
  /** `Access-Control-Allow-Origin`; one origin (default `*`). */
  allowOrigin?: string;
  /** Headers allowed on top of Content-Type, X-Amz-Date, Authorization, X-Api-Key, X-Amz-Security-Token. */
  allowHeaders?: string[];
  /** `Access-Control-Expose-Headers`. */
  exposeHeaders?: string[];
  /** `Access-Control-Max-Age`, in seconds. */
  maxAge?: number;
  /** `Access-Control-Allow-Credentials: true` when set. */
  allowCredentials?: boolean;
}

/**
 * A CORS configuration for a route (`cors: new CORSConfig({...})`) or the whole API (`app.api.cors`).
 *
 * @example
 * const cors = new CORSConfig({ allowOrigin: 'https://foo.example.com', maxAge: 600 });
 * app.route('/custom-cors', { cors }, () => ({ cors: true }));
 */
export class CORSConfig {
  readonly allowOrigin: string;
  readonly exposeHeaders: readonly string[];
  readonly maxAge: number | null;
  readonly allowCredentials: boolean | null;
  readonly #allowHeaders: readonly string[];
  #headers: Record<string, string> | undefined;

  constructor(options: CORSOptions = {}) {
    this.allowOrigin = options.allowOrigin ?? '*';
    this.#allowHeaders = [...new Set([...(options.allowHeaders ?? []), ...REQUIRED_HEADERS])].sort();
    this.exposeHeaders = options.exposeHeaders ?? [];
    this.maxAge = options.maxAge ?? null;
    this.allowCredentials = options.allowCredentials ?? null;
  }

  /** The allowed headers, sorted and comma-joined, as sent in `Access-Control-Allow-Headers`. */
  get allowHeaders(): string {
    return this.#allowHeaders.join(',');
  }

  /** The `Access-Control-*` headers every response of a CORS route carries. */
  getAccessControlHeaders(): Readonly<Record<string, string>> {
    if (this.#headers) return this.#headers;
    const headers: Record<string, string> = {
      'Access-Control-Allow-Origin': this.allowOrigin,
      'Access-Control-Allow-Headers': this.allowHeaders,
    };
    if (this.exposeHeaders.length) headers['Access-Control-Expose-Headers'] = this.exposeHeaders.join(',');
    if (this.maxAge !== null) headers['Access-Control-Max-Age'] = String(this.maxAge);
    if (this.allowCredentials === true) headers['Access-Control-Allow-Credentials'] = 'true';
    return (this.#headers = Object.freeze(headers));
  }

  /** Two configurations are equal when they send the same headers. */
  equals(other: CORSConfig): boolean {
    // Both header objects are built in one fixed key order, so their JSON is equal exactly when they are.
    return JSON.stringify(this.getAccessControlHeaders()) === JSON.stringify(other.getAccessControlHeaders());
  }
}
