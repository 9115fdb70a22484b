import { APIGatewayClient, GetSdkCommand } from '@aws-sdk/client-api-gateway';
import { createZip, readZip } from '@chalice/packager';
import { mockClient } from 'aws-sdk-client-mock';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsError } from '../src/aws/aws-error.ts';
import { createAwsFacade } from '../src/aws/create-facade.ts';

// GetSdk through the facade, with the SDK mocked: moto does not generate SDKs.
const getSdk = suite<{ mock: ReturnType<typeof mockClient> }>('aws facade getSdk (mocked SDK)');

getSdk.before((context) => {
  context.mock = mockClient(APIGatewayClient);
});
getSdk.before.each(({ mock }) => void mock.reset());
getSdk.after(({ mock }) => mock.restore());

// The SDK hands blobs over as a Uint8Array with a `transformToString` method.
const blob = (bytes: Uint8Array) => Object.assign(bytes, { transformToString: (encoding = 'utf8') => Buffer.from(bytes).toString(encoding as BufferEncoding) });
const facade = () => createAwsFacade({ region: 'us-east-1', sleep: async () => {} });

getSdk("asks API Gateway for the stage's SDK and returns the zip it sends, readable as sent", async ({ mock }) => {
  const zip = createZip([{ path: 'apiGateway-js-sdk/apigClient.js', data: 'var apigClientFactory = {};' }]);
  mock.on(GetSdkCommand).resolves({ body: blob(zip), contentType: 'application/octet-stream' });
  const body = await (await facade()).getSdk('abc123', 'api', 'javascript');
  assert.equal(mock.commandCalls(GetSdkCommand)[0]!.args[0].input, { restApiId: 'abc123', stageName: 'api', sdkType: 'javascript' });
  assert.equal(
    readZip(body).map((e) => [e.path, new TextDecoder().decode(e.data)]),
    [['apiGateway-js-sdk/apigClient.js', 'var apigClientFactory = {};']],
  );
});

getSdk('retries throttling, and a missing stage is an AwsError naming the call', async ({ mock }) => {
  const throttled = Object.assign(new Error('Too Many Requests'), { name: 'TooManyRequestsException', $fault: 'client', $metadata: { httpStatusCode: 429 } });
  mock
    .on(GetSdkCommand)
    .rejectsOnce(throttled)
    .resolves({ body: blob(new Uint8Array([80, 75, 5, 6])) });
  assert.equal(await (await facade()).getSdk('abc123', 'api', 'javascript'), new Uint8Array([80, 75, 5, 6]));
  assert.is(mock.commandCalls(GetSdkCommand).length, 2);
  mock.reset();
  mock
    .on(GetSdkCommand)
    .rejects(Object.assign(new Error('Invalid stage identifier specified'), { name: 'NotFoundException', $fault: 'client', $metadata: { httpStatusCode: 404 } }));
  const error = await (await facade()).getSdk('abc123', 'nope', 'javascript').catch((e: unknown) => e);
  assert.instance(error, AwsError);
  assert.is((error as AwsError).operation, 'apigateway:GetSdk');
  assert.match((error as AwsError).message, /Invalid stage identifier/);
});

getSdk.run();
