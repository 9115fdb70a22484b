export { ConfigError } from './errors.ts';
export { loadConfig } from './load.ts';
export { API_HANDLER, DEFAULT_STAGE, functionConfig, stageSettings, type FunctionConfig, type StageSettings } from './resolve.ts';
export { SETTINGS, type KeyLevel } from './schema.ts';
export type { ChaliceConfig, PerFunctionSettings, ProjectConfig, Settings, StageConfig } from './types.ts';
export { validateConfig } from './validate.ts';
