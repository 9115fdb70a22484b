import { Chalice } from '@chalice/router';

export const app = new Chalice({ appName: 'routing' });

app.route('/', function index() {
  return { view: 'index' };
});

app.route('/resource/{value}', { methods: ['PUT'] }, function put_test({ value }) {
  return { value };
});

// One view for two methods: the request says which one it got.
app.route('/myview', { methods: ['POST', 'PUT'] }, function myview(_, request) {
  return { method: request.method };
});

// Or one view per method on the same path; names must differ.
app.route('/split', { methods: ['POST'] }, function split_post() {
  return { view: 'split_post' };
});
app.route('/split', { methods: ['PUT'] }, function split_put() {
  return { view: 'split_put' };
});

app.route('/a/{first}/b/{second}', function users({ first, second }) {
  return { first, second };
});

app.route('/users/{name}', function user({ name }, request) {
  const result: Record<string, string> = { name };
  if (request.queryParams?.['include-greeting'] === 'true') result.greeting = `Hello, ${name}`;
  return result;
});
