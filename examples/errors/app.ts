import { BadRequestError, Chalice, ConflictError, NotFoundError } from '@chalice/router';

export const app = new Chalice({ appName: 'errors' });

const CITIES_TO_STATE: Record<string, string> = { seattle: 'WA', portland: 'OR' };

// Without a check, an unknown city is an uncaught error: a 500 (a stack trace with app.debug).
app.route('/unchecked/{city}', function unchecked_state({ city }) {
  return { state: CITIES_TO_STATE[city]!.toUpperCase() };
});

app.route('/cities/{city}', function state_of_city({ city }) {
  const state = CITIES_TO_STATE[city];
  if (!state) {
    throw new BadRequestError(`Unknown city '${city}', valid choices are: ${Object.keys(CITIES_TO_STATE).join(', ')}`);
  }
  return { state };
});

app.route('/badrequest', function badrequest() {
  throw new BadRequestError('This is a bad request');
});

app.route('/items/{id}', { methods: ['GET', 'PUT'] }, function item({ id }, request) {
  if (request.method === 'PUT') throw new ConflictError(`Item ${id} already exists`);
  throw new NotFoundError(`No item ${id}`);
});
