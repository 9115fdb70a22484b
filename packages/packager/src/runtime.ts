import { ConfigError } from '@chalice/config';

// The one table of Lambda Node.js runtimes (majors). Last checked 2026-12 against
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html: update it when AWS adds or
// deprecates one. Deprecated runtimes are never chosen, and configuring one is an error.
const SUPPORTED = [22, 24];
const DEPRECATED = [20, 18, 16, 14, 12, 10];

/** The Lambda runtime a package is built for, the esbuild target it implies, and a note for the user. */
export interface RuntimeChoice {
  /** e.g. `nodejs22.x`. */
  runtime: string;
  /** e.g. `node22`. */
  esbuildTarget: string;
  /** Set when the runtime was inferred and is not the local Node.js major version. */
  warning: string | null;
}

const name = (major: number) => `nodejs${major}.x`;
const alternatives = () => SUPPORTED.map(name).join(', ');

/**
 * Chooses the Lambda Node.js runtime: the configured `lambda_runtime` if AWS still supports it,
 * else the supported runtime closest to the local Node.js major version (the newer on a tie, so
 * code written for local Node finds what it uses), with a warning when it is not the same major.
 *
 * @example
 * chooseRuntime({ nodeVersion: '20.19.0' });
 * // { runtime: 'nodejs22.x', esbuildTarget: 'node22', warning: 'Node.js 20 is not a supported Lambda runtime; ...' }
 * chooseRuntime({ configured: 'nodejs24.x' }).runtime; // 'nodejs24.x'
 */
export function chooseRuntime({ configured, nodeVersion = process.versions.node }: { configured?: string | null; nodeVersion?: string }): RuntimeChoice {
  if (configured != null) {
    const major = nodeMajor(configured);
    return { runtime: configured, esbuildTarget: `node${major}`, warning: null };
  }
  const local = Number.parseInt(nodeVersion.replace(/^v/, ''), 10);
  if (!Number.isInteger(local)) throw new Error(`Cannot read the Node.js version "${nodeVersion}"`);
  const closest = SUPPORTED.reduce((best, major) => {
    const distance = Math.abs(major - local) - Math.abs(best - local);
    return distance < 0 || (distance === 0 && major > best) ? major : best;
  });
  const warning =
    closest === local
      ? null
      : `Node.js ${local} is not a supported Lambda runtime; packaging for ${name(closest)}, the closest one. Set lambda_runtime in .chalice/config.json to choose another (${alternatives()}).`;
  return { runtime: name(closest), esbuildTarget: `node${closest}`, warning };
}

/**
 * The esbuild target for a supported Lambda Node.js runtime.
 *
 * @example
 * esbuildTarget('nodejs22.x'); // 'node22'
 */
export function esbuildTarget(runtime: string): string {
  return `node${nodeMajor(runtime)}`;
}

/**
 * The oldest of the functions' runtimes, which the one deployment package they share is built
 * for; the oldest supported runtime when there are none.
 *
 * @example
 * oldestRuntime(['nodejs24.x', 'nodejs22.x']); // 'nodejs22.x'
 */
export function oldestRuntime(runtimes: string[]): string {
  return [...new Set(runtimes)].sort((a, b) => nodeMajor(a) - nodeMajor(b))[0] ?? name(Math.min(...SUPPORTED));
}

function nodeMajor(runtime: string): number {
  const major = /^nodejs(\d+)\.x$/.exec(runtime)?.[1];
  const problem =
    major === undefined
      ? `is "${runtime}", not a Lambda Node.js runtime`
      : DEPRECATED.includes(Number(major))
        ? `is "${runtime}", which AWS Lambda has deprecated`
        : !SUPPORTED.includes(Number(major))
          ? `is "${runtime}", not a Lambda Node.js runtime AWS supports`
          : null;
  if (problem) throw new ConfigError('.chalice/config.json', 'lambda_runtime', `${problem}: use one of ${alternatives()}`);
  return Number(major);
}
