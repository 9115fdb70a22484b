import { randomUUID } from 'node:crypto';
import { API_HANDLER } from '@chalice/config';
import { loadApp } from '@chalice/config/loader';
import { lambdaHandler, type Chalice } from '@chalice/router';
import { LocalGateway } from './gateway.ts';
import type { LocalResponse } from './http-types.ts';
import { localLambdaContext } from './lambda-context.ts';
import { applyEnvironment, functionEnvironment, localStage, projectConfig, type LocalStage } from './project.ts';
import { inProcessRequestHandler } from './sdk-bridge.ts';
import { connectTestWebsocket, type TestConnectOptions, type TestWebsocket } from './test-websocket.ts';
import { WebsocketConnections } from './ws-connections.ts';
import { pointAtLocalEndpoint } from './ws-endpoint.ts';

/** Options of {@link TestClient}. */
export interface TestClientOptions {
  /** Chalice stage whose configuration applies (default `dev`). */
  stage?: string;
  /** The project, for `.chalice/config.json` (environment variables, timeouts). */
  projectDir?: string;
}

/** What an HTTP request of the test client sends. */
export interface TestRequest {
  headers?: Record<string, string | string[]>;
  /** A string or bytes; an object is sent as JSON (with Content-Type application/json unless set). */
  body?: string | Uint8Array | object;
}

/** What an HTTP request of the test client gets back. */
export interface TestResponse extends LocalResponse {
  /** The body as text. */
  readonly text: string;
  /** The body parsed as JSON. */
  json<T = any>(): T;
}

const toResponse = (res: LocalResponse): TestResponse => ({
  statusCode: res.statusCode,
  headers: res.headers,
  body: res.body,
  get text() {
    return new TextDecoder().decode(res.body);
  },
  json() {
    return JSON.parse(new TextDecoder().decode(res.body));
  },
});

/**
 * Tests an app without AWS: HTTP requests go through the same local gateway as `chalice local`
 * (authorizers, CORS, binary), `ws.connect` opens websocket connections through its websocket
 * API (the app's `websocketApi` is pointed at the client, so `send`, `close` and `info` run the
 * SDK's code path in memory), `lambda.invoke` calls any function by name, and `events` makes the
 * events the event handlers expect. The API handler's environment variables for the stage are
 * set while the client is open and put back by `close()`; `lambda.invoke` runs a function with
 * its own. To have them set before the app module loads, and the app's files found as deployed
 * (`import.meta.dirname` is the project folder), load the project with {@link TestClient.load}.
 *
 * @example
 * const client = new TestClient(app);
 * const res = await client.http.get('/');
 * assert.deepEqual(res.json(), { hello: 'world' });
 * const conn = await client.ws.connect('/');
 * await conn.send('hi');
 * console.log(await conn.next());
 * client.close();
 */
export class TestClient {
  readonly #app: Chalice;
  readonly #gateway: LocalGateway;
  readonly #stage: LocalStage;
  readonly #restore: () => void;
  readonly #connections = new WebsocketConnections();

  constructor(app: Chalice, options: TestClientOptions = {}) {
    this.#app = app;
    const settings = localStage(app, options.stage ?? 'dev', projectConfig(options.projectDir));
    this.#stage = settings;
    this.#gateway = new LocalGateway(app, { ...settings.gateway, warn: () => {} });
    this.#restore = applyEnvironment(settings.environment);
    pointAtLocalEndpoint(app, 'http://test-client.local', this.#connections, { requestHandler: inProcessRequestHandler((request) => this.#connections.manage(request)) });
  }

  /**
   * Loads a project's app as `chalice local` does and opens a client on it: the config's
   * environment variables (the API handler's for the stage) are set before the app module is
   * imported, so values read at its top level are the configured ones.
   *
   * @example
   * const client = await TestClient.load({ projectDir: '.', stage: 'dev' });
   * const res = await client.http.get('/');
   * client.close();
   */
  static async load(options: TestClientOptions & { projectDir: string }): Promise<TestClient> {
    const restore = applyEnvironment(functionEnvironment(projectConfig(options.projectDir), options.stage ?? 'dev', API_HANDLER));
    let app: Chalice;
    try {
      ({ app } = await loadApp({ projectDir: options.projectDir }));
    } finally {
      // The client sets them again, remembering what was there before.
      restore();
    }
    return new TestClient(app, options);
  }

  /** Websocket connections through the local websocket API: `connect('/', { headers, query })`. */
  readonly ws = {
    connect: (path = '/', options?: TestConnectOptions): Promise<TestWebsocket> => connectTestWebsocket(this.#gateway.websocket, this.#connections, path, options),
  };

  /** HTTP requests through the local API Gateway. */
  readonly http = {
    request: (method: string, path: string, request: TestRequest = {}): Promise<TestResponse> => this.#request(method, path, request),
    get: (path: string, request?: TestRequest) => this.#request('GET', path, request),
    post: (path: string, request?: TestRequest) => this.#request('POST', path, request),
    put: (path: string, request?: TestRequest) => this.#request('PUT', path, request),
    patch: (path: string, request?: TestRequest) => this.#request('PATCH', path, request),
    delete: (path: string, request?: TestRequest) => this.#request('DELETE', path, request),
    options: (path: string, request?: TestRequest) => this.#request('OPTIONS', path, request),
  };

  /**
   * Invokes any Lambda function of the app by name, as `chalice invoke` would, with the
   * function's own memory, timeout and environment variables (set for the call, then put back).
   */
  readonly lambda = {
    invoke: async (name: string, payload: unknown = {}): Promise<{ payload: unknown }> => {
      const context = localLambdaContext(this.#stage.gateway.lambdaFunction!(name));
      const restore = applyEnvironment(this.#stage.functionEnvironment(name));
      try {
        return { payload: await lambdaHandler(this.#app, name)(payload, context) };
      } finally {
        restore();
      }
    },
  };

  /** Events shaped like AWS's, for the app's event handlers. */
  readonly events = {
    generateS3Event: ({ bucket, key, eventName = 'ObjectCreated:Put' }: { bucket: string; key: string; eventName?: string }) => ({
      Records: [
        {
          eventVersion: '2.1',
          eventSource: 'aws:s3',
          awsRegion: 'us-west-2',
          eventTime: new Date().toISOString(),
          eventName,
          s3: { s3SchemaVersion: '1.0', bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` }, object: { key: encodeURIComponent(key).replace(/%20/g, '+'), size: 0 } },
        },
      ],
    }),
    generateSnsEvent: ({ message, subject = null, topic = 'my-topic' }: { message: string; subject?: string | null; topic?: string }) => ({
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          Sns: {
            Type: 'Notification',
            MessageId: randomUUID(),
            TopicArn: `arn:aws:sns:us-west-2:123456789012:${topic}`,
            Subject: subject,
            Message: message,
            Timestamp: new Date().toISOString(),
          },
        },
      ],
    }),
    generateSqsEvent: ({ messages, queue = 'my-queue' }: { messages: string[]; queue?: string }) => ({
      Records: messages.map((body) => ({
        messageId: randomUUID(),
        receiptHandle: randomUUID(),
        body,
        attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()) },
        messageAttributes: {},
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:us-west-2:123456789012:${queue}`,
        awsRegion: 'us-west-2',
      })),
    }),
    generateCloudWatchEvent: ({
      source,
      detailType,
      detail = {},
      resources = [],
    }: {
      source: string;
      detailType: string;
      detail?: Record<string, unknown>;
      resources?: string[];
    }) => ({
      version: '0',
      id: randomUUID(),
      'detail-type': detailType,
      source,
      account: '123456789012',
      time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      region: 'us-west-2',
      resources,
      detail,
    }),
  };

  /** Puts back the environment variables the client set. */
  close(): void {
    this.#restore();
  }

  [Symbol.dispose](): void {
    this.close();
  }

  async #request(method: string, path: string, { headers = {}, body }: TestRequest = {}): Promise<TestResponse> {
    const allHeaders: Record<string, string | string[]> = { ...headers };
    let bytes: Uint8Array;
    if (body === undefined) bytes = new Uint8Array();
    else if (body instanceof Uint8Array) bytes = body;
    else if (typeof body === 'string') bytes = new TextEncoder().encode(body);
    else {
      bytes = new TextEncoder().encode(JSON.stringify(body));
      if (!Object.keys(allHeaders).some((h) => h.toLowerCase() === 'content-type')) allHeaders['Content-Type'] = 'application/json';
    }
    return toResponse(await this.#gateway.handle({ method, url: path, headers: allHeaders, body: bytes }));
  }
}
