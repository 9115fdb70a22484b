import { Chalice } from '@chalice/router';

export const app = new Chalice({ appName: 'foo' });

app.route('/', function index() {
  return { hello: 'world' };
});

app.lambdaFunction(function custom_lambda_function(event: { name?: string }, context) {
  return { greeting: `hello ${event.name ?? 'you'}`, function: context.functionName };
});

app.lambdaFunction({ name: 'MyFunction' }, async function other_lambda_function() {
  return {};
});
