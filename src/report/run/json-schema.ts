import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../core/package-root.js';
import { writeFileAtomic } from '../../formats/atomic-write.js';

/**
 * The one definition of `parley run --json` output; schema/run.schema.json is generated
 * from it (`npx tsx src/report/run/json-schema.ts`) and a test keeps the two equal.
 * The fields parley, seed, agreement, utilities, rounds and events (and discounted, where
 * present) are the stable contract: they never change meaning or shape, with one recorded
 * exception: `rounds` used to count completed rounds and now reports rounds as GENIUS and
 * NegMAS do (the 1-based round of the agreement; the rounds run without one).
 */
const value = z.union([z.string(), z.number()]);
const outcome = z.record(z.string(), value).meta({ description: 'A package: a value for every issue.' });
const point = z.object({ utilities: z.array(z.number()), outcome });

export const runJsonSchema = z
  .object({
    parley: z.string().meta({ description: 'The parley version that wrote this.' }),
    seed: z.number().int().meta({ description: 'The seed the run used; the same seed gives the same log.' }),
    agreement: outcome.nullable().meta({ description: 'The agreed package, or null when there was none.' }),
    utilities: z.array(z.number()).meta({
      description:
        "Each party's undiscounted utility of the agreement, or its reservation value without one, in party order.",
    }),
    discounted: z
      .array(z.number())
      .optional()
      .meta({ description: 'Discounted utilities (u·δ^t), present when some profile discounts.' }),
    rounds: z.number().int().meta({
      description:
        'The round (1-based) in which the agreement was made, as GENIUS and NegMAS report it; without agreement, the number of rounds run (all of them at a deadline; the round of a walk-away counts). Changed contract: earlier versions gave the rounds completed, one less on agreement. The event log keeps the protocol counter (completed rounds).',
    }),
    events: z.number().int().meta({ description: 'Events in the log.' }),
    scenario: z.string(),
    parties: z.array(z.string()),
    protocol: z.string(),
    agents: z.array(z.object({ role: z.string(), agent: z.string() })).meta({ description: 'Who played which seat.' }),
    endReason: z.enum(['agreement', 'walk-away', 'deadline', 'closed', 'stalled']).meta({
      description:
        'How the talks ended; `closed`: the convenor of a hosted session closed them (no agreement, see `closed`).',
    }),
    closed: z
      .object({ by: z.string(), reason: z.string(), lapsed: z.array(z.string()) })
      .optional()
      .meta({
        description:
          'Present when the convenor closed the talks: who, the reason it gave, and the proposals some party had accepted (or ratified) that lapsed with the close.',
      }),
    proposal: z.string().nullable().meta({ description: 'The id of the agreed proposal.' }),
    time: z.number().meta({ description: 'Virtual time at the end.' }),
    welfare: z.number().meta({ description: 'Sum of the undiscounted utilities.' }),
    distances: z
      .object({ frontier: z.number().nullable(), nash: z.number().nullable() })
      .nullable()
      .meta({ description: 'Euclidean distances in utility space; null when analysis was skipped.' }),
    stickingPoints: z.array(z.string()).meta({ description: 'Sticking points that remained (empty on agreement).' }),
    openIssues: z.array(z.string()).meta({ description: 'Issues on which the last positions still differed.' }),
    improvements: z.array(point).meta({
      description: 'Pareto-improving alternatives every party prefers to the agreement, best Nash product first.',
    }),
    files: z.record(z.string(), z.string()).meta({ description: 'Files written: log, plots, agreement text.' }),
  })
  .meta({ title: 'parley run', description: 'Output of `parley run --json`.' });

export type RunJson = z.infer<typeof runJsonSchema>;

export const RUN_SCHEMA_FILE = pathToFileURL(join(PACKAGE_ROOT, 'schema', 'run.schema.json'));

export function runSchemaFileText(): string {
  return JSON.stringify(z.toJSONSchema(runJsonSchema), null, 2) + '\n';
}

// Run directly to regenerate the published file (from the sources, never from the build).
if (
  import.meta.url.endsWith('.ts') &&
  process.argv[1] !== undefined &&
  fileURLToPath(import.meta.url) === resolve(process.argv[1])
) {
  writeFileAtomic(fileURLToPath(RUN_SCHEMA_FILE), runSchemaFileText());
  console.log(`wrote ${fileURLToPath(RUN_SCHEMA_FILE)}`);
}
