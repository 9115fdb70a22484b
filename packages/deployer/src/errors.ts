/**
 * Why a deploy, delete or URL lookup stopped, as a code the CLI maps to an exit status:
 * `UNSUPPORTED_FEATURE` (a websocket API), `POLICY_NOT_CONFIRMED` (an IAM policy change not
 * accepted), `NOT_DEPLOYED` (nothing recorded for the stage), `INVALID_OPTION` (e.g. a bad `--since`) are the
 * user's to fix;
 * `DEPLOY_FAILED` wraps an AWS failure during execution (the state is saved: re-run or delete).
 *
 * @example
 * try { await deploy({ projectDir }); } catch (e) { if (e instanceof DeployError && e.code === 'POLICY_NOT_CONFIRMED') process.exitCode = 2; }
 */
export class DeployError extends Error {
  override readonly name = 'DeployError';
  constructor(
    readonly code: 'UNSUPPORTED_FEATURE' | 'POLICY_NOT_CONFIRMED' | 'NOT_DEPLOYED' | 'INVALID_OPTION' | 'DEPLOY_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The error for a websocket API, which `chalice deploy` cannot create yet.
 *
 * @example
 * throw websocketNotSupported();
 */
export function websocketNotSupported(): DeployError {
  return new DeployError(
    'UNSUPPORTED_FEATURE',
    'Deploying websocket APIs (onWsConnect, onWsMessage, onWsDisconnect) is not supported yet: use `chalice package` and deploy the SAM or Terraform template instead',
  );
}
