export { Narrator, who, packageText, timeUnit } from './narrate.js';
export { resultText } from './table.js';
export { whyText } from './why.js';
export { agreementMarkdown, packageMarkdown } from './agreement.js';
export { concessionSeries, outsideMarks } from './positions.js';
export { runToJson } from './json.js';
export { runJsonSchema, runSchemaFileText, RUN_SCHEMA_FILE, type RunJson } from './json-schema.js';
export { writeRunReport, writeRunPlots, runFiles, type RunFiles } from './write.js';
