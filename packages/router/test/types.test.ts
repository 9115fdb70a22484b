import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import ts from 'typescript';

const configPath = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });

// Each file compiles on its own, and each @ts-expect-error in it is needed.
function compilerErrors(name: string): string[] {
  assert.ok(config, 'tsconfig readable');
  const file = fileURLToPath(new URL(`./types/${name}`, import.meta.url));
  const program = ts.createProgram([file], { ...config!.options, noEmit: true });
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file || !d.file);
  return diagnostics.map((d) => `${d.file ? `line ${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

test('inferred handler parameter types hold (test/types/params.ts)', () => {
  assert.equal(compilerErrors('params.ts'), []);
});

test('handlers, contexts, events and results interoperate with @types/aws-lambda (test/types/aws-lambda.ts)', () => {
  assert.equal(compilerErrors('aws-lambda.ts'), []);
});

test.run();
