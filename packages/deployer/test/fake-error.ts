/** An error as the fake AWS throws it: the AWS error code first, as the SDK's messages read. */
export class FakeAwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}
