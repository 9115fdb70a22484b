// The public API of @chalice/authorizers.
export { AuthRequest, type TokenAuthorizerEvent } from './auth-request.ts';
export { AuthResponse, AuthRoute, type AuthorizerResult, type AuthResponseInit } from './auth-response.ts';
export {
  CognitoUserPoolAuthorizer,
  CustomAuthorizer,
  IAMAuthorizer,
  type CognitoUserPoolOptions,
  type CustomAuthorizerOptions,
} from './authorizers.ts';
export {
  BuiltinAuthorizer,
  builtinAuthorizerHandler,
  type AuthorizerFunction,
  type AuthorizerHandler,
  type AuthorizerOutput,
  type AuthorizerReturn,
  type BuiltinAuthorizerOptions,
} from './builtin-authorizer.ts';
export { authorizerModel, type Authorizer, type AuthorizerModel } from './authorizer-model.ts';
