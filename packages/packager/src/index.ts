export { buildAppGraph, type BuiltGraph, type GraphOptions } from './build-graph.ts';
export { AppGraphError } from './graph-error.ts';
export { getResource, resourcesOfKind, websocketRouteFunctions } from './graph-query.ts';
export type {
  AppGraph,
  CloudWatchEventResource,
  DeploymentPackageResource,
  FunctionPurpose,
  LambdaFunctionResource,
  ManagedIamRoleResource,
  IamPolicyDocument,
  PreCreatedIamRoleResource,
  Resource,
  ResourceKind,
  ResourceOfKind,
  RestApiResource,
  RolePolicy,
  S3BucketNotificationResource,
  ScheduledEventResource,
  SnsSubscriptionResource,
  SqsEventSourceResource,
  WebsocketApiResource,
} from './graph-types.ts';
export { LAMBDA_TRUST_POLICY } from './policy.ts';
export { CONNECTION_PATHS, type EventSourceArns, manageConnectionsStatement, managesConnections, rolePolicy } from './role-policy.ts';
export { buildDeploymentPackage, type DeploymentPackage, type DeploymentPackageOptions } from './deployment-package.ts';
export type { EntryHandler } from './entry-module.ts';
export { buildOpenApi, generateModels, type OpenApiDocument, type OpenApiInput, type OpenApiOptions } from './openapi.ts';
export { buildWithGeneratedPolicy, deploymentPackageInputs, packageApp, type PackageAppOptions, type PackagedApp } from './package-app.ts';
export { PackageError } from './package-error.ts';
export { chooseRuntime, type RuntimeChoice } from './runtime.ts';
export { mergeTemplates, readMergeFile, serializeTemplate, type TemplateFormat } from './template-files.ts';
export { createZip, type ZipEntry } from './zip.ts';
export { samTemplate, UnsupportedFeatureError, type SamTemplateOptions } from './sam-template.ts';
export type { CloudFormationOutput, CloudFormationResource, CloudFormationTemplate } from './sam-types.ts';
export { terraformConfig, type TerraformJson, type TerraformOptions } from './terraform-config.ts';
export { generateTypescriptSdk, type TypescriptSdkOptions } from './sdk-typescript.ts';
export { readZip } from './unzip.ts';
export { pipelineTemplate, type PipelineCloudFormation, type PipelineOptions, type PipelineSource } from './pipeline.ts';
