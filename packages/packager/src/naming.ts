import { API_HANDLER } from '@chalice/config';

/**
 * Lambda's limit on a function name; `<app>-<stage>-<name>` must fit.
 * https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
 */
export const MAX_FUNCTION_NAME = 64;

/**
 * The Lambda function name Chalice gives a function: `<app>-<stage>-<name>`, except the API
 * handler's, which is `<app>-<stage>` (as the Python original names it).
 *
 * @example
 * lambdaFunctionName('shop', 'dev', 'api_handler'); // 'shop-dev'
 * lambdaFunctionName('shop', 'dev', 'every_hour');  // 'shop-dev-every_hour'
 */
export function lambdaFunctionName(appName: string, stage: string, name: string): string {
  return name === API_HANDLER ? `${appName}-${stage}` : `${appName}-${stage}-${name}`;
}

/**
 * A stable CamelCase template resource name from a Chalice name: `every_hour` → `EveryHour`,
 * `my-auth` → `MyAuth`; `api_handler` → `APIHandler`, as the Python original names it. Names
 * depend only on the function's name, so a template diff shows only what changed.
 *
 * @example
 * templateResourceName('websocket_connect'); // 'WebsocketConnect'
 */
export function templateResourceName(name: string): string {
  if (name === API_HANDLER) return 'APIHandler';
  const camel = name
    .split(/[-_]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return camel.replace(/[^A-Za-z0-9]/g, '');
}

/**
 * Whether an SNS subscription's `topic` is an ARN (used as it is) rather than a topic name of
 * the deploying account and region. Templates and the deployer must agree on it.
 *
 * @example
 * isTopicArn('arn:aws:sns:eu-west-1:123456789012:alerts'); // true
 * isTopicArn('alerts'); // false
 */
export function isTopicArn(topic: string): boolean {
  return /^arn:aws[a-z-]*:sns:/.test(topic);
}
