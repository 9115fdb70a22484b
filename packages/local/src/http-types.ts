/** An HTTP request as the local gateway sees it, whatever carried it (a socket, the test client). */
export interface LocalRequest {
  method: string;
  /** The path with its query string, e.g. `/users/bob?x=1`, without the API Gateway stage. */
  url: string;
  /** Header values by name as sent; repeated headers as arrays. */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
  /** The client's address, for `requestContext.identity.sourceIp`. */
  sourceIp?: string;
}

/** The gateway's answer, ready to write in one go. */
export interface LocalResponse {
  statusCode: number;
  /** Header values; arrays are repeated headers. */
  headers: Record<string, string | string[]>;
  body: Uint8Array;
}
