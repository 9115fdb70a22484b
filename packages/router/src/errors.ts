/**
 * Base of the errors a view may throw to answer with an HTTP error. The response is
 * `statusCode` with the JSON body `{"Code": code, "Message": message}`.
 *
 * @example
 * app.route('/cities/{city}', ({ city }) => {
 *   if (!(city in STATES)) throw new BadRequestError(`Unknown city '${city}'`);
 *   return { state: STATES[city] };
 * });
 */
export class ChaliceViewError extends Error {
  /** The HTTP status code of the response. */
  readonly statusCode: number = 500;
  /** The `Code` of the error body; stays readable after minification, unlike the class name. */
  readonly code: string = 'ChaliceViewError';

  override get name(): string {
    return this.code;
  }
}

/** 400: `throw new BadRequestError('Unknown city')`. */
export class BadRequestError extends ChaliceViewError {
  override readonly statusCode = 400;
  override readonly code = 'BadRequestError';
}
/** 401: `throw new UnauthorizedError('Log in first')`. */
export class UnauthorizedError extends ChaliceViewError {
  override readonly statusCode = 401;
  override readonly code = 'UnauthorizedError';
}
/** 403: `throw new ForbiddenError('Not yours')`. */
export class ForbiddenError extends ChaliceViewError {
  override readonly statusCode = 403;
  override readonly code = 'ForbiddenError';
}
/** 404: `throw new NotFoundError(key)`. */
export class NotFoundError extends ChaliceViewError {
  override readonly statusCode = 404;
  override readonly code = 'NotFoundError';
}
/** 405: `throw new MethodNotAllowedError('Use PUT')`. */
export class MethodNotAllowedError extends ChaliceViewError {
  override readonly statusCode = 405;
  override readonly code = 'MethodNotAllowedError';
}
/** 408: `throw new RequestTimeoutError('Upstream too slow')`. */
export class RequestTimeoutError extends ChaliceViewError {
  override readonly statusCode = 408;
  override readonly code = 'RequestTimeoutError';
}
/** 409: `throw new ConflictError('Already exists')`. */
export class ConflictError extends ChaliceViewError {
  override readonly statusCode = 409;
  override readonly code = 'ConflictError';
}
/** 415: `throw new UnsupportedMediaType('Send JSON')`. */
export class UnsupportedMediaType extends ChaliceViewError {
  override readonly statusCode = 415;
  override readonly code = 'UnsupportedMediaType';
}
/** 422: `throw new UnprocessableEntityError('age must be a number')`. */
export class UnprocessableEntityError extends ChaliceViewError {
  override readonly statusCode = 422;
  override readonly code = 'UnprocessableEntityError';
}
/** 429: `throw new TooManyRequestsError('Slow down')`. */
export class TooManyRequestsError extends ChaliceViewError {
  override readonly statusCode = 429;
  override readonly code = 'TooManyRequestsError';
}

/**
 * A mistake in how the app is defined (a bad route path, a duplicate name, an invalid option),
 * raised when the app module is loaded so that `chalice` commands report it before anything runs.
 *
 * @example
 * app.route('/users/', handler); // throws DefinitionError: Route cannot end with a trailing slash: /users/
 */
export class DefinitionError extends Error {
  readonly code = 'DEFINITION_ERROR';
  override readonly name = 'DefinitionError';
}

/**
 * What to log for anything thrown: an Error's stack, else its text. Never throws itself, even
 * for values that refuse to become strings (`Object.create(null)`, a throwing `toString`).
 *
 * @example
 * errorText(Object.create(null)); // '[object Object]'
 */
export function errorText(error: unknown): string {
  try {
    const stack = (error as Error | null)?.stack;
    return typeof stack === 'string' ? stack : String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}
