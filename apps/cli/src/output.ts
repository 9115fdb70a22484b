/** Prints one line of a command's output on stdout. */
export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Prints each warning on stderr as `Warning: ...`, apart from the command's output. */
export function printWarnings(warnings: Iterable<string>): void {
  for (const warning of warnings) process.stderr.write(`Warning: ${warning}\n`);
}
