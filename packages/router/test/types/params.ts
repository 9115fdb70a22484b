// Compiled by types.test.ts with `noEmit`: every line here must type-check, and each
// expected-error directive must be needed, so a change to the inferred types fails the test.
import { Chalice, type PathParams, type Request } from '../../src/index.ts';

const app = new Chalice({ appName: 'types' });

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(_: T) => undefined;

expectType<Equal<PathParams<'/a/{b}/c/{d}'>, { b: string; d: string }>>(true);
expectType<Equal<PathParams<'/'>, {}>>(true);
expectType<Equal<PathParams<'/files/{path+}'>, { path: string }>>(true);
expectType<Equal<PathParams<string>, Record<string, string>>>(true);

app.route('/a/{b}/c/{d}', (params, request) => {
  expectType<Equal<typeof params, { b: string; d: string }>>(true);
  expectType<Equal<typeof request, Request>>(true);
  // @ts-expect-error -- no such parameter in the path
  params.e;
  return params.b + params.d;
});

app.route('/users/{name}', { methods: ['GET', 'PUT'], cors: true }, ({ name }) => ({ name: name.toUpperCase() }));

app.route('/', (params) => {
  // @ts-expect-error -- the root has no parameters
  params.anything;
  return {};
});

// @ts-expect-error -- 'FETCH' is not an HTTP method
app.route('/m', { methods: ['FETCH'] }, () => ({}));

// @ts-expect-error -- a view's first argument is an object of strings, not a number
app.route('/n/{id}', (params: { id: number }) => params);

app.onSqsMessage({ queue: 'q' }, (event) => {
  for (const record of event) {
    const body: string = record.body;
    void body;
  }
});

app.onS3Event({ bucket: 'b' }, function s3(event) {
  // @ts-expect-error -- an S3 handler gets an S3Event, which has no `message`
  return event.message;
});
