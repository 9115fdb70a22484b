/**
 * The longest app name Chalice accepts: every Lambda function and IAM role it makes is named
 * `<app>-<stage>...`, and Lambda and IAM refuse names over 64 characters.
 */
export const MAX_APP_NAME = 62;

/**
 * What is wrong with an app name (`app_name`, or the name given to `chalice new-project`), or
 * `null` when it is fine.
 *
 * @example
 * appNameProblem('shop'); // null
 * appNameProblem('my shop'); // 'must be made of letters, digits, "-" and "_", starting with a letter or digit'
 */
export function appNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) return 'must be made of letters, digits, "-" and "_", starting with a letter or digit';
  if (name.length > MAX_APP_NAME) return `must be at most ${MAX_APP_NAME} characters long, so that Lambda's names "<app>-<stage>" fit in 64`;
  return null;
}
