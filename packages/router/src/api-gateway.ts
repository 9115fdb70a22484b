import type { CORSConfig } from './cors.ts';

// One string rather than an array literal: it ships in every Lambda, and this is shorter.
const DEFAULT_BINARY_TYPES =
  'application/octet-stream application/x-tar application/zip audio/basic audio/ogg audio/mp4 audio/mpeg audio/wav audio/webm image/png image/jpg image/jpeg image/gif video/ogg video/mpeg video/webm'.split(
    ' ',
  );

/**
 * How API Gateway treats the app's REST API (`app.api`): global CORS and binary media types.
 *
 * @example
 * app.api.cors = true;
 * app.api.binaryTypes.push('application/my-binary-data');
 */
export class APIGateway {
  /** Global CORS: used by every route that does not set `cors` itself. Read when a route is registered. */
  cors: boolean | CORSConfig = false;
  /** Content types whose bodies are bytes; a fresh copy of {@link APIGateway.defaultBinaryTypes}. */
  binaryTypes: string[] = [...DEFAULT_BINARY_TYPES];

  /** The binary types Chalice starts with. */
  get defaultBinaryTypes(): string[] {
    return [...DEFAULT_BINARY_TYPES];
  }
}
