import { importedSpecifier, nameOf, propertyName, type AstNode, type Binding, type ModuleFacts } from './module-facts.ts';
import { isSdkV2 } from './sdk-packages.ts';
import { isLocalSpecifier } from './source-files.ts';

/** What an expression is known to be. */
export type Value =
  /**
   * An export of an `@aws-sdk/*` package, or of AWS SDK v2 (`aws-sdk`, where nested names are
   * dotted: `DynamoDB.DocumentClient`); `name` is `*` for the package itself.
   */
  | { t: 'sdk'; specifier: string; name: string }
  /** A module of the app, as `require` or `import * as` give it. */
  | { t: 'module'; file: string }
  /** An SDK client: `aggregated` ones have a method per operation (`new S3()`, `DynamoDBDocument`). */
  | { t: 'client'; specifier: string; aggregated: boolean; document: boolean }
  | { t: 'function'; facts: ModuleFacts; node: AstNode }
  /** An AWS SDK v2 service client (`new AWS.S3()`): its calls are reported, not analyzed. */
  | { t: 'v2client'; service: string };

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression', 'AwaitExpression', 'ChainExpression']);

/** Whether a name exported by a client package is an aggregated client class (`S3`, not `S3Client`). */
export function isAggregatedClass(name: string): boolean {
  return /^[A-Z]/.test(name) && !/(Command|Client|Exception|Error)$/.test(name) && !name.startsWith('paginate') && !name.startsWith('waitUntil');
}

/**
 * Follows expressions to the SDK values they hold, across the app's modules: imports,
 * re-exports and barrels, `require`, destructuring, property assignments, function returns.
 */
export class Evaluator {
  readonly #modules: Map<string, ModuleFacts>;
  readonly #resolve: (from: string, specifier: string) => string | undefined;
  readonly #active = new Set<AstNode | string>();

  constructor(modules: Map<string, ModuleFacts>, resolve: (from: string, specifier: string) => string | undefined) {
    this.#modules = modules;
    this.#resolve = resolve;
  }

  /** The value of `node`, an expression of the module `facts`, or `undefined` when unknown. */
  evaluate(facts: ModuleFacts, node: AstNode): Value | undefined {
    if (this.#active.has(node)) return undefined;
    this.#active.add(node);
    try {
      return this.#evaluate(facts, node);
    } finally {
      this.#active.delete(node);
    }
  }

  #evaluate(facts: ModuleFacts, node: AstNode): Value | undefined {
    if (WRAPPERS.has(node.type)) return this.evaluate(facts, node.expression ?? node.argument);
    if (FUNCTIONS.has(node.type)) return { t: 'function', facts, node };
    switch (node.type) {
      case 'Identifier':
        return this.#first(facts.bindings.get(node.name), (binding) => this.#binding(facts, binding));
      case 'MemberExpression':
        return this.#member(facts, node);
      case 'NewExpression':
        return this.#constructed(this.evaluate(facts, node.callee));
      case 'CallExpression':
      case 'ImportExpression':
        return this.#called(facts, node);
      case 'ConditionalExpression':
        return this.evaluate(facts, node.consequent) ?? this.evaluate(facts, node.alternate);
      case 'LogicalExpression':
        return this.evaluate(facts, node.left) ?? this.evaluate(facts, node.right);
      case 'AssignmentExpression':
        return this.evaluate(facts, node.right);
      default:
        return undefined;
    }
  }

  #first<T>(items: T[] | undefined, value: (item: T) => Value | undefined): Value | undefined {
    for (const item of items ?? []) {
      const found = value(item);
      if (found) return found;
    }
    return undefined;
  }

  #binding(facts: ModuleFacts, binding: Binding): Value | undefined {
    if (binding.kind === 'import') return this.#imported(facts, binding.specifier, binding.name);
    if (binding.kind === 'expr') return this.evaluate(facts, binding.node);
    return this.#property(facts, this.evaluate(facts, binding.node), binding.key, binding.node);
  }

  #imported(facts: ModuleFacts, specifier: string, name: string): Value | undefined {
    if (specifier.startsWith('@aws-sdk/')) return { t: 'sdk', specifier, name };
    // `import AWS from 'aws-sdk'` is the namespace; a `aws-sdk/clients/x` default is its class.
    if (isSdkV2(specifier)) return { t: 'sdk', specifier, name: name === 'default' && specifier === 'aws-sdk' ? '*' : name };
    if (!isLocalSpecifier(specifier)) return undefined;
    const file = this.#resolve(facts.file, specifier);
    if (!file) return undefined;
    return name === '*' ? { t: 'module', file } : this.exported(file, name);
  }

  /** The value a module exports under `name` (`default` falls back to CommonJS `module.exports`). */
  exported(file: string, name: string): Value | undefined {
    const facts = this.#modules.get(file);
    const key = `${file}\0${name}`;
    if (!facts || this.#active.has(key)) return undefined;
    this.#active.add(key);
    try {
      const target = facts.exports.get(name) ?? (name === 'default' ? facts.exports.get('module.exports') : undefined);
      if (target?.kind === 'local') return this.evaluate(facts, { type: 'Identifier', name: target.name, start: 0, end: 0 });
      if (target?.kind === 'reexport') return this.#imported(facts, target.specifier, target.name);
      if (target?.kind === 'expr') return this.evaluate(facts, target.node);
      const whole = facts.exports.get('module.exports');
      if (whole?.kind === 'expr') return this.#property(facts, this.evaluate(facts, whole.node), name, whole.node);
      // Barrels: the app's own modules first, then SDK packages, which export every name.
      const stars = [...facts.stars].sort((a, b) => Number(a.startsWith('@aws-sdk/')) - Number(b.startsWith('@aws-sdk/')));
      return this.#first(stars, (specifier) => this.#imported(facts, specifier, name));
    } finally {
      this.#active.delete(key);
    }
  }

  #member(facts: ModuleFacts, node: AstNode): Value | undefined {
    const key = propertyName(node);
    if (!key) return undefined;
    const object = this.evaluate(facts, node.object);
    if (object) return this.#property(facts, object, key, node.object);
    // An untraced object: what the module assigns to properties of that name (`this.s3 = ...`).
    return this.#first(facts.props.get(key), (value) => this.evaluate(facts, value));
  }

  #property(facts: ModuleFacts, object: Value | undefined, key: string, objectNode: AstNode): Value | undefined {
    if (object?.t === 'sdk' && object.name === '*') return { t: 'sdk', specifier: object.specifier, name: key };
    if (object?.t === 'sdk' && isSdkV2(object.specifier)) return { t: 'sdk', specifier: object.specifier, name: `${object.name}.${key}` };
    if (object?.t === 'module') return this.exported(object.file, key);
    if (objectNode.type === 'ObjectExpression') {
      const property = objectNode.properties.find((p: AstNode) => p.type === 'Property' && nameOf(p.key) === key);
      if (property) return this.evaluate(facts, property.value);
    }
    if (objectNode.type === 'Identifier') {
      const literal = facts.bindings.get(objectNode.name)?.find((b) => b.kind === 'expr' && b.node.type === 'ObjectExpression');
      if (literal?.kind === 'expr') return this.#property(facts, undefined, key, literal.node);
    }
    return undefined;
  }

  #constructed(callee: Value | undefined): Value | undefined {
    if (callee?.t === 'sdk' && isSdkV2(callee.specifier)) return { t: 'v2client', service: v2ServiceName(callee.specifier, callee.name) };
    if (callee?.t !== 'sdk' || !callee.specifier.startsWith('@aws-sdk/client-')) return undefined;
    if (callee.name.endsWith('Client')) return { t: 'client', specifier: callee.specifier, aggregated: false, document: false };
    return isAggregatedClass(callee.name) ? { t: 'client', specifier: callee.specifier, aggregated: true, document: false } : undefined;
  }

  #called(facts: ModuleFacts, node: AstNode): Value | undefined {
    const specifier = importedSpecifier(node);
    if (specifier !== undefined) return this.#imported(facts, specifier, '*');
    if (node.type === 'ImportExpression') return undefined;
    const callee = this.evaluate(facts, node.callee);
    if (callee?.t === 'function') return this.#returned(callee.facts, callee.node);
    // DynamoDBDocumentClient.from(client), DynamoDBDocument.from(client)
    if (node.callee.type === 'MemberExpression' && propertyName(node.callee) === 'from') {
      const owner = this.evaluate(facts, node.callee.object);
      if (owner?.t === 'sdk' && owner.specifier.startsWith('@aws-sdk/lib-dynamodb') && owner.name.startsWith('DynamoDBDocument')) {
        return { t: 'client', specifier: owner.specifier, aggregated: owner.name === 'DynamoDBDocument', document: true };
      }
    }
    return undefined;
  }

  // The value a function returns: its expression body, or the first return that evaluates.
  #returned(facts: ModuleFacts, fn: AstNode): Value | undefined {
    if (fn.body?.type !== 'BlockStatement') return fn.body ? this.evaluate(facts, fn.body) : undefined;
    return this.#first(returnedExpressions(fn), (argument) => this.evaluate(facts, argument));
  }
}

// `AWS.S3` is named by its export; `aws-sdk/clients/s3`'s class (default or whole module) by its path.
function v2ServiceName(specifier: string, name: string): string {
  return name === '*' || name === 'default' ? specifier.slice(specifier.lastIndexOf('/') + 1) : name;
}

// A function's `return x` expressions, not those of nested functions; found once per function,
// which every call of it (a shared client factory) would otherwise walk again.
const returnsOf = new WeakMap<AstNode, AstNode[]>();

function returnedExpressions(fn: AstNode): AstNode[] {
  let returns = returnsOf.get(fn);
  if (returns) return returns;
  const found: AstNode[] = [];
  const find = (node: AstNode): void => {
    if (node.type === 'ReturnStatement' && node.argument) found.push(node.argument);
    if (FUNCTIONS.has(node.type)) return;
    for (const key in node) {
      const child = node[key];
      if (Array.isArray(child)) for (const item of child) item?.type && find(item);
      else if (child?.type) find(child);
    }
  };
  find(fn.body);
  returns = found;
  returnsOf.set(fn, returns);
  return returns;
}
