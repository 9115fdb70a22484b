import { assertNever } from './assert-never.ts';
import type { AppGraph, LambdaFunctionResource, ManagedIamRoleResource } from './graph-types.ts';
import { getResource } from './graph-query.ts';
import { bucketNotifications, eventRule, type BucketNotification, queueArn, s3Permission, snsSubscription, sqsEventSource } from './terraform-events.ts';
import { rolePolicy } from './role-policy.ts';
import { restApi, websocketApi } from './terraform-apis.ts';
import { interpolate, jsonTemplate, reference, template, TerraformConfigBuilder, TerraformExpression, type TerraformBlock, type TerraformValue } from './terraform-values.ts';

/**
 * The content of `chalice.tf.json`: Terraform's JSON syntax, plain data with sorted keys. Strings
 * are Terraform templates: literals from the app have their `${` escaped as `$${`.
 *
 * @example
 * const config: TerraformJson = terraformConfig(graph, { zipPath: '${path.module}/deployment.zip' });
 * config.output.EndpointURL?.value; // '${aws_api_gateway_stage.rest_api.invoke_url}'
 */
export interface TerraformJson {
  terraform: {
    required_version: string;
    required_providers: { aws: ProviderRequirement; null: ProviderRequirement };
  };
  /** `chalice_app`, `chalice_stage` (for the user's own `.tf` files beside this one) and the package path. */
  locals: Record<string, unknown>;
  /**
   * The `chalice` instances of `aws_caller_identity`, `aws_partition` and `aws_region`, and the
   * seed's `null_data_source.chalice` (`outputs.app`, `outputs.stage`) for `.tf` files written
   * for Python Chalice.
   */
  data: Record<string, Record<string, Record<string, unknown>>>;
  /** By resource type, then resource name. */
  resource: Record<string, Record<string, unknown>>;
  /** The seed's outputs: `EndpointURL`, `RestAPIId`, the websocket API's; absent when there are none (Terraform refuses an empty block). */
  output?: Record<string, { value: unknown }>;
}

/** A `required_providers` entry. */
export interface ProviderRequirement {
  source: string;
  version: string;
}

/**
 * Where the configuration finds the deployment package.
 *
 * @example
 * const options: TerraformOptions = { zipPath: '${path.module}/deployment.zip' };
 */
export interface TerraformOptions {
  /**
   * The zip's path as a Terraform string template (so `${path.module}` may be used, which keeps
   * the configuration usable as a module and from any working directory).
   */
  zipPath: string;
}

// 1.5 is the oldest Terraform with everything used here that HashiCorp still documents; the
// provider range covers the current majors (v6 renamed region attributes, see terraform-events).
const REQUIRED_VERSION = '>= 1.5';
const AWS_PROVIDER_VERSION = '>= 5.0, < 7.0';
const NULL_PROVIDER_VERSION = '>= 3.0, < 4.0';
const PACKAGE = 'chalice_deployment_package';

/**
 * The Terraform configuration (`chalice.tf.json`) of an app graph, for Terraform 1.5+ and AWS
 * provider 5 and 6: one resource per AWS object the graph describes, the app and stage names as
 * locals (`local.chalice_app`, `local.chalice_stage`) and the seed's outputs. Pure and
 * deterministic: the same graph gives the same data, keys sorted.
 *
 * @example
 * const { graph } = buildAppGraph(app, config, 'dev');
 * const tf = terraformConfig(graph, { zipPath: '${path.module}/deployment.zip' });
 * writeFileSync('out/chalice.tf.json', JSON.stringify(tf, null, 2));
 */
export function terraformConfig(graph: AppGraph, options: TerraformOptions): TerraformJson {
  const config = new TerraformConfigBuilder();
  for (const type of ['aws_caller_identity', 'aws_partition', 'aws_region']) config.dataSource(type, 'chalice', {});
  // The seed documents `${data.null_data_source.chalice.outputs.app}` for the user's own .tf files.
  config.dataSource('null_data_source', 'chalice', { inputs: { app: graph.appName, stage: graph.stage } });
  config.local('chalice_app', graph.appName);
  config.local('chalice_stage', graph.stage);
  const notifications: BucketNotification[] = [];
  for (const resource of graph.resources) {
    switch (resource.kind) {
      case 'deploymentPackage':
        config.local(PACKAGE, new TerraformExpression(options.zipPath));
        break;
      case 'managedIamRole':
        managedRole(config, graph, resource);
        break;
      case 'preCreatedIamRole':
        // Nothing to create: functions use the role's ARN as given.
        break;
      case 'lambdaFunction':
        config.resource('aws_lambda_function', resource.resourceName, lambdaFunction(graph, resource));
        break;
      case 'restApi':
        restApi(config, resource);
        break;
      case 'scheduledEvent':
      case 'cloudWatchEvent':
        eventRule(config, resource);
        break;
      case 's3BucketNotification':
        notifications.push({ ...resource, permission: s3Permission(config, resource) });
        break;
      case 'snsSubscription':
        snsSubscription(config, resource);
        break;
      case 'sqsEventSource':
        sqsEventSource(config, resource);
        break;
      case 'websocketApi':
        websocketApi(config, resource);
        break;
      default:
        assertNever(resource);
    }
  }
  bucketNotifications(config, notifications);
  const { output, ...written } = config.write();
  return {
    terraform: {
      required_version: REQUIRED_VERSION,
      required_providers: { aws: { source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION }, null: { source: 'hashicorp/null', version: NULL_PROVIDER_VERSION } },
    },
    ...written,
    ...(Object.keys(output).length > 0 ? { output } : {}),
  };
}

function managedRole(config: TerraformConfigBuilder, graph: AppGraph, role: ManagedIamRoleResource): void {
  const websocket = graph.resources.find((r) => r.kind === 'websocketApi');
  const executionArn = websocket && reference('aws_apigatewayv2_api', websocket.resourceName, 'execution_arn');
  const document = rolePolicy(graph, role, { queue: queueArn, websocketApi: executionArn ? (path) => template(executionArn, `/${path}`) : null });
  const name = config.resource('aws_iam_role', role.resourceName, { name: role.roleName, assume_role_policy: jsonTemplate(role.trustPolicy) });
  config.resource('aws_iam_role_policy', role.resourceName, {
    // Named as `chalice deploy` names it: after the role.
    name: role.roleName,
    role: reference('aws_iam_role', name, 'id'),
    policy: jsonTemplate(document),
  });
}

function lambdaFunction(graph: AppGraph, fn: LambdaFunctionResource): TerraformBlock {
  const body: TerraformBlock = {
    function_name: fn.functionName,
    handler: fn.handler,
    runtime: fn.runtime,
    memory_size: fn.memorySize,
    timeout: fn.timeout,
    role: roleArn(graph, fn.role),
    filename: interpolate(`local.${PACKAGE}`),
    // Terraform compares this hash with the deployed code's, so a rebuilt zip is re-uploaded.
    source_code_hash: interpolate(`filebase64sha256(local.${PACKAGE})`),
    tags: fn.tags,
  };
  if (Object.keys(fn.environmentVariables).length > 0) body.environment = { variables: fn.environmentVariables };
  if (fn.layers.length > 0) body.layers = fn.layers;
  if (fn.subnetIds.length > 0) body.vpc_config = { subnet_ids: fn.subnetIds, security_group_ids: fn.securityGroupIds };
  if (fn.reservedConcurrency !== null) body.reserved_concurrent_executions = fn.reservedConcurrency;
  return body;
}

function roleArn(graph: AppGraph, resourceName: string): TerraformValue {
  const role = graph.resources.find((r) => r.resourceName === resourceName);
  if (role?.kind === 'preCreatedIamRole') return role.roleArn;
  return reference('aws_iam_role', getResource(graph, resourceName, 'managedIamRole').resourceName, 'arn');
}
