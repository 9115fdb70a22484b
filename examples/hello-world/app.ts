import { Chalice, NotFoundError } from '@chalice/router';

export const app = new Chalice({ appName: 'helloworld' });

const CITIES_TO_STATE: Record<string, string> = {
  seattle: 'WA',
  portland: 'OR',
};

app.route('/', function index() {
  return { hello: 'world' };
});

app.route('/cities/{city}', function state_of_city({ city }) {
  const state = CITIES_TO_STATE[city];
  if (!state) {
    throw new NotFoundError(`Unknown city '${city}', valid choices are: ${Object.keys(CITIES_TO_STATE).join(', ')}`);
  }
  return { state };
});
