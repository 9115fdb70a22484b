import { lineAndColumn } from './source-files.ts';
import { type Evaluator, isAggregatedClass, type Value } from './evaluate.ts';
import { propertyName, type AstNode, type ModuleFacts } from './module-facts.ts';
import { DOCUMENT_COMMANDS, documentMethodOperation, isSdkV2, sdkPackage, UPLOAD_OPERATIONS, waiterOperation } from './sdk-packages.ts';
import type { ServiceActions } from './data.ts';

// Methods every v3 client has that are not operations.
const CLIENT_METHODS = new Set(['send', 'destroy', 'middlewareStack', 'config']);
// `app.websocketApi` (@chalice/router, @chalice/websocket) calls the API Gateway management API.
const WEBSOCKET_API_METHODS: Record<string, string> = { send: 'PostToConnection', close: 'DeleteConnection', info: 'GetConnection' };

/** A problem found at a place in a module. */
export type Finding = { facts: ModuleFacts; offset: number; reason: string };

/** Collects the IAM actions of a set of modules' SDK uses, and what it could not resolve. */
export class ActionCollector {
  readonly actions = new Set<string>();
  readonly findings: Finding[] = [];
  readonly #evaluator: Evaluator;

  constructor(evaluator: Evaluator) {
    this.#evaluator = evaluator;
  }

  /** Looks at every `new` and call expression of a module. */
  collect(facts: ModuleFacts): void {
    for (const node of facts.computedImports) this.#warn(facts, node, 'computed import: the module it loads cannot be known');
    for (const { specifier, node } of facts.specifiers) {
      if (sdkPackage(specifier).kind === 'unknownClient') this.#warn(facts, node, `unknown AWS SDK client package ${specifier}: no IAM service known for it`);
      if (isSdkV2(specifier))
        this.#warn(
          facts,
          node,
          `AWS SDK v2 (${specifier}) is not analyzed: its calls get no IAM actions; use the v3 clients (@aws-sdk/client-*) or write the policy file yourself`,
        );
    }
    const aggregatedImports = new Set<string>();
    for (const node of facts.uses) {
      if (node.type === 'NewExpression') this.#constructed(facts, node, aggregatedImports);
      else this.#called(facts, node, aggregatedImports);
    }
  }

  #warn(facts: ModuleFacts, node: AstNode, reason: string): void {
    this.findings.push({ facts, offset: node.start, reason });
  }

  #operation(facts: ModuleFacts, node: AstNode, specifier: string, operation: string): void {
    const sdk = sdkPackage(specifier);
    if (sdk.kind === 'other' || sdk.kind === 'unknownClient') return;
    const actions = sdk.service.actionsFor(operation);
    if (!actions) return this.#warn(facts, node, `no IAM action known for ${specifier} operation ${operation}`);
    for (const action of actions) this.actions.add(action);
  }

  #constructed(facts: ModuleFacts, node: AstNode, aggregatedImports: Set<string>): void {
    const callee = this.#evaluator.evaluate(facts, node.callee);
    if (callee?.t !== 'sdk') return;
    const { specifier, name } = callee;
    const kind = sdkPackage(specifier).kind;
    if (kind === 'client' && name.endsWith('Command')) this.#operation(facts, node, specifier, name.slice(0, -'Command'.length));
    else if (kind === 'client' && isAggregatedClass(name)) aggregatedImports.add(specifier);
    else if (kind === 'dynamodbDocument' && DOCUMENT_COMMANDS[name]) this.#operation(facts, node, specifier, DOCUMENT_COMMANDS[name]);
    else if (kind === 'storage' && name === 'Upload') for (const operation of UPLOAD_OPERATIONS) this.#operation(facts, node, specifier, operation);
  }

  #called(facts: ModuleFacts, node: AstNode, aggregatedImports: Set<string>): void {
    const callee = node.callee;
    if (callee.type !== 'MemberExpression') return this.#sdkFunction(facts, node, this.#evaluator.evaluate(facts, callee));
    const method = propertyName(callee);
    if (method && callee.object.type === 'MemberExpression' && propertyName(callee.object) === 'websocketApi' && WEBSOCKET_API_METHODS[method]) {
      return this.#operation(facts, node, '@aws-sdk/client-apigatewaymanagementapi', WEBSOCKET_API_METHODS[method]);
    }
    const receiver = this.#evaluator.evaluate(facts, callee.object);
    if (receiver?.t === 'client') return this.#clientCall(facts, node, receiver, method);
    if (receiver?.t === 'v2client') return this.#warn(facts, node, `AWS SDK v2 call ${receiver.service}.${method ?? '[computed]'}() is not analyzed: it gets no IAM action`);
    if (receiver?.t === 'sdk') return this.#sdkFunction(facts, node, this.#evaluator.evaluate(facts, callee));
    if (!receiver && method && /[a-z][A-Z]/.test(method)) this.#untracked(facts, node, method, aggregatedImports);
  }

  #sdkFunction(facts: ModuleFacts, node: AstNode, fn: Value | undefined): void {
    if (fn?.t !== 'sdk') return;
    const sdk = sdkPackage(fn.specifier);
    const { name } = fn;
    if (sdk.kind === 'presigner' && name === 'getSignedUrl') return this.#expectCommand(facts, node, node.arguments[1], 'getSignedUrl');
    if (sdk.kind === 'presignedPost' && name === 'createPresignedPost') return this.#operation(facts, node, '@aws-sdk/client-s3', 'PutObject');
    if (sdk.kind !== 'client' && sdk.kind !== 'dynamodbDocument') return;
    if (name.startsWith('paginate')) {
      const operation = name.slice('paginate'.length);
      return this.#operation(facts, node, fn.specifier, sdk.kind === 'dynamodbDocument' ? (DOCUMENT_COMMANDS[`${operation}Command`] ?? operation) : operation);
    }
    const waiter = /^wait(?:Until|For)([A-Z]\w*)$/.exec(name)?.[1];
    if (waiter && sdk.kind === 'client') {
      const operation = waiterOperation(sdk.id, sdk.service, waiter);
      if (operation) this.#operation(facts, node, fn.specifier, operation);
      else this.#warn(facts, node, `unknown waiter ${name} of ${fn.specifier}: the operation it polls is not known`);
    }
  }

  #clientCall(facts: ModuleFacts, node: AstNode, client: Extract<Value, { t: 'client' }>, method: string | undefined): void {
    if (method === 'send') return this.#expectCommand(facts, node, node.arguments[0], 'send');
    if (!client.aggregated) return;
    if (!method) return this.#warn(facts, node, `computed method on an AWS SDK client: the operation cannot be known`);
    if (CLIENT_METHODS.has(method)) return;
    const operation = client.document ? documentMethodOperation(method) : `${method[0]!.toUpperCase()}${method.slice(1)}`;
    if (operation) this.#operation(facts, node, client.specifier, operation);
    else this.#warn(facts, node, `unknown DynamoDBDocument method ${method}`);
  }

  // `client.send(x)` and presigners: an inline `new XCommand()` is counted where it is written; anything else is traced.
  #expectCommand(facts: ModuleFacts, node: AstNode, argument: AstNode | undefined, call: string): void {
    if (argument && this.#isCommand(facts, argument)) return;
    this.#warn(facts, argument ?? node, `computed command: the command passed to ${call}() is not a traceable \`new XCommand()\``);
  }

  #isCommand(facts: ModuleFacts, node: AstNode): boolean {
    const expression = node.type === 'NewExpression' ? node : this.#commandExpression(facts, node);
    if (!expression) return false;
    const callee = this.#evaluator.evaluate(facts, expression.callee);
    return callee?.t === 'sdk' && (callee.name.endsWith('Command') || Boolean(DOCUMENT_COMMANDS[callee.name]));
  }

  // An identifier bound to `new XCommand()` in this module.
  #commandExpression(facts: ModuleFacts, node: AstNode): AstNode | undefined {
    if (node.type !== 'Identifier') return undefined;
    const binding = facts.bindings.get(node.name)?.find((b) => b.kind === 'expr' && b.node.type === 'NewExpression');
    return binding?.kind === 'expr' ? binding.node : undefined;
  }

  // `x.putObject()` where x cannot be traced, in a module that makes aggregated clients with that operation.
  #untracked(facts: ModuleFacts, node: AstNode, method: string, aggregatedImports: Set<string>): void {
    const operation = `${method[0]!.toUpperCase()}${method.slice(1)}`;
    for (const specifier of aggregatedImports) {
      const sdk = sdkPackage(specifier) as { service: ServiceActions };
      if (sdk.service.actionsFor(operation)) {
        return this.#warn(facts, node, `untracked receiver: ${method}() looks like a ${specifier} operation, but the client it is called on cannot be traced`);
      }
    }
  }
}

/** Turns findings into sorted warnings with file:line:column positions. */
export function positioned(findings: Finding[], relativeName: (file: string) => string): Array<{ file: string; line: number; column: number; reason: string }> {
  return findings
    .map((finding) => ({ file: relativeName(finding.facts.file), ...lineAndColumn(finding.facts.source, finding.offset), reason: finding.reason }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.reason < b.reason ? -1 : 1)));
}
