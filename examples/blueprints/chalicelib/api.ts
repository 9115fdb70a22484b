import { Blueprint } from '@chalice/router';

export const myapi = new Blueprint();

myapi.route('/', function index() {
  return { hello: 'world' };
});

myapi.route('/foo', function foo() {
  return { foo: 'bar', from: myapi.currentApp.appName };
});
