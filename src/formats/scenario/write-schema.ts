/**
 * Writes schema/scenario.schema.json from the zod schema, so editors can validate
 * scenario files. Run: npx tsx src/formats/scenario/write-schema.ts
 */
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../atomic-write.js';
import { scenarioJsonSchema } from './index.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../../../schema/scenario.schema.json', import.meta.url));

export function schemaFileText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileAtomic(SCHEMA_FILE, schemaFileText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
