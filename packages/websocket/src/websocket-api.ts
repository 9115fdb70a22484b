import type { ConnectionOutput, ManagementApiClient, ManagementApiSdk } from './management-sdk.ts';
import { WebsocketDisconnectedError } from './errors.ts';

const SDK = '@aws-sdk/client-apigatewaymanagementapi';
let sdk: Promise<ManagementApiSdk> | undefined;
type CommandName = 'PostToConnectionCommand' | 'DeleteConnectionCommand' | 'GetConnectionCommand';

// The SDK is an optional peer, imported on first use only: apps that never send pay nothing for it.
function loadSdk(): Promise<ManagementApiSdk> {
  return (sdk ??= import('@aws-sdk/client-apigatewaymanagementapi').catch((cause: unknown) => {
    sdk = undefined;
    throw Object.assign(new Error(`WebsocketAPI needs ${SDK}: run "npm install ${SDK}" (the Lambda Node.js runtime already provides it)`, { cause }), { code: 'AWS_SDK_MISSING' });
  }));
}

/**
 * What `WebsocketAPI.info` tells about a connection.
 *
 * @example
 * const { connectedAt, identity } = await app.websocketApi.info(event.connectionId);
 */
export interface ConnectionInfo {
  connectedAt: Date;
  lastActiveAt: Date;
  identity: { sourceIp: string; userAgent: string };
}

/**
 * How `WebsocketAPI.setEndpoint` reaches an endpoint other than API Gateway's: settings for the SDK
 * client (`region`, `credentials`, `requestHandler`...) and, optionally, where the SDK comes from.
 *
 * @example
 * api.setEndpoint('http://127.0.0.1:8000', { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
 */
export interface EndpointOptions {
  /**
   * Loads `@aws-sdk/client-apigatewaymanagementapi` in place of this package's own import, so the
   * tooling can supply its copy to an app that does not install the SDK.
   */
  loadSdk?: () => Promise<ManagementApiSdk>;
  [clientSetting: string]: unknown;
}

/**
 * Settings for every SDK client `WebsocketAPI` makes, as Python Chalice's `websocket_api.session`
 * sets them: retries (`maxAttempts`, `retryMode`), timeouts (`requestHandler: { requestTimeout,
 * connectionTimeout }`), `region`, `credentials`... Any `endpoint` in it is ignored: that comes
 * from `configure` (the event) or `setEndpoint`.
 *
 * @example
 * const config: ClientConfig = { maxAttempts: 5, requestHandler: { requestTimeout: 2000 } };
 */
export type ClientConfig = Readonly<Record<string, unknown>>;

/**
 * Sends to, closes and inspects the connections of an API Gateway websocket API through its
 * management endpoint. The websocket handlers call `configure` for you; `app.websocketApi` is one.
 *
 * @example
 * const api = new WebsocketAPI();
 * api.configure('abc123.execute-api.us-west-2.amazonaws.com', 'api');
 * await api.send(connectionId, 'hello');
 */
export class WebsocketAPI {
  #endpoint: string | null = null;
  #load = loadSdk;
  // setEndpoint's settings; until it is called, none, which also lets `configure` move the endpoint.
  #settings: object | undefined;
  #config: ClientConfig = {};
  readonly #clients = new Map<string, ManagementApiClient>();

  /**
   * Points the API at `https://{domainName}/{stage}`, unless `setEndpoint` chose an endpoint.
   *
   * @example
   * api.configure(event.domainName, event.stage);
   */
  configure(domainName: string, stage: string): void {
    if (!this.#settings) this.#endpoint = `https://${domainName}/${stage}`;
  }

  /**
   * Uses this management endpoint from now on, whatever `configure` is told (`chalice local` does
   * this), with extra SDK client settings for clients made from then on.
   *
   * @example
   * api.setEndpoint('http://127.0.0.1:8000', { region: 'us-east-1' });
   */
  setEndpoint(url: string, options: EndpointOptions = {}): void {
    const { loadSdk: load = loadSdk, ...settings } = options;
    this.#endpoint = url;
    this.#load = load;
    this.#settings = settings;
    this.#clients.clear();
  }

  /**
   * SDK client settings (retries, timeouts...) for the clients made from now on (assign a new
   * object to change them); the endpoint stays the event's (or `setEndpoint`'s), and
   * `setEndpoint`'s own options win over these.
   *
   * @example
   * app.websocketApi.clientConfig = { maxAttempts: 5, requestHandler: { requestTimeout: 2000 } };
   */
  get clientConfig(): ClientConfig {
    return this.#config;
  }

  set clientConfig(config: ClientConfig) {
    this.#config = config;
    this.#clients.clear();
  }

  /** The management endpoint, or `null` before `configure`/`setEndpoint`. */
  get endpoint(): string | null {
    return this.#endpoint;
  }

  /**
   * Sends a message (text or bytes) to a connection. Throws {@link WebsocketDisconnectedError} if it is gone.
   *
   * @example
   * await app.websocketApi.send(event.connectionId, JSON.stringify({ echo: event.body }));
   */
  async send(connectionId: string, message: string | Uint8Array): Promise<void> {
    await this.#call(connectionId, 'PostToConnectionCommand', message);
  }

  /**
   * Closes a connection. Throws {@link WebsocketDisconnectedError} if it is already gone.
   *
   * @example
   * await app.websocketApi.close(event.connectionId);
   */
  async close(connectionId: string): Promise<void> {
    await this.#call(connectionId, 'DeleteConnectionCommand');
  }

  /**
   * When a connection opened, when it was last active, and who is at the other end.
   * Throws {@link WebsocketDisconnectedError} if it is gone.
   *
   * @example
   * const { identity } = await app.websocketApi.info(event.connectionId);
   */
  async info(connectionId: string): Promise<ConnectionInfo> {
    const out = (await this.#call(connectionId, 'GetConnectionCommand')) as ConnectionOutput;
    return {
      connectedAt: out.ConnectedAt!,
      lastActiveAt: out.LastActiveAt!,
      identity: { sourceIp: out.Identity?.SourceIp ?? '', userAgent: out.Identity?.UserAgent ?? '' },
    };
  }

  // One shared path for the three calls keeps the runtime bundle small: every app carries this
  // class. A client per endpoint, made on first use; 410 Gone becomes WebsocketDisconnectedError.
  async #call(connectionId: string, command: CommandName, data?: string | Uint8Array): Promise<unknown> {
    const endpoint = this.#endpoint;
    if (!endpoint) {
      throw Object.assign(new Error('WebsocketAPI is not configured: call configure(domainName, stage) or setEndpoint(url)'), { code: 'WEBSOCKET_NOT_CONFIGURED' });
    }
    const mod = await this.#load();
    let client = this.#clients.get(endpoint);
    if (!client) {
      // SigV4 must be signed for the API's own region, which its default domain name spells out
      // (`{id}.execute-api.{region}.amazonaws.com`; only AWS serves names under amazonaws.com);
      // an undefined region falls back to the SDK's own resolution.
      const region = /api\.([^.]+)\.amazonaws/.exec(endpoint)?.[1];
      client = new mod.ApiGatewayManagementApiClient({ region, ...this.#config, ...this.#settings, endpoint });
      this.#clients.set(endpoint, client);
    }
    // One constructor type for the three: the input below is the one each command takes.
    const Command = mod[command] as new (input: { ConnectionId: string; Data?: string | Uint8Array }) => object;
    try {
      return await client.send(new Command(data === undefined ? { ConnectionId: connectionId } : { ConnectionId: connectionId, Data: data }));
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
      throw e?.name === 'GoneException' || e?.$metadata?.httpStatusCode === 410 ? new WebsocketDisconnectedError(connectionId, { cause: err }) : err;
    }
  }
}
