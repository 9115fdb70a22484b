import { appNameProblem } from './app-name.ts';
import { ConfigError } from './errors.ts';
import { SETTINGS, type KeyLevel } from './schema.ts';
import type { ChaliceConfig, ProjectConfig } from './types.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

/**
 * Checks parsed `config.json` contents against the seed's keys. A wrong type or value throws a
 * {@link ConfigError} naming the file and key path; an unknown key becomes a warning. A `null`
 * value means the key is not set, at every level.
 *
 * @example
 * const { data, warnings } = validateConfig(JSON.parse(text), '.chalice/config.json');
 */
export function validateConfig(raw: unknown, file: string): ProjectConfig {
  const warnings: string[] = [];
  const fail = (path: string, problem: string): never => {
    throw new ConfigError(file, path, problem);
  };
  if (!isObject(raw)) fail('', `must hold a JSON object, not ${show(raw)}`);
  const protoKey = findProtoKey(raw, '');
  if (protoKey !== null) fail(protoKey, 'is not allowed as a key');
  const top = raw as Record<string, unknown>;
  const nameProblem = appNameProblem(top.app_name);
  if (nameProblem) fail('app_name', `${nameProblem}, got ${show(top.app_name)}`);
  if (top.version !== undefined && top.version !== null && top.version !== '2.0') warnings.push(`${file}: version ${show(top.version)} is not "2.0"; reading it as 2.0`);

  const checkSettings = (object: Record<string, unknown>, level: KeyLevel, prefix: string, skip: string[]) => {
    for (const [key, value] of Object.entries(object)) {
      if (skip.includes(key) || value === null) continue;
      const path = prefix + key;
      const setting = Object.hasOwn(SETTINGS, key) ? SETTINGS[key] : undefined;
      if (!setting) {
        warnings.push(`${file}: unknown key ${path} is ignored`);
        continue;
      }
      if (!setting.levels.includes(level)) fail(path, `cannot be set ${level === 'function' ? 'per function' : 'per stage'}`);
      const problem = setting.check(value);
      if (problem) fail(path, `${problem}, got ${show(value)}`);
    }
  };
  const checkFunctions = (value: unknown, prefix: string) => {
    if (value === undefined || value === null) return;
    if (!isObject(value)) fail(prefix.slice(0, -1), `must be an object of function names, got ${show(value)}`);
    for (const [name, settings] of Object.entries(value as Record<string, unknown>)) {
      if (settings === null) continue;
      if (!isObject(settings)) fail(prefix + name, `must be an object of settings, got ${show(settings)}`);
      checkSettings(settings as Record<string, unknown>, 'function', `${prefix}${name}.`, []);
    }
  };

  checkSettings(top, 'top', '', ['version', 'app_name', 'stages', 'lambda_functions']);
  checkFunctions(top.lambda_functions, 'lambda_functions.');
  if (top.stages !== undefined && top.stages !== null) {
    if (!isObject(top.stages)) fail('stages', `must be an object of stage names, got ${show(top.stages)}`);
    for (const [stage, config] of Object.entries(top.stages as Record<string, unknown>)) {
      if (config === null) continue;
      if (!isObject(config)) fail(`stages.${stage}`, `must be an object of settings, got ${show(config)}`);
      const stageConfig = config as Record<string, unknown>;
      checkSettings(stageConfig, 'stage', `stages.${stage}.`, ['lambda_functions']);
      checkFunctions(stageConfig.lambda_functions, `stages.${stage}.lambda_functions.`);
    }
  }
  return { file, data: top as unknown as ChaliceConfig, warnings };
}

// JSON.parse makes `__proto__` an ordinary own key, but spreading or Object.assign-ing such an
// object later would set a prototype instead of copying a value: refuse it at the door.
function findProtoKey(value: unknown, path: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (key === '__proto__' && !Array.isArray(value)) return childPath;
    const found = findProtoKey(child, childPath);
    if (found !== null) return found;
  }
  return null;
}
