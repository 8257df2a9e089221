export { analysisToJson } from './analysis-json.js';
export {
  analysisJsonSchema,
  analysisJsonSchemaDocument,
  type AnalysisJson,
  type PointJson,
} from './analysis-schema.js';
export { analysisSchemaFileText, ANALYSIS_SCHEMA_FILE } from './write-schema.js';
export { PARLEY_VERSION } from './version.js';
