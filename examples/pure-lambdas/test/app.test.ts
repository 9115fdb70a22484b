import { lambdaContext } from '@chalice/fixtures';
import { describeApp, lambdaHandler } from '@chalice/router';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { app } from '../app.ts';

test('a pure function gets the raw event and context', async () => {
  const result = await lambdaHandler(app, 'custom_lambda_function')({ name: 'ann' }, lambdaContext({ functionName: 'foo-dev-custom_lambda_function' }));
  assert.equal(result, { greeting: 'hello ann', function: 'foo-dev-custom_lambda_function' });
});

test('the name option names the function', async () => {
  assert.equal(await lambdaHandler(app, 'MyFunction')({}, lambdaContext()), {});
  assert.equal(
    describeApp(app).functions.map((f) => f.name),
    ['custom_lambda_function', 'MyFunction'],
  );
});

test.run();
