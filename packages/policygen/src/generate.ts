import { isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_FILES } from '@chalice/config/loader';
import { parseSync } from 'oxc-parser';
import { ActionCollector, positioned, type Finding } from './collect.ts';
import { PolicyError, PolicyInputError } from './errors.ts';
import { Evaluator } from './evaluate.ts';
import { moduleFacts, type AstNode, type ModuleFacts } from './module-facts.ts';
import { policyDocument, serviceStatements } from './policy.ts';
import { FileResolver, isLocalSpecifier, readSource } from './source-files.ts';
import type { PolicyDocument, PolicyStatement, PolicyWarning } from './types.ts';

/** Where the app's sources are. */
export interface AnalyzeOptions {
  /** Modules to start from, relative to `projectDir` (default: the project's app module). */
  entryFiles?: string[];
  /** The project directory (default: the current directory); warnings name files relative to it. */
  projectDir?: string;
  /** Throw a {@link PolicyError} instead of returning warnings. */
  strict?: boolean;
}

/** What the app's code needs, before the statements every function gets are added. */
export interface AppAnalysis {
  /** One statement per AWS service the app calls. */
  statements: PolicyStatement[];
  warnings: PolicyWarning[];
  /** Every module read, relative to the project directory, sorted. */
  files: string[];
}

function entryFiles(projectDir: string, files: FileResolver, given: string[] | undefined): string[] {
  if (given) {
    const entries = given.map((file) => resolve(projectDir, file));
    const missing = entries.find((file) => !files.isFile(file));
    if (missing) throw new PolicyInputError(`App file does not exist: ${missing}`);
    return entries;
  }
  const app = APP_FILES.map((name) => resolve(projectDir, name)).find((file) => files.isFile(file));
  if (!app) throw new PolicyInputError(`No app module in ${projectDir}: expected one of ${APP_FILES.join(', ')}`);
  return [app];
}

// Reads and walks every module reachable from the entries through relative imports and requires.
function readModules(entries: string[], files: FileResolver, findings: Finding[]): Map<string, ModuleFacts> {
  const modules = new Map<string, ModuleFacts>();
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (modules.has(file)) continue;
    const source = readSource(file);
    const parsed = parseSync(file, source);
    const facts = moduleFacts(file, source, parsed.program as unknown as AstNode);
    modules.set(file, facts);
    for (const error of parsed.errors.slice(0, 1)) findings.push({ facts, offset: error.labels[0]?.start ?? 0, reason: `syntax error: ${error.message}` });
    for (const { specifier, node } of facts.specifiers) {
      if (!isLocalSpecifier(specifier)) continue;
      const target = files.resolve(file, specifier);
      if (target) queue.push(target);
      else findings.push({ facts, offset: node.start, reason: `unresolved import ${JSON.stringify(specifier)}: no such file` });
    }
  }
  return modules;
}

/**
 * Reads the app's TypeScript/JavaScript from its entry modules through every relative import,
 * finds the AWS SDK v3 calls it makes, and returns one statement per service. Synchronous.
 *
 * @example
 * const { statements, warnings } = analyzeApp({ projectDir: 'my-app' });
 * const policy = policyDocument(statements, { vpc: false });
 */
export function analyzeApp(options: AnalyzeOptions = {}): AppAnalysis {
  const projectDir = resolve(options.projectDir ?? '.');
  const files = new FileResolver();
  const findings: Finding[] = [];
  const modules = readModules(entryFiles(projectDir, files, options.entryFiles), files, findings);
  const collector = new ActionCollector(new Evaluator(modules, (from, specifier) => files.resolve(from, specifier)));
  for (const facts of modules.values()) collector.collect(facts);
  const relativeName = (file: string): string => {
    const name = relative(projectDir, file);
    return (name.startsWith('..') || isAbsolute(name) ? file : name).split(sep).join('/');
  };
  const warnings = positioned([...findings, ...collector.findings], relativeName);
  if (options.strict && warnings.length) throw new PolicyError(warnings);
  return { statements: serviceStatements(collector.actions), warnings, files: [...modules.keys()].map(relativeName).sort() };
}

/** {@link analyzeApp}'s options, and whether the functions run in a VPC. */
export interface GenerateOptions extends AnalyzeOptions {
  /** Add the EC2 network-interface statement (subnets and security groups are configured). */
  vpc?: boolean;
}

/**
 * The IAM policy an app's Lambda functions need: its AWS SDK calls, CloudWatch Logs, and EC2
 * network interfaces when `vpc`. Deterministic: the same sources give the same bytes.
 *
 * @example
 * const { policy, warnings } = generatePolicy({ projectDir: 'my-app' });
 * console.log(JSON.stringify(policy, null, 2));
 */
export function generatePolicy(options: GenerateOptions = {}): { policy: PolicyDocument; warnings: PolicyWarning[] } {
  const { statements, warnings } = analyzeApp(options);
  return { policy: policyDocument(statements, { vpc: options.vpc }), warnings };
}
