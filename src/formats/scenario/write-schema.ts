/**
 * Writes schema/scenario.schema.json from the zod schema, so editors can validate
 * scenario files. Run: npx tsx src/formats/scenario/write-schema.ts
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../../core/package-root.js';
import { writeFileAtomic } from '../atomic-write.js';
import { scenarioJsonSchema } from './index.js';

export const SCHEMA_FILE = join(PACKAGE_ROOT, 'schema', 'scenario.schema.json');

export function schemaFileText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

// From the sources only: in the build this code shares a file with others.
if (import.meta.url.endsWith('.ts') && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileAtomic(SCHEMA_FILE, schemaFileText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
