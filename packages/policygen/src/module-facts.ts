/** An ESTree node as oxc-parser returns it. */
export type AstNode = { type: string; start: number; end: number } & Record<string, any>;

/** What a name in a module stands for, as far as the analysis follows it. */
export type Binding = { kind: 'import'; specifier: string; name: string } | { kind: 'expr'; node: AstNode } | { kind: 'member'; node: AstNode; key: string };

/** What an exported name is bound to. */
export type ExportTarget = { kind: 'local'; name: string } | { kind: 'reexport'; specifier: string; name: string } | { kind: 'expr'; node: AstNode };

/** The facts about one module that the analysis needs, gathered in one walk of its AST. */
export interface ModuleFacts {
  file: string;
  source: string;
  /** Every declaration of a name, wherever its scope (the analysis is scope-insensitive). */
  bindings: Map<string, Binding[]>;
  /** Values assigned to properties (`this.s3 = new S3()`, class fields, object literals), by name. */
  props: Map<string, AstNode[]>;
  exports: Map<string, ExportTarget>;
  /** Specifiers of `export * from`. */
  stars: string[];
  /** Every literal import, re-export, `require` and `import()`, with where it stands. */
  specifiers: Array<{ specifier: string; node: AstNode }>;
  /** `new` and call expressions, to look at once every module's bindings are known. */
  uses: AstNode[];
  /** `require(x)` and `import(x)` of a computed specifier. */
  computedImports: AstNode[];
}

// Type-level syntax holds no calls.
const SKIPPED_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments']);
const SKIPPED_TYPES = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction']);

/** The name an `imported`/`exported` node spells (an identifier or a string literal). */
export function nameOf(node: AstNode | null | undefined): string | undefined {
  if (!node) return undefined;
  return node.type === 'Identifier' ? node.name : typeof node.value === 'string' ? node.value : undefined;
}

/** The static property name of a member expression (`a.b`, `a['b']`), if it has one. */
export function propertyName(member: AstNode): string | undefined {
  return member.computed ? (member.property.type === 'Literal' && typeof member.property.value === 'string' ? member.property.value : undefined) : member.property.name;
}

/** Whether `node` is `require('literal')`-shaped: a call of the free name `require` with one argument. */
export function isRequire(node: AstNode): boolean {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1;
}

function literalString(node: AstNode | undefined): string | undefined {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

/** The literal specifier of `require('x')` or `import('x')`, if it is one. */
export function importedSpecifier(node: AstNode): string | undefined {
  if (node.type === 'ImportExpression') return literalString(node.source);
  return isRequire(node) ? literalString(node.arguments[0]) : undefined;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Walks a module's AST once and records its imports, exports, bindings and calls.
 *
 * @example
 * const facts = moduleFacts('/app/app.ts', source, parseSync('/app/app.ts', source).program);
 */
export function moduleFacts(file: string, source: string, program: AstNode): ModuleFacts {
  const facts: ModuleFacts = { file, source, bindings: new Map(), props: new Map(), exports: new Map(), stars: [], specifiers: [], uses: [], computedImports: [] };
  const visit = (node: AstNode): void => {
    if (SKIPPED_TYPES.has(node.type)) return;
    record(facts, node);
    for (const key in node) {
      if (SKIPPED_KEYS.has(key)) continue;
      const child = node[key];
      if (child === null || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (const item of child) if (item !== null && typeof item === 'object' && typeof item.type === 'string') visit(item);
      } else if (typeof child.type === 'string') visit(child);
    }
  };
  visit(program);
  return facts;
}

function record(facts: ModuleFacts, node: AstNode): void {
  switch (node.type) {
    case 'ImportDeclaration':
      return recordImport(facts, node);
    case 'ExportNamedDeclaration':
      return recordNamedExport(facts, node);
    case 'ExportAllDeclaration':
      if (node.exportKind === 'type') return;
      facts.specifiers.push({ specifier: node.source.value, node });
      if (node.exported) facts.exports.set(nameOf(node.exported)!, { kind: 'reexport', specifier: node.source.value, name: '*' });
      else facts.stars.push(node.source.value);
      return;
    case 'ExportDefaultDeclaration':
      facts.exports.set('default', { kind: 'expr', node: node.declaration });
      return;
    case 'VariableDeclarator':
      if (node.init) bindPattern(facts, node.id, node.init);
      return;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
      if (node.id) push(facts.bindings, node.id.name, { kind: 'expr', node });
      return;
    case 'AssignmentExpression':
      if (node.operator === '=') recordAssignment(facts, node.left, node.right);
      return;
    case 'PropertyDefinition':
      if (!node.computed && node.value && node.key.type === 'Identifier') push(facts.props, node.key.name, node.value);
      return;
    case 'Property':
      if (!node.computed && node.kind === 'init' && !node.value.type.endsWith('Pattern')) {
        const key = nameOf(node.key);
        if (key) push(facts.props, key, node.value);
      }
      return;
    case 'NewExpression':
      facts.uses.push(node);
      return;
    case 'CallExpression':
    case 'ImportExpression':
      if (node.type === 'CallExpression') facts.uses.push(node);
      if (node.type === 'ImportExpression' || isRequire(node)) {
        const specifier = importedSpecifier(node);
        if (specifier === undefined) facts.computedImports.push(node);
        else facts.specifiers.push({ specifier, node });
      }
      return;
  }
}

function recordImport(facts: ModuleFacts, node: AstNode): void {
  if (node.importKind === 'type') return;
  const specifier: string = node.source.value;
  facts.specifiers.push({ specifier, node });
  for (const entry of node.specifiers) {
    if (entry.importKind === 'type') continue;
    const name = entry.type === 'ImportDefaultSpecifier' ? 'default' : entry.type === 'ImportNamespaceSpecifier' ? '*' : nameOf(entry.imported)!;
    push(facts.bindings, entry.local.name, { kind: 'import', specifier, name });
  }
}

function recordNamedExport(facts: ModuleFacts, node: AstNode): void {
  if (node.exportKind === 'type') return;
  if (node.source) facts.specifiers.push({ specifier: node.source.value, node });
  for (const entry of node.specifiers) {
    if (entry.exportKind === 'type') continue;
    const exported = nameOf(entry.exported)!;
    const local = nameOf(entry.local)!;
    facts.exports.set(exported, node.source ? { kind: 'reexport', specifier: node.source.value, name: local } : { kind: 'local', name: local });
  }
  const declaration = node.declaration;
  if (!declaration) return;
  if (declaration.type === 'VariableDeclaration') {
    for (const declarator of declaration.declarations) for (const name of patternNames(declarator.id)) facts.exports.set(name, { kind: 'local', name });
  } else if (declaration.id) facts.exports.set(declaration.id.name, { kind: 'local', name: declaration.id.name });
}

function patternNames(pattern: AstNode): string[] {
  if (pattern.type === 'Identifier') return [pattern.name];
  if (pattern.type === 'ObjectPattern') return pattern.properties.flatMap((p: AstNode) => patternNames(p.type === 'RestElement' ? p.argument : p.value));
  if (pattern.type === 'ArrayPattern') return pattern.elements.filter(Boolean).flatMap(patternNames);
  if (pattern.type === 'AssignmentPattern') return patternNames(pattern.left);
  return [];
}

// `const { S3Client, GetObjectCommand: Get } = require('@aws-sdk/client-s3')` binds members of the init.
function bindPattern(facts: ModuleFacts, pattern: AstNode, init: AstNode): void {
  if (pattern.type === 'Identifier') push(facts.bindings, pattern.name, { kind: 'expr', node: init });
  else if (pattern.type === 'ObjectPattern') {
    for (const property of pattern.properties) {
      const key = property.type === 'Property' ? nameOf(property.key) : undefined;
      const target = property.value?.type === 'AssignmentPattern' ? property.value.left : property.value;
      if (key && !property.computed && target?.type === 'Identifier') push(facts.bindings, target.name, { kind: 'member', node: init, key });
    }
  }
}

function recordAssignment(facts: ModuleFacts, left: AstNode, right: AstNode): void {
  if (left.type === 'Identifier') return push(facts.bindings, left.name, { kind: 'expr', node: right });
  if (left.type !== 'MemberExpression') return;
  const key = propertyName(left);
  if (!key) return;
  const object = left.object;
  const isModule = object.type === 'Identifier' && object.name === 'module';
  if (isModule && key === 'exports') {
    facts.exports.set('module.exports', { kind: 'expr', node: right });
    if (right.type === 'ObjectExpression') recordObjectExports(facts, right);
    return;
  }
  const isExports =
    (object.type === 'Identifier' && object.name === 'exports') || (object.type === 'MemberExpression' && object.object.name === 'module' && propertyName(object) === 'exports');
  if (isExports) facts.exports.set(key, { kind: 'expr', node: right });
  else push(facts.props, key, right);
}

function recordObjectExports(facts: ModuleFacts, object: AstNode): void {
  for (const property of object.properties) {
    const key = property.type === 'Property' && !property.computed ? nameOf(property.key) : undefined;
    if (key) facts.exports.set(key, { kind: 'expr', node: property.value });
  }
}
