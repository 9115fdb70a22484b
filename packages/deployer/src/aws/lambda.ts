import type * as LambdaSdk from '@aws-sdk/client-lambda';
import { call, callIfExists } from './call.ts';
import { lazyClient, loadSdk, type AwsContext } from './clients.ts';
import type { AwsFacade, FunctionSpec, RemoteFunction } from './facade.ts';
import { lambdaTriggerCalls } from './lambda-triggers.ts';
import { changeFunction, waitUntilReady, type Lambda } from './lambda-changes.ts';
import { ROLE_PROPAGATION, withRetries } from './retry.ts';

type LambdaCalls = Pick<
  AwsFacade,
  | 'getFunction'
  | 'createFunction'
  | 'updateFunctionCode'
  | 'updateFunctionConfiguration'
  | 'setFunctionTags'
  | 'setReservedConcurrency'
  | 'deleteFunction'
  | 'invoke'
  | 'listPermissionIds'
  | 'addPermission'
  | 'removePermission'
  | 'listEventSourceMappings'
  | 'createEventSourceMapping'
  | 'updateEventSourceMapping'
  | 'deleteEventSourceMapping'
>;

const MISSING = ['ResourceNotFoundException'];

/**
 * The facade's Lambda calls over one client. Every create and update waits until the function
 * is ready for the next change; creates and configuration updates retry while a new role is
 * not yet usable by Lambda; changes retry while an earlier update is in progress.
 *
 * @example
 * const lambda = lambdaCalls(context);
 * const { functionArn } = await lambda.createFunction(spec, zip);
 */
export function lambdaCalls(context: AwsContext): LambdaCalls {
  const { sleep } = context;
  const lambda: Lambda = lazyClient(
    () => loadSdk<typeof LambdaSdk>('@aws-sdk/client-lambda'),
    (sdk) => new sdk.LambdaClient(context.clientConfig),
  );
  return {
    ...lambdaTriggerCalls(lambda, sleep),
    async getFunction(functionName) {
      const { client, sdk } = lambda();
      const out = await callIfExists('lambda:GetFunction', MISSING, () => client.send(new sdk.GetFunctionCommand({ FunctionName: functionName })));
      return out ? remoteFunction(out) : null;
    },
    async createFunction(spec, zip) {
      const { client, sdk } = lambda();
      const input = {
        ...configuration(spec),
        FunctionName: spec.functionName,
        PackageType: 'Zip' as const,
        Code: { ZipFile: zip },
        Tags: spec.tags,
        // Omitted, not empty, when there is no VPC: an empty VpcConfig only means something on update.
        VpcConfig: spec.subnetIds.length > 0 ? vpcConfig(spec) : undefined,
      };
      const out = await call('lambda:CreateFunction', () => withRetries(() => client.send(new sdk.CreateFunctionCommand(input)), ROLE_PROPAGATION, sleep));
      await waitUntilReady(lambda, spec.functionName, sleep);
      return { functionArn: out.FunctionArn! };
    },
    async updateFunctionCode(functionName, zip) {
      const { client, sdk } = lambda();
      await changeFunction('lambda:UpdateFunctionCode', () => client.send(new sdk.UpdateFunctionCodeCommand({ FunctionName: functionName, ZipFile: zip })), sleep);
      await waitUntilReady(lambda, functionName, sleep);
    },
    async updateFunctionConfiguration(functionName, spec) {
      const { client, sdk } = lambda();
      const input = { ...configuration(spec), FunctionName: functionName, VpcConfig: vpcConfig(spec) };
      await changeFunction(
        'lambda:UpdateFunctionConfiguration',
        () => withRetries(() => client.send(new sdk.UpdateFunctionConfigurationCommand(input)), ROLE_PROPAGATION, sleep),
        sleep,
      );
      await waitUntilReady(lambda, functionName, sleep);
    },
    async setFunctionTags(functionArn, tags) {
      const { client, sdk } = lambda();
      const out = await call('lambda:ListTags', () => client.send(new sdk.ListTagsCommand({ Resource: functionArn })));
      const current = out.Tags ?? {};
      const removed = Object.keys(current).filter((key) => !(key in tags));
      const changed = Object.fromEntries(Object.entries(tags).filter(([key, value]) => current[key] !== value));
      if (removed.length > 0) {
        await changeFunction('lambda:UntagResource', () => client.send(new sdk.UntagResourceCommand({ Resource: functionArn, TagKeys: removed })), sleep);
      }
      if (Object.keys(changed).length > 0) {
        await changeFunction('lambda:TagResource', () => client.send(new sdk.TagResourceCommand({ Resource: functionArn, Tags: changed })), sleep);
      }
    },
    async setReservedConcurrency(functionName, reserved) {
      const { client, sdk } = lambda();
      if (reserved === null) {
        await changeFunction('lambda:DeleteFunctionConcurrency', () => client.send(new sdk.DeleteFunctionConcurrencyCommand({ FunctionName: functionName })), sleep);
      } else {
        await changeFunction(
          'lambda:PutFunctionConcurrency',
          () => client.send(new sdk.PutFunctionConcurrencyCommand({ FunctionName: functionName, ReservedConcurrentExecutions: reserved })),
          sleep,
        );
      }
    },
    async deleteFunction(functionName) {
      const { client, sdk } = lambda();
      await callIfExists('lambda:DeleteFunction', MISSING, () => client.send(new sdk.DeleteFunctionCommand({ FunctionName: functionName })));
    },
    async invoke(functionName, payload) {
      const { client, sdk } = lambda();
      const out = await call('lambda:Invoke', () => client.send(new sdk.InvokeCommand({ FunctionName: functionName, Payload: payload })));
      return { statusCode: out.StatusCode ?? 200, payload: out.Payload ?? new Uint8Array(), functionError: out.FunctionError ?? null };
    },
  };
}

// The settings CreateFunction and UpdateFunctionConfiguration share. Empty environment and
// layer lists are sent, not omitted, so that an update removes what the app no longer has.
function configuration(spec: FunctionSpec) {
  return {
    // The SDK's Runtime union lags behind Lambda's list; the packager chooses a current one.
    Runtime: spec.runtime as LambdaSdk.Runtime,
    Handler: spec.handler,
    Role: spec.roleArn,
    MemorySize: spec.memorySize,
    Timeout: spec.timeout,
    Environment: { Variables: spec.environment },
    Layers: spec.layers,
  };
}

function vpcConfig(spec: FunctionSpec) {
  return { SubnetIds: spec.subnetIds, SecurityGroupIds: spec.securityGroupIds };
}

function remoteFunction(out: LambdaSdk.GetFunctionCommandOutput): RemoteFunction {
  const c = out.Configuration!;
  return {
    functionName: c.FunctionName!,
    functionArn: c.FunctionArn!,
    runtime: c.Runtime ?? '',
    handler: c.Handler ?? '',
    roleArn: c.Role!,
    memorySize: c.MemorySize ?? 128,
    timeout: c.Timeout ?? 3,
    environment: c.Environment?.Variables ?? {},
    layers: (c.Layers ?? []).map((layer) => layer.Arn!),
    subnetIds: c.VpcConfig?.SubnetIds ?? [],
    securityGroupIds: c.VpcConfig?.SecurityGroupIds ?? [],
    tags: out.Tags ?? {},
    codeSha256: c.CodeSha256!,
    reservedConcurrency: out.Concurrency?.ReservedConcurrentExecutions ?? null,
  };
}
