import type { ProjectConfig } from '@chalice/config';
import { buildAppGraph, type AppGraph } from '@chalice/packager';
import { AuthResponse, Chalice } from '@chalice/router';
import { executePlan } from '../src/executor.ts';
import { planDeploy } from '../src/planner.ts';
import type { Plan } from '../src/plan-types.ts';
import { emptyState } from '../src/state.ts';
import type { DeployedState } from '../src/state-types.ts';
import { FakeAws, sha256 } from './fake-aws.ts';

export const CONFIG: ProjectConfig = { file: '.chalice/config.json', warnings: [], data: { app_name: 'demo', stages: { dev: {} } } };

/** Which handlers {@link demoApp} registers: all by default. */
export interface DemoParts {
  schedule?: string | false;
  s3?: boolean;
  sns?: string | false;
  sqsBatchSize?: number | false;
  cw?: boolean;
  pure?: boolean;
  routes?: string[];
  /** The websocket connect, message and disconnect handlers (off by default). */
  websocket?: boolean | { disconnect: boolean };
}

/** An app with every kind of handler the deployer deploys (websocket handlers when asked). */
export function demoApp(parts: DemoParts = {}): Chalice {
  const { schedule = 'rate(1 hour)', s3 = true, sns = 'alerts', sqsBatchSize = 5, cw = true, pure = true, routes = ['/'], websocket = false } = parts;
  const app = new Chalice({ appName: 'demo' });
  const auth = app.authorizer({ ttlSeconds: 10 }, function my_auth() {
    return new AuthResponse({ routes: ['*'], principalId: 'u' });
  });
  for (const path of routes) app.route(path, () => ({ hello: 'world' }));
  app.route('/private', { authorizer: auth }, () => ({}));
  if (schedule) app.schedule(schedule, function every_hour() {});
  if (cw) app.onCwEvent({ source: ['aws.ec2'] }, function on_ec2() {});
  if (s3) app.onS3Event({ bucket: 'uploads', suffix: '.jpg' }, function on_upload() {});
  if (sns) app.onSnsMessage({ topic: sns }, function on_alert() {});
  if (sqsBatchSize) app.onSqsMessage({ queue: 'jobs', batchSize: sqsBatchSize }, function on_job() {});
  if (pure) app.lambdaFunction(function pure_fn() {});
  if (websocket) {
    app.experimentalFeatureFlags.add('WEBSOCKETS');
    app.onWsConnect(() => {});
    app.onWsMessage(() => {});
    if (websocket === true || websocket.disconnect) app.onWsDisconnect(() => {});
  }
  return app;
}

/** The app's graph for stage dev, with a fixed Node version (so a fixed runtime). */
export function graphOf(app: Chalice, data: Partial<ProjectConfig['data']> = {}): AppGraph {
  return buildAppGraph(app, { ...CONFIG, data: { ...CONFIG.data, ...data } }, 'dev', { projectDir: '/nonexistent', nodeVersion: 'v22.3.0' }).graph;
}

/** A fake with the user's own topic, queue and bucket (the bucket already notifies a topic). */
export function fakeAws(): FakeAws {
  const aws = new FakeAws();
  aws.addTopic('alerts');
  aws.addTopic('other-alerts');
  aws.addQueue('jobs');
  aws.addBucket('uploads', { TopicConfigurations: [{ TopicArn: 'arn:aws:sns:us-east-1:123456789012:audit', Events: ['s3:ObjectRemoved:*'] }] });
  return aws;
}

export const ZIP = new TextEncoder().encode('zip bytes v1');

/** A deploy of the graph: plan, then execute, with every state the executor reports. */
export async function deployGraph(aws: FakeAws, graph: AppGraph, state: DeployedState = emptyState(), zip = ZIP) {
  const plan = await planDeploy({ graph, state, aws, codeSha256: sha256(zip) });
  const states: DeployedState[] = [];
  let last = state;
  const messages: string[] = [];
  try {
    last = await executePlan(plan, { aws, state, zip, onState: (s) => states.push((last = s)), onProgress: (m) => messages.push(m) });
    return { plan, state: last, states, messages, error: null as Error | null };
  } catch (error) {
    return { plan, state: last, states, messages, error: error as Error };
  }
}

/** The kinds of the plan's steps, in order. */
export const kinds = (plan: Plan) => plan.instructions.map((i) => i.kind);
