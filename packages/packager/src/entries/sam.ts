// `@chalice/packager/sam`: a SAM template from an app graph, without the rest of the packager.
export { samTemplate, UnsupportedFeatureError, type SamTemplateOptions } from '../sam-template.ts';
export type { CloudFormationOutput, CloudFormationResource, CloudFormationTemplate } from '../sam-types.ts';
export { mergeTemplates, serializeTemplate, type TemplateFormat } from '../template-files.ts';
