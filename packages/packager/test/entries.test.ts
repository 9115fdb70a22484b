import { test } from 'uvu';
import * as assert from 'uvu/assert';

// Imported by name, so through the package's `exports` map and the built dist.
test('the sam, terraform, openapi and zip subpaths resolve from the built dist', async () => {
  const sam = await import('@chalice/packager/sam');
  const terraform = await import('@chalice/packager/terraform');
  const openapi = await import('@chalice/packager/openapi');
  const zip = await import('@chalice/packager/zip');
  assert.type(sam.samTemplate, 'function');
  assert.type(sam.serializeTemplate, 'function');
  assert.type(terraform.terraformConfig, 'function');
  assert.type(openapi.buildOpenApi, 'function');
  assert.type(openapi.generateModels, 'function');
  assert.equal(
    zip.readZip(zip.createZip([{ path: 'a.txt', data: new TextEncoder().encode('hi') }])).map((entry: { path: string }) => entry.path),
    ['a.txt'],
  );
});

test('a class reached through two entries is one class', async () => {
  const sam = await import('@chalice/packager/sam');
  const main = await import('@chalice/packager');
  assert.is(sam.UnsupportedFeatureError, main.UnsupportedFeatureError);
  assert.is(sam.samTemplate, main.samTemplate);
});

test('internals are not exported from the main entry', async () => {
  const main: Record<string, unknown> = await import('@chalice/packager');
  for (const name of [
    'assertNever',
    'ENTRY_FILE',
    'DEPLOYMENT_PACKAGE',
    'templateResourceName',
    'lambdaFunctionName',
    'isTopicArn',
    'privateApiPolicy',
    'sdkMethodName',
    'applicationName',
  ]) {
    assert.is(main[name], undefined, name);
  }
});

test.run();
