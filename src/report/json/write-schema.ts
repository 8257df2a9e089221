import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../../core/package-root.js';
import { writeFileAtomic } from '../../formats/atomic-write.js';
import { analysisJsonSchemaDocument } from './analysis-schema.js';

/** Where the published schema lives, from the repository root. */
export const ANALYSIS_SCHEMA_FILE = pathToFileURL(join(PACKAGE_ROOT, 'schema', 'analysis.schema.json'));

export function analysisSchemaFileText(): string {
  return JSON.stringify(analysisJsonSchemaDocument(), null, 2) + '\n';
}

// Run directly (`npx tsx src/report/json/write-schema.ts`) to regenerate the published file;
// never from the build, where this code shares a file with others.
if (
  import.meta.url.endsWith('.ts') &&
  process.argv[1] !== undefined &&
  fileURLToPath(import.meta.url) === resolve(process.argv[1])
) {
  writeFileAtomic(fileURLToPath(ANALYSIS_SCHEMA_FILE), analysisSchemaFileText());
  console.log(`wrote ${fileURLToPath(ANALYSIS_SCHEMA_FILE)}`);
}
