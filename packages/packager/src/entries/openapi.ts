// `@chalice/packager/openapi`: the REST API's OpenAPI 3.0 document, without the rest of the packager.
export { buildOpenApi, generateModels, type OpenApiDocument, type OpenApiInput, type OpenApiOptions } from '../openapi.ts';
