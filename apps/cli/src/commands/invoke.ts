import { invokeFunction } from '@chalice/deployer';

/** What `chalice invoke` takes. */
export interface InvokeCommand {
  projectDir: string;
  stage: string;
  name: string;
  profile: string | undefined;
}

/**
 * `chalice invoke -n NAME`: sends standard input (when it is not a terminal) as the event,
 * prints the function's answer, and exits 1 when the function failed.
 */
export async function invokeCommand(options: InvokeCommand): Promise<void> {
  const payload = process.stdin.isTTY ? new Uint8Array() : await readAll(process.stdin);
  const { payload: answer, functionError } = await invokeFunction({ ...options, payload });
  process.stdout.write(answer.endsWith('\n') ? answer : `${answer}\n`);
  if (functionError) {
    process.stderr.write(`Error: the function failed (${functionError})\n`);
    process.exitCode = 1;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
