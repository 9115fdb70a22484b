import { Chalice, Response } from '@chalice/router';

export const app = new Chalice({ appName: 'custom-response' });

app.route('/', function index() {
  return new Response({ body: 'hello world!', statusCode: 200, headers: { 'Content-Type': 'text/plain' } });
});

app.route('/badrequest', function badrequest() {
  return new Response({ body: 'Plain text error message', headers: { 'Content-Type': 'text/plain' }, statusCode: 400 });
});

app.route('/bin-echo', { methods: ['POST'], contentTypes: ['application/octet-stream'] }, function bin_echo(_, request) {
  return new Response({ body: request.rawBody, statusCode: 200, headers: { 'Content-Type': 'application/octet-stream' } });
});
