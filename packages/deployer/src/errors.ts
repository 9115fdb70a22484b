/**
 * Why a deploy, delete or URL lookup stopped, as a code the CLI maps to an exit status:
 * `POLICY_NOT_CONFIRMED` (an IAM policy change not accepted), `NOT_DEPLOYED` (nothing
 * recorded for the stage), `INVALID_OPTION` (e.g. a bad `--since`), `AMBIGUOUS_REST_API` (several APIs could be the stage's),
 * `STAGE_LOCKED` (another deploy or delete of the stage is running) are the user's to fix;
 * `DEPLOY_FAILED` wraps an AWS failure during execution (the state is saved: re-run or delete).
 *
 * @example
 * try { await deploy({ projectDir }); } catch (e) { if (e instanceof DeployError && e.code === 'POLICY_NOT_CONFIRMED') process.exitCode = 2; }
 */
export class DeployError extends Error {
  override readonly name = 'DeployError';
  constructor(
    readonly code: 'POLICY_NOT_CONFIRMED' | 'NOT_DEPLOYED' | 'INVALID_OPTION' | 'AMBIGUOUS_REST_API' | 'STAGE_LOCKED' | 'DEPLOY_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
