import { z } from 'zod';
import { isProtocolName, protocolNames } from '../../protocols/registry.js';
import {
  listOf,
  nameSchema,
  num,
  paramSchema,
  provenanceShape,
  say,
  sourceSchema,
  textSchema,
  valueSchema,
} from './schema-parts.js';

/** The format version this reader understands. */
export const FORMAT_VERSION = 1;

const described = { description: textSchema.optional(), ...provenanceShape };

const discreteIssue = z.strictObject({
  name: nameSchema,
  kind: z.literal('discrete').optional(),
  values: listOf(nameSchema, 'values').min(1, { error: say('must list at least one value', 'a non-empty list') }),
  /** The value that leaves the issue to a later phase; only a declared one lets a mediator say "deferred". */
  deferral: nameSchema.optional(),
  ...described,
});
const integerIssue = z.strictObject({
  name: nameSchema,
  kind: z.literal('integer'),
  min: num(),
  max: num(),
  ...described,
});
const realIssue = z.strictObject({
  name: nameSchema,
  kind: z.literal('real'),
  min: num(),
  max: num(),
  steps: num({ min: 0 }).optional(),
  ...described,
});
export const issueSchema = z
  .union([discreteIssue, integerIssue, realIssue], {
    error: say('must be an issue', '{name, values} or {name, kind: integer|real, min, max}'),
  })
  .meta({ id: 'Issue', description: 'One dimension of a deal: discrete values, or an integer or real range.' });

export const phaseSchema = z
  .strictObject({ name: nameSchema, issues: listOf(nameSchema, 'issue names'), ...described })
  .meta({ id: 'Phase', description: 'Issues settled together; a proposal is one package across all phases.' });

const tableFunction = z.record(z.string(), num({ min: 0, max: 1 }), {
  error: say(
    'must be a value function',
    'a table {value: utility}, {linear: {slope, offset}} or {piecewise: [[x, u], …]}',
  ),
});
const linearFunction = z.strictObject({ linear: z.strictObject({ slope: num(), offset: num() }) });
const piecewiseFunction = z.strictObject({
  piecewise: listOf(
    z.tuple([num(), num({ min: 0, max: 1 })], { error: say('must be a point', '[x, utility]') }),
    'points',
  ),
});
export const valueFunctionSchema = z
  .union([linearFunction, piecewiseFunction, tableFunction], {
    error: say(
      'must be a value function',
      'a table {value: utility}, {linear: {slope, offset}} or {piecewise: [[x, u], …]}',
    ),
  })
  .meta({ id: 'ValueFunction', description: 'Utility of an issue value in [0, 1].' });

const additivePreferences = z.strictObject({
  kind: z.literal('additive').optional(),
  weights: z.record(z.string(), num({ min: 0 }), { error: say('must map issues to weights', '{issue: weight}') }),
  values: z.record(z.string(), valueFunctionSchema, {
    error: say('must map issues to value functions', '{issue: function}'),
  }),
  ...provenanceShape,
});
const boundSchema = z.union(
  [z.strictObject({ min: num(), max: num() }), z.strictObject({ values: listOf(nameSchema, 'values') })],
  { error: say('must be a bound', '{min, max} or {values: […]}') },
);
const rectanglePreferences = z.strictObject({
  kind: z.literal('rectangles'),
  scale: num({ above: 0 }),
  rectangles: listOf(
    z.strictObject({ value: num({ above: 0 }), bounds: z.record(z.string(), boundSchema) }),
    'rectangles',
  ),
  ...provenanceShape,
});
export const preferencesSchema = z
  .union([additivePreferences, rectanglePreferences], {
    error: say('must be preferences', '{weights, values} or {kind: rectangles, scale, rectangles}'),
  })
  .meta({ id: 'Preferences', description: 'Additive weights and value functions, or hyper-rectangles.' });

export const redLineSchema = z
  .strictObject({
    id: nameSchema,
    issue: nameSchema,
    allowed: listOf(valueSchema, 'values').optional(),
    min: num().optional(),
    max: num().optional(),
    ...described,
  })
  .meta({ id: 'RedLine', description: 'A hard limit: outcomes outside it are unacceptable whatever their utility.' });

export const backgroundSchema = z.strictObject({ text: textSchema, source: sourceSchema.optional() }).meta({
  id: 'BackgroundFact',
  description: 'A sourced fact that bears on the talks without being an issue, a position or an event.',
});

export const partySchema = z
  .strictObject({
    name: nameSchema,
    description: textSchema.optional(),
    preferences: preferencesSchema,
    reservation: num({ min: 0, max: 1 }).optional(),
    discount: num({ above: 0, max: 1 }).optional(),
    redLines: listOf(redLineSchema, 'red lines').optional(),
    source: sourceSchema.optional(),
  })
  .meta({ id: 'Party', description: 'A principal whose agreement is needed.' });

const bool = z.boolean({ error: say('must be true or false', 'a boolean') });
const sourced = { source: sourceSchema.optional() };
export const rolesSchema = z
  .strictObject({
    delegations: listOf(
      z.strictObject({
        name: nameSchema,
        party: nameSchema,
        present: bool,
        decisionBody: nameSchema.optional(),
        location: textSchema.optional(),
        ...sourced,
      }),
      'delegations',
    ).optional(),
    mediators: listOf(
      z.strictObject({ name: nameSchema, channels: listOf(nameSchema, 'party names').optional(), ...sourced }),
      'mediators',
    ).optional(),
    decisionBodies: listOf(
      z.strictObject({ name: nameSchema, party: nameSchema, ...sourced }),
      'decision bodies',
    ).optional(),
    workingGroups: listOf(
      z.strictObject({
        name: nameSchema,
        members: listOf(nameSchema, 'role names'),
        phase: nameSchema.optional(),
        issues: listOf(nameSchema, 'issue names').optional(),
        ...sourced,
      }),
      'working groups',
    ).optional(),
    observers: listOf(z.strictObject({ name: nameSchema }), 'observers').optional(),
  })
  .meta({ id: 'Roles', description: 'Delegations, mediators, decision bodies, working groups and observers.' });

export const positionSchema = z
  .strictObject({
    party: nameSchema,
    public: bool,
    text: textSchema,
    issues: listOf(nameSchema, 'issue names').optional(),
    ...sourced,
  })
  .meta({ id: 'Position', description: 'A position a party states, as reported.' });

export const audienceSchema = z
  .union(
    [
      z.enum(['all', 'mediators']),
      z.strictObject({ party: nameSchema }),
      z.strictObject({ workingGroup: nameSchema }),
      z.strictObject({ decisionBody: nameSchema }),
    ],
    { error: say('must be an audience', 'all, mediators, {party}, {workingGroup} or {decisionBody}') },
  )
  .meta({ id: 'Audience', description: 'Who sees an event.' });

const effectBase = { ...provenanceShape };
export const effectSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('reservation'),
        party: nameSchema,
        delta: num({ min: -1, max: 1 }),
        ...effectBase,
      }),
      z.strictObject({
        kind: z.literal('weight'),
        party: nameSchema,
        issue: nameSchema,
        factor: num({ min: 0 }),
        ...effectBase,
      }),
      z.strictObject({ kind: z.literal('add-red-line'), party: nameSchema, redLine: redLineSchema, ...effectBase }),
      z.strictObject({ kind: z.literal('remove-red-line'), party: nameSchema, id: nameSchema, ...effectBase }),
      z.strictObject({ kind: z.literal('deadline'), delta: num(), ...effectBase }),
    ],
    { error: say('must be an effect', 'kind: reservation, weight, add-red-line, remove-red-line or deadline') },
  )
  .meta({ id: 'Effect', description: 'How an outside event changes a party or the deadline.' });

export const eventSchema = z
  .strictObject({
    id: nameSchema,
    at: num({ min: 0 }),
    title: textSchema,
    description: textSchema.optional(),
    audience: audienceSchema.optional(),
    effects: listOf(effectSchema, 'effects').optional(),
    ...provenanceShape,
  })
  .meta({
    id: 'OutsideEvent',
    description: 'Something outside the table, at a virtual hour from the start of the talks.',
  });

export const agentSpecSchema = z
  .strictObject({
    strategy: nameSchema,
    role: nameSchema.optional(),
    params: z
      .record(z.string(), paramSchema, { error: say('must map parameter names to values', '{name: value}') })
      .optional(),
    ...provenanceShape,
  })
  .meta({ id: 'AgentSpec', description: 'A strategy, the role it plays, and its parameters.' });

/** A registered protocol's name, checked against the registry when the file is read (so a program's own protocols count). */
const protocolSchema = () => {
  const error = () => say('must be a protocol', protocolNames().join(', '));
  return z.string({ error }).refine(isProtocolName, { error }).meta({ enum: protocolNames() });
};

export const simulationSchema = z
  .strictObject({
    protocol: protocolSchema().optional(),
    agents: listOf(agentSpecSchema, 'agents').optional(),
    mediators: listOf(agentSpecSchema, 'mediators').optional(),
    rounds: num({ min: 1 }).optional(),
    hoursPerRound: num({ above: 0 }).optional(),
    seed: num().optional(),
    ...provenanceShape,
  })
  .meta({ id: 'Simulation', description: 'Defaults for simulating the scenario.' });

export const reportSchema = z.strictObject({
  file: nameSchema,
  outlet: nameSchema,
  headline: nameSchema,
  date: textSchema.optional(),
});

export const scenarioFileSchema = z
  .strictObject(
    {
      parley: z.literal(FORMAT_VERSION, {
        error: say(`must be the format version ${FORMAT_VERSION}`, `parley: ${FORMAT_VERSION}`),
      }),
      name: nameSchema,
      title: textSchema.optional(),
      description: textSchema.optional(),
      origin: textSchema.optional(),
      reports: listOf(reportSchema, 'reports').optional(),
      issues: listOf(issueSchema, 'issues').min(1, { error: say('must list at least one issue', 'a non-empty list') }),
      phases: listOf(phaseSchema, 'phases').optional(),
      parties: listOf(partySchema, 'parties').min(1, {
        error: say('must list at least one party', 'a non-empty list'),
      }),
      roles: rolesSchema.optional(),
      positions: listOf(positionSchema, 'positions').optional(),
      timeline: listOf(eventSchema, 'events').optional(),
      background: listOf(backgroundSchema, 'background facts').optional(),
      simulation: simulationSchema.optional(),
    },
    { error: say('must be a scenario', 'a mapping with parley, name, issues and parties') },
  )
  .meta({
    title: 'parley scenario',
    description: 'A mediated, multi-issue, multi-phase negotiation (format version 1).',
  });

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type IssueFile = z.infer<typeof issueSchema>;
export type PreferencesFile = z.infer<typeof preferencesSchema>;
export type RedLineFile = z.infer<typeof redLineSchema>;
export type EffectFile = z.infer<typeof effectSchema>;
export type AgentSpecFile = z.infer<typeof agentSpecSchema>;
