import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AwsError } from './aws-error.ts';

/**
 * Fails with an `AwsError` (`AWS_CREDENTIALS`) naming the files read when `profile` is in
 * neither shared AWS file (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/config`
 * and `~/.aws/credentials`): the SDK would otherwise report a missing region or credentials.
 *
 * @example
 * checkProfileExists('work');
 */
export function checkProfileExists(profile: string): void {
  const config = process.env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config');
  const credentials = process.env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), '.aws', 'credentials');
  // The config file names profiles `[profile x]` (and the default one `[default]`); the
  // credentials file `[x]`. Other config sections (`[sso-session x]`, `[services x]`) are not profiles.
  const names = new Set([...sections(config).flatMap((s) => (s === 'default' ? [s] : (/^profile\s+(.+)$/.exec(s)?.slice(1) ?? []))), ...sections(credentials)]);
  if (!names.has(profile)) {
    throw new AwsError(
      'AWS_CREDENTIALS',
      'profile',
      `The AWS profile "${profile}" is unknown: it is in neither ${config} nor ${credentials} (\`aws configure --profile ${profile}\` creates it)`,
    );
  }
}

function sections(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/^\s*\[([^\]]+)\]/gm)].map((m) => m[1]!.trim());
}
