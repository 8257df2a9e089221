import { z } from 'zod';
import { SUGGESTION_STRATEGIES } from '../host/analysis/mediator.js';

/**
 * The answers of the analysis endpoints. Every field is listed: the serializer keeps only
 * these, so nothing else (another party's profile or walk-away value) can slip into an answer.
 */

const value = z.union([z.string(), z.number()]);
const outcome = z.record(z.string(), value);
const point = z.object({ utilities: z.array(z.number()).readonly(), outcome });

const seenText = z.object({
  seq: z.number(),
  proposal: z.string(),
  kind: z.enum(['offer', 'text', 'package', 'revision']),
  by: z.string(),
  to: z.string().optional().meta({ description: 'The party a package was addressed to.' }),
  text: outcome,
  byPhase: z.record(z.string(), outcome).meta({ description: 'The text by phase (`unphased` for issues of none).' }),
});

const worth = z.object({
  seq: z.number(),
  proposal: z.string(),
  kind: z.enum(['offer', 'text', 'package', 'revision']),
  by: z.string(),
  value: z.number().meta({ description: "The text's utility to the seat's own party." }),
  crosses: z.array(z.string()).readonly().meta({ description: 'Ids of its own red lines the text crosses.' }),
});

const redLine = z.object({
  id: z.string(),
  issue: z.string(),
  allowed: z.array(value).readonly().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

const common = {
  session: z.string(),
  role: z.string(),
  now: z.number(),
  round: z.number(),
  over: z.boolean(),
  texts: z.array(seenText).readonly().meta({ description: 'Every text the seat has seen put forward, in order.' }),
  current: seenText.nullable().meta({ description: 'The text on the table now, as the seat saw it.' }),
};

const mediatorAnalysis = z.object({
  ...common,
  kind: z.literal('mediator'),
  basis: z.literal('revealed').meta({
    description: "Only what the mediator's seat was shown: shared preferences, else its model of each party's answers.",
  }),
  parties: z
    .array(
      z.object({
        party: z.string(),
        source: z.enum(['shared', 'learned']),
        walkAway: z.number().meta({ description: 'Estimated.' }),
        redLines: z.array(redLine).readonly().meta({ description: 'The red lines the party has revealed.' }),
        current: z
          .object({ proposal: z.string(), value: z.number().nullable(), crosses: z.array(z.string()).readonly() })
          .nullable(),
      }),
    )
    .readonly(),
  estimated: z.object({
    exact: z.boolean(),
    disagreement: z
      .array(z.number())
      .readonly()
      .meta({ description: 'Estimated walk-away values, rescaled as the frontier is.' }),
    frontierSize: z.number(),
    frontier: z.array(point).readonly().meta({ description: 'At most 200 points, spread along the frontier.' }),
    nash: point.nullable(),
    zone: z.object({ size: z.string().nullable(), estimate: z.string().nullable(), best: z.array(point).readonly() }),
    stickingPoints: z.array(z.object({ issue: z.string(), opposition: z.number(), blocking: z.boolean() })).readonly(),
  }),
});

const partyAnalysis = z.object({
  ...common,
  kind: z.enum(['delegation', 'decision-body']),
  basis: z.enum(['own-profile', 'kept-preferences']),
  own: z.object({
    party: z.string(),
    walkAway: z.number(),
    redLines: z.array(z.object({ id: z.string(), issue: z.string() })).readonly(),
    current: worth.extend({ aboveWalkAway: z.boolean() }).nullable(),
    history: z.array(worth).readonly().meta({ description: 'Every text the seat saw, valued by its own preferences.' }),
  }),
});

const recordAnalysis = z.object({
  ...common,
  kind: z.enum(['working-group', 'observer', 'convenor']),
  basis: z.literal('visible-record'),
});

export const analysisResponse = z.union([mediatorAnalysis, partyAnalysis, recordAnalysis]);

export const suggestBody = z.strictObject({
  strategy: z.enum(SUGGESTION_STRATEGIES).meta({ description: 'Which built-in mediator drafts the suggestion.' }),
});

export const suggestionResponse = z.object({
  strategy: z.enum(SUGGESTION_STRATEGIES),
  text: outcome,
  byPhase: z.record(z.string(), outcome),
  note: z.string().optional(),
});
