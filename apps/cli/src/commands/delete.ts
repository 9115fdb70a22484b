import { destroy } from '@chalice/deployer';
import { printLine } from '../output.ts';

/** `chalice delete`: removes every resource recorded for the stage. */
export async function deleteCommand(options: { projectDir: string; stage: string; profile: string | undefined }): Promise<void> {
  await destroy({ ...options, onProgress: printLine });
}
