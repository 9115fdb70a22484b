export { analyzeApp, generatePolicy, type AnalyzeOptions, type AppAnalysis, type GenerateOptions } from './generate.ts';
export { formatWarning, PolicyError, PolicyInputError } from './errors.ts';
export { diffPolicies, policyDocument, serviceStatements, type PolicyLike } from './policy.ts';
export type { PolicyDocument, PolicyStatement, PolicyWarning } from './types.ts';
