import { Chalice, NotFoundError } from '@chalice/router';

export const app = new Chalice({ appName: 'request-metadata' });

// Kept in memory for the tutorial; a real app stores objects in S3 or DynamoDB.
const OBJECTS: Record<string, unknown> = {};

app.route('/objects/{key}', { methods: ['GET', 'PUT'] }, function myobject({ key }) {
  const request = app.currentRequest!;
  if (request.method === 'PUT') {
    OBJECTS[key] = request.jsonBody;
    return null;
  }
  if (!(key in OBJECTS)) throw new NotFoundError(key);
  return { [key]: OBJECTS[key] };
});

app.route('/introspect', function introspect(_, request) {
  return request.toDict();
});
