import { z } from 'zod';

/**
 * The one definition of `parley analyze --json` output. schema/analysis.schema.json is
 * generated from it (`npx tsx src/report/json/write-schema.ts`), and a test keeps the two equal.
 * The fields parley, parties, outcomes, exact, frontier, nash, kalaiSmorodinsky, maxWelfare,
 * zopa.size and stickingPoints are the stable contract: they never change meaning or shape.
 */
const value = z.union([z.string(), z.number()]);

const count = z
  .string()
  .regex(/^[0-9]+$/)
  .meta({ description: 'A count as a decimal string (it can exceed 2^53).' });

export const pointSchema = z
  .object({
    utilities: z.array(z.number()).meta({ description: "Each party's utility, in party order." }),
    outcome: z.record(z.string(), value).meta({ description: 'The package: a value for every issue.' }),
  })
  .meta({ id: 'Point', description: 'An outcome and its utilities.' });

const stickingPointSchema = z.object({
  issue: z.string(),
  opposition: z.number().meta({ description: 'max over party pairs of min(w_a, w_b)·(1 − ρ)/2; 0 where not defined.' }),
  blocking: z
    .boolean()
    .meta({ description: 'Part of a smallest set of red lines / reservation values whose relaxation opens the zone.' }),
});

const blockerSchema = z.object({
  constraints: z.array(z.string()).meta({ description: '`red-line:<party>/<id>` or `reservation:<party>`.' }),
  issues: z.array(z.string()),
  opens: z
    .array(pointSchema)
    .meta({ description: 'Frontier points of the zone that opens when these constraints are relaxed.' }),
});

const assumedSchema = z.object({
  path: z
    .string()
    .meta({ description: 'The scenario field the assumption is about, e.g. parties.Israel.weights.ceasefire.' }),
  reason: z.string().nullable(),
});

const partyRedLineSchema = z.object({ party: z.string(), id: z.string() });

const tieSchema = z
  .object({
    solution: z.string(),
    points: z.array(pointSchema).meta({ description: 'Every distinct frontier point that ties for the solution.' }),
    ranges: z
      .array(z.object({ party: z.string(), min: z.number(), max: z.number() }))
      .meta({ description: "Each party's utility range over the tied points, in party order." }),
  })
  .meta({ id: 'Tie', description: 'A solution for which several frontier points tie.' });

const limitSchema = z
  .object({
    solution: z.string(),
    redLinesCrossed: z.array(partyRedLineSchema),
    belowWalkAway: z.array(z.string()).meta({ description: 'Parties whose walk-away value the point falls below.' }),
  })
  .meta({ id: 'SolutionLimit', description: 'A max-welfare or egalitarian point that not every party could sign.' });

const nearMissSchema = z
  .object({
    outcome: pointSchema.shape.outcome,
    utilities: z.array(z.number()),
    redLinesCrossed: z.array(partyRedLineSchema),
    shortfall: z
      .array(z.number())
      .meta({ description: 'How far each party falls below its walk-away value (0 where it does not).' }),
  })
  .meta({ id: 'NearMiss', description: 'A package close to acceptable where none is.' });

const sensitivitySchema = z
  .object({
    samples: z.number().int(),
    spread: z.number(),
    seed: z.number().int(),
    moved: z.array(z.string()).meta({ description: 'The assumed numbers that were drawn, per party.' }),
    conclusions: z.array(
      z.object({
        label: z.string(),
        holds: z.number().int().meta({ description: 'Samples in which the conclusion holds.' }),
        share: z.number().meta({ description: 'holds / samples.' }),
      }),
    ),
  })
  .meta({ id: 'Sensitivity', description: 'How often each conclusion holds when the assumed numbers move.' });

export const analysisJsonSchema = z
  .object({
    parley: z.string().meta({ description: 'The parley version that wrote this.' }),
    scenario: z.string(),
    parties: z.array(z.string()),
    outcomes: count.meta({ description: 'Size of the outcome space, as a decimal string.' }),
    exact: z.boolean().meta({ description: 'False when the time limit cut the frontier search short.' }),
    frontier: z
      .array(pointSchema)
      .meta({ description: 'Pareto frontier, sorted by utilities in party order, each descending.' }),
    nash: pointSchema.nullable(),
    kalaiSmorodinsky: pointSchema.nullable(),
    maxWelfare: pointSchema,
    egalitarian: pointSchema.nullable(),
    disagreement: z.array(z.number()).meta({ description: 'Reservation values, in party order.' }),
    zopa: z.object({
      size: count
        .nullable()
        .meta({ description: 'Outcomes acceptable to every party; null when not counted exactly in time.' }),
      estimate: count.nullable().meta({
        description:
          'Where size is null: the count estimated from 20,000 seeded random outcomes (the time limit ran out, or the space is too large to count); null when size is exact.',
      }),
      best: z
        .array(pointSchema)
        .meta({ description: "Each party's best point in the zone, in party order; empty when the zone is empty." }),
    }),
    blockers: z.array(blockerSchema),
    stickingPoints: z.array(stickingPointSchema),
    assumed: z.array(assumedSchema).meta({ description: 'Numbers the scenario marks as assumed, with the reason.' }),
    seconds: z.number().meta({ description: 'Wall-clock seconds the analysis took.' }),
    whatIf: z
      .array(z.string())
      .meta({ description: 'The changes `--at` and `--set` made to the scenario, in words; empty when none.' }),
    ties: z.array(tieSchema),
    tieRule: z.string().meta({ description: 'How the point kept in nash, kalaiSmorodinsky, … was picked among ties.' }),
    limits: z.array(limitSchema),
    nearMisses: z.array(nearMissSchema).nullable().meta({
      description:
        'Where the zone is empty: the packages crossing the fewest red lines, then falling least short of the walk-away values; null otherwise.',
    }),
    sensitivity: sensitivitySchema.optional().meta({ description: 'Present with `--sensitivity N`.' }),
  })
  .meta({ title: 'parley analysis', description: 'Output of `parley analyze --json`.' });

export type AnalysisJson = z.infer<typeof analysisJsonSchema>;
export type PointJson = z.infer<typeof pointSchema>;

/** The JSON Schema published at schema/analysis.schema.json. */
export function analysisJsonSchemaDocument(): Record<string, unknown> {
  return z.toJSONSchema(analysisJsonSchema) as Record<string, unknown>;
}
