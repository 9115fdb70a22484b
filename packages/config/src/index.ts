export { appNameProblem, MAX_APP_NAME } from './app-name.ts';
export { ConfigError } from './errors.ts';
export { unknownFunctionWarnings } from './function-names.ts';
export { loadConfig } from './load.ts';
export { API_HANDLER, DEFAULT_STAGE, functionConfig, stageSettings, type FunctionConfig, type StageSettings } from './resolve.ts';
export { apiGatewayStageProblem, SETTINGS, type KeyLevel } from './schema.ts';
export type { ChaliceConfig, PerFunctionSettings, ProjectConfig, Settings, StageConfig } from './types.ts';
export { validateConfig } from './validate.ts';
