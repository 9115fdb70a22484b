import { AuthResponse, AuthRoute, Chalice, CognitoUserPoolAuthorizer, CustomAuthorizer, IAMAuthorizer } from '@chalice/router';

export const app = new Chalice({ appName: 'demoauth1' });

// A built-in authorizer: Chalice deploys it as its own Lambda function.
const demoAuth = app.authorizer({ ttlSeconds: 30 }, function demo_auth(authRequest) {
  // For the demo the token is the verdict; a real one would validate a JWT.
  if (authRequest.token === 'allow') {
    return new AuthResponse({ routes: ['/', new AuthRoute('/users/*', ['GET'])], principalId: 'user', context: { plan: 'gold', seats: 3 } });
  }
  // No routes: API Gateway answers 403 for every URL.
  return new AuthResponse({ routes: [], principalId: 'user' });
});

app.route('/', { authorizer: demoAuth }, function index(_, request) {
  return { context: request.context };
});

app.route('/authenticated', { methods: ['GET'], apiKeyRequired: true }, function authenticated() {
  return { secure: true };
});

app.route('/iam-role', { authorizer: new IAMAuthorizer() }, function iam_role() {
  return { secure: true };
});

app.route(
  '/user-pools',
  { authorizer: new CognitoUserPoolAuthorizer('MyPool', { header: 'Authorization', providerArns: ['arn:aws:cognito-idp:us-west-2:123456789012:userpool/us-west-2_abc'] }) },
  function user_pools() {
    return { secure: true };
  },
);

app.route(
  '/custom-auth',
  {
    authorizer: new CustomAuthorizer('MyCustomAuth', {
      header: 'Authorization',
      authorizerUri: 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:FunctionName/invocations',
    }),
  },
  function custom_auth() {
    return { secure: true };
  },
);
