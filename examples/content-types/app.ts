import { Chalice } from '@chalice/router';

export const app = new Chalice({ appName: 'content-types' });

app.route('/', { methods: ['POST'], contentTypes: ['application/x-www-form-urlencoded'] }, function index(_, request) {
  const parsed = new URLSearchParams(new TextDecoder().decode(request.rawBody));
  return { states: parsed.getAll('states') };
});
