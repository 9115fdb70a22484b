import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePolicy } from '@chalice/policygen';
import { parseSync } from 'oxc-parser';
import { median, table } from './stats.ts';

const MODULES = 300;
const ROUNDS = 15;
const TARGET_MS = 1000;

// Each module: SDK imports of one of five styles, two imports of other modules, and some plain code.
const STYLES = [
  (i: number) => [
    `import { S3Client, PutObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';`,
    `const s3 = new S3Client({});`,
    `export async function store${i}(key: string) { await s3.send(new PutObjectCommand({ Bucket: 'b', Key: key })); return s3.send(new ListObjectsV2Command({ Bucket: 'b' })); }`,
  ],
  (i: number) => [
    `import { DynamoDB } from '@aws-sdk/client-dynamodb';`,
    `const db = new DynamoDB({});`,
    `export async function store${i}(id: string) { return db.transactWriteItems({ TransactItems: [{ Put: { TableName: 't', Item: { id: { S: id } } } }] }); }`,
  ],
  (i: number) => [
    `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';`,
    `import { DynamoDBDocumentClient, GetCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';`,
    `const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));`,
    `export async function store${i}(id: string) { for await (const page of paginateQuery({ client: doc }, { TableName: 't' })) void page; return doc.send(new GetCommand({ TableName: 't', Key: { id } })); }`,
  ],
  (i: number) => [
    `import * as sqs from '@aws-sdk/client-sqs';`,
    `const queue = new sqs.SQSClient({});`,
    `export async function store${i}(body: string) { return queue.send(new sqs.SendMessageCommand({ QueueUrl: 'q', MessageBody: body })); }`,
  ],
  (i: number) => [
    `import { LambdaClient, InvokeCommand, waitUntilFunctionActive } from '@aws-sdk/client-lambda';`,
    `const lambda = new LambdaClient({});`,
    `export async function store${i}(name: string) { await waitUntilFunctionActive({ client: lambda, maxWaitTime: 5 }, { FunctionName: name }); return lambda.send(new InvokeCommand({ FunctionName: name })); }`,
  ],
];

function filler(i: number): string[] {
  return [
    `export interface Record${i} { id: string; createdAt: Date; tags: Map<string, string>; nested: { depth: number; items: Array<{ name: string; weight: number }> } }`,
    `export class Service${i} {`,
    `  private readonly cache = new Map<string, Record${i}>();`,
    `  constructor(private readonly prefix: string = 'svc${i}') {}`,
    `  get(id: string): Record${i} | undefined { return this.cache.get(\`\${this.prefix}:\${id}\`); }`,
    `  put(record: Record${i}): void { this.cache.set(\`\${this.prefix}:\${record.id}\`, { ...record, tags: new Map(record.tags) }); }`,
    `  heaviest(): string | undefined { return [...this.cache.values()].flatMap((r) => r.nested.items).sort((a, b) => b.weight - a.weight)[0]?.name; }`,
    `}`,
    `export function summarise${i}(records: Record${i}[]): Record<string, number> {`,
    `  const out: Record<string, number> = {};`,
    `  for (const record of records) for (const [key, value] of record.tags) out[\`\${key}=\${value}\`] = (out[\`\${key}=\${value}\`] ?? 0) + record.nested.depth;`,
    `  return Object.fromEntries(Object.entries(out).filter(([, n]) => n > ${i % 7}).sort(([a], [b]) => a.localeCompare(b)));`,
    `}`,
  ];
}

function writeApp(dir: string): void {
  mkdirSync(join(dir, 'chalicelib'));
  for (let i = 0; i < MODULES; i++) {
    const imports = [(i * 7 + 1) % MODULES, (i * 13 + 5) % MODULES].filter((j) => j !== i);
    const lines = [
      ...STYLES[i % STYLES.length]!(i),
      ...imports.map((j) => `import { store${j}, Service${j} } from './module${j}.js';`),
      ...filler(i),
      `export async function run${i}(id: string) { new Service${imports[0]}().get(id); return [await store${i}(id), ${imports.map((j) => `store${j}`).join(', ')}]; }`,
    ];
    writeFileSync(join(dir, 'chalicelib', `module${i}.ts`), `${lines.join('\n')}\n`);
  }
  const entries = Array.from({ length: 20 }, (_, k) => k * 15);
  writeFileSync(
    join(dir, 'app.ts'),
    [
      `import { Chalice } from '@chalice/router';`,
      ...entries.map((k) => `import { run${k} } from './chalicelib/module${k}.js';`),
      `export const app = new Chalice({ appName: 'big' });`,
      ...entries.map((k) => `app.route('/r${k}', () => run${k}('x'));`),
      '',
    ].join('\n'),
  );
}

// The floor: read and parse every file to an ESTree AST, nothing else.
function parseAll(dir: string): number {
  const files = [join(dir, 'app.ts'), ...readdirSync(join(dir, 'chalicelib')).map((name) => join(dir, 'chalicelib', name))];
  let nodes = 0;
  for (const file of files) nodes += parseSync(file, readFileSync(file, 'utf8')).program.body.length;
  return nodes;
}

function timed(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * `generatePolicy` wall time on a 301-module app, against a plain oxc-parser parse of the same
 * files (the floor any analysis pays), interleaved in the same rounds.
 */
export function runPolicygen(): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'chalice-bench-policygen-'));
  try {
    writeApp(dir);
    const { policy, warnings } = generatePolicy({ projectDir: dir }); // warms the data file and the OS cache
    if (warnings.length) throw new Error(`unexpected warnings: ${JSON.stringify(warnings.slice(0, 3))}`);
    parseAll(dir);
    const samples = { parse: [] as number[], generate: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      samples.parse.push(timed(() => parseAll(dir)));
      samples.generate.push(timed(() => generatePolicy({ projectDir: dir })));
    }
    const parse = median(samples.parse);
    const generate = median(samples.generate);
    const actions = policy.Statement.flatMap((statement) => statement.Action).length;
    console.log(`policygen: ${ROUNDS} rounds, ${MODULES + 1} modules (${actions} actions in the policy)`);
    console.log(
      table([
        ['measure', 'median ms', 'ratio to parse'],
        ['oxc-parser parseSync of every file', parse.toFixed(1), '1.00'],
        ['generatePolicy', generate.toFixed(1), (generate / parse).toFixed(2)],
      ]),
    );
    console.log(`target: generatePolicy under ${TARGET_MS} ms: ${generate < TARGET_MS ? 'met' : 'NOT MET'}`);
    return { parseMs: parse, generateMs: generate, ratio: generate / parse };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runPolicygen();
