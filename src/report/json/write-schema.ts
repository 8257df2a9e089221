import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../formats/atomic-write.js';
import { analysisJsonSchemaDocument } from './analysis-schema.js';

/** Where the published schema lives, from the repository root. */
export const ANALYSIS_SCHEMA_FILE = new URL('../../../schema/analysis.schema.json', import.meta.url);

export function analysisSchemaFileText(): string {
  return JSON.stringify(analysisJsonSchemaDocument(), null, 2) + '\n';
}

// Run directly (`npx tsx src/report/json/write-schema.ts`) to regenerate the published file.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  writeFileAtomic(fileURLToPath(ANALYSIS_SCHEMA_FILE), analysisSchemaFileText());
  console.log(`wrote ${fileURLToPath(ANALYSIS_SCHEMA_FILE)}`);
}
