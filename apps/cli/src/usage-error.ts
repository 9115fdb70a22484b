import { UserError } from './errors.ts';

// cac's `camelcase`: the form its parser gives a long flag's name.
const camel = (name: string) => name.replace(/([a-z])-([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());

/**
 * The flag of `argv` that cac reported as `reported` (camel-cased, `--no-` dropped), spelled as
 * the user typed it; `reported` itself when none matches.
 *
 * @example
 * typedFlag('--fooBar', ['deploy', '--foo-bar']); // '--foo-bar'
 */
export function typedFlag(reported: string, argv: readonly string[]): string {
  // mri keeps an `=value` in the name of a negated flag it does not know (`--no-x=1`).
  const name = reported.split('=')[0]!.replace(/^-+/, '');
  const end = argv.indexOf('--');
  const typed = (end < 0 ? argv : argv.slice(0, end))
    .map((arg) => arg.split('=')[0]!)
    .find((flag) => {
      if (!flag.startsWith('-')) return false;
      const bare = flag.replace(/^-+/, '');
      return camel(bare) === name || camel(bare.replace(/^no-/, '')) === name;
    });
  return typed ?? reported;
}

/**
 * A cac parse error (an unknown flag, a missing value) as a {@link UserError} that names the
 * flags as the user typed them and the help to read (the command's, when one was given); any
 * other error unchanged.
 *
 * @example
 * usageError(cacError, ['deploy', '--foo-bar'], 'deploy').message; // 'Unknown option `--foo-bar`: see chalice deploy --help'
 */
export function usageError(error: unknown, argv: readonly string[], command?: string): unknown {
  if ((error as Error)?.name !== 'CACError') return error;
  const message = (error as Error).message;
  const unknown = /^Unknown option `([^`]+)`$/.exec(message);
  const help = command ? `chalice ${command} --help` : 'chalice --help';
  if (unknown) return new UserError(`Unknown option \`${typedFlag(unknown[1]!, argv)}\`: see ${help}`);
  return new UserError(message);
}
