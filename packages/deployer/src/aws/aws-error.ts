/**
 * What kind of AWS failure an {@link AwsError} is: credentials or region missing, expired or
 * rejected (`AWS_CREDENTIALS`); a call the deploying identity may not make
 * (`AWS_ACCESS_DENIED`); anything else AWS refused (`AWS_CALL_FAILED`).
 *
 * @example
 * const code: AwsErrorCode = 'AWS_ACCESS_DENIED';
 */
export type AwsErrorCode = 'AWS_CREDENTIALS' | 'AWS_ACCESS_DENIED' | 'AWS_CALL_FAILED';

/**
 * The one error the AWS facade throws: a one-line message saying what failed and what to do,
 * the call it was (`operation`, e.g. `lambda:CreateFunction`), and the SDK error as `cause`.
 *
 * @example
 * try { await aws.createFunction(spec, zip); }
 * catch (e) { if (e instanceof AwsError && e.code === 'AWS_ACCESS_DENIED') console.error(e.message); }
 */
export class AwsError extends Error {
  override readonly name = 'AwsError';
  constructor(
    readonly code: AwsErrorCode,
    /** The failed call as `service:Operation`, or `region` when none is configured. */
    readonly operation: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const CREDENTIALS_MISSING = new Set(['CredentialsProviderError']);
const TOKEN_EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired']);
const CREDENTIALS_REJECTED = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'SignatureDoesNotMatch']);
// SNS says AuthorizationError where the other services say AccessDenied.
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError']);

// The AWS error code of an SDK error: the `Code` that query-protocol services send (whose
// modelled classes are named with an `Exception` suffix), else its `name`.
function awsErrorCode(error: unknown): string {
  const e = error as { name?: unknown; Code?: unknown } | null;
  return typeof e?.Code === 'string' ? e.Code : typeof e?.name === 'string' ? e.name : '';
}

/**
 * Whether an SDK error has one of the given codes, with or without the `Exception` suffix
 * that the SDK adds to some services' codes.
 *
 * @example
 * if (hasAwsErrorCode(e, ['NoSuchEntity'])) return null;
 */
export function hasAwsErrorCode(error: unknown, codes: readonly string[]): boolean {
  const names = [awsErrorCode(error), (error as { name?: string } | null)?.name ?? ''];
  return names.some((name) => codes.includes(name) || codes.includes(name.replace(/Exception$/, '')));
}

/**
 * Turns whatever a call threw into an {@link AwsError} naming `operation`; an `AwsError`
 * passes through unchanged.
 *
 * @example
 * throw toAwsError(sdkError, 'lambda:CreateFunction');
 */
export function toAwsError(error: unknown, operation: string): AwsError {
  if (error instanceof AwsError) return error;
  const detail = oneLine(error instanceof Error ? error.message : String(error));
  const why = detail ? ` (AWS: ${detail})` : '';
  if (hasAwsErrorCode(error, [...CREDENTIALS_MISSING])) {
    return new AwsError('AWS_CREDENTIALS', operation, `No AWS credentials found for ${operation}: set AWS_PROFILE or run \`aws configure\``, { cause: error });
  }
  if (hasAwsErrorCode(error, [...TOKEN_EXPIRED])) {
    return new AwsError('AWS_CREDENTIALS', operation, `The AWS session token has expired (calling ${operation}): refresh your credentials (e.g. \`aws sso login\`) and run again`, {
      cause: error,
    });
  }
  if (hasAwsErrorCode(error, [...CREDENTIALS_REJECTED])) {
    return new AwsError('AWS_CREDENTIALS', operation, `AWS rejected the credentials calling ${operation}: check AWS_PROFILE or run \`aws configure\`${why}`, { cause: error });
  }
  if (hasAwsErrorCode(error, [...ACCESS_DENIED])) {
    return new AwsError('AWS_ACCESS_DENIED', operation, `Access denied calling ${operation}: grant it to the deploying user${why}`, { cause: error });
  }
  const foreign = notAnAwsAnswer(error);
  if (foreign) {
    return new AwsError('AWS_CALL_FAILED', operation, `The answer to ${operation} is not from AWS (${foreign}): a proxy, a captive portal or AWS_ENDPOINT_URL may be in the way`, {
      cause: error,
    });
  }
  if (hasAwsErrorCode(error, ['TimeoutError'])) {
    return new AwsError(
      'AWS_CALL_FAILED',
      operation,
      `AWS did not answer ${operation} in time (${detail}): check the network, a proxy or AWS_ENDPOINT_URL, or give --connection-timeout more seconds`,
      { cause: error },
    );
  }
  const code = awsErrorCode(error);
  return new AwsError('AWS_CALL_FAILED', operation, `${operation} failed: ${code && code !== 'Error' ? `${code}: ` : ''}${detail}`, { cause: error });
}

// An answer the SDK could not read as its service's JSON or XML (an HTML page from a proxy):
// what it was, or `null` for a real AWS error.
function notAnAwsAnswer(error: unknown): string | null {
  const e = error as { name?: string; $response?: { statusCode?: number; headers?: Record<string, string> } } | null;
  const response = e?.$response;
  if (!response) return null;
  const type = response.headers?.['content-type'] ?? '';
  const unreadable = e.name === 'SyntaxError' || (e.name === 'Unknown' && !/json|xml/i.test(type));
  return unreadable ? `HTTP ${response.statusCode ?? '?'}${type ? `, ${type.split(';')[0]}` : ''}` : null;
}

// The CLI prints an AwsError as one line; AWS messages sometimes span several.
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
