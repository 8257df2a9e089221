import { z } from 'zod';
import type { Party } from '../core/party.js';
import { positionSchema } from '../protocols/position.js';
import type { Action, ActionKind } from '../protocols/types.js';

/**
 * Every action a seat may send, one strict schema per protocol action kind (the clock's
 * `tick` is the runner's, never a seat's). The type checks at the end of this file fail
 * to compile when a protocol action kind or field has no schema here, or a schema accepts
 * what the protocol's type does not: the two cannot drift apart.
 */

const name = z.string().min(1).max(200);
const text = z.string().max(2_000);
const value = z.union([z.string().max(200), z.number().finite()]);
const outcome = z.record(z.string().max(200), value);
const reason = text.optional();
const actor = name
  .optional()
  .meta({ description: 'May be left out: the seat acts as itself; naming another is refused.' });
const binding = z
  .boolean()
  .optional()
  .meta({ description: 'A formal position (true) or exploratory (false, the default); shown labelled apart.' });
const position = positionSchema.optional().meta({
  description: 'The position in structured fields (red lines crossed, asks); the words are rendered from them.',
});
const time = z.number().finite().meta({ description: 'Scenario time (hours from the start).' });

const source = z.strictObject({ file: z.string().max(500), quote: z.string().max(5_000) });
const redLine = z.strictObject({
  id: name,
  issue: name,
  allowed: z.array(value).max(1_000).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  description: z.string().max(2_000).optional(),
  source: source.optional(),
});
const valueFunction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('table'), utilities: z.record(z.string().max(200), z.number()) }),
  z.strictObject({ kind: z.literal('linear'), slope: z.number(), offset: z.number() }),
  z.strictObject({
    kind: z.literal('piecewise'),
    points: z.array(z.tuple([z.number(), z.number()])).max(1_000),
  }),
]);
const bound = z.union([
  z.strictObject({ min: z.number(), max: z.number() }),
  z.strictObject({ values: z.array(z.string().max(200)).max(1_000) }),
]);
const utility = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('additive'),
    weights: z.record(z.string().max(200), z.number()),
    values: z.record(z.string().max(200), valueFunction),
  }),
  z.strictObject({
    kind: z.literal('rectangles'),
    rectangles: z.array(z.strictObject({ value: z.number(), bounds: z.record(z.string().max(200), bound) })).max(5_000),
    scale: z.number(),
  }),
]);

/**
 * A party's preferences as a delegation states them. The shape is checked here; whether
 * they fit the domain (issues, values, ranges) is the protocol's check (`profileProblems`),
 * whose refusal names every problem.
 */
export const partySchema = z
  .strictObject({
    name,
    utility,
    reservation: z.number(),
    discount: z.number(),
    redLines: z.array(redLine).max(500),
    description: z.string().max(5_000).optional(),
  })
  .meta({ description: 'A profile in the form `GET …/view` gives a delegation as `self`.' });

const issueAnswer = z.discriminatedUnion('answer', [
  z.strictObject({ answer: z.literal('accept') }),
  z.strictObject({ answer: z.literal('reject') }),
  z.strictObject({ answer: z.literal('counter'), value }),
]);

export const actionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('offer'), actor, outcome }),
  z.strictObject({ kind: z.literal('accept'), actor, proposal: name }),
  z.strictObject({ kind: z.literal('reject'), actor, proposal: name, reason, position }),
  z.strictObject({ kind: z.literal('amend'), actor, proposal: name, amendments: outcome, position }),
  z.strictObject({ kind: z.literal('end'), actor, reason }),
  z.strictObject({ kind: z.literal('table'), actor, text: outcome, to: z.array(name).max(50), note: reason }),
  z.strictObject({ kind: z.literal('relay'), actor, to: name, message: text, about: name.optional(), binding }),
  z.strictObject({ kind: z.literal('adjourn'), actor, until: time, reason }),
  z.strictObject({ kind: z.literal('return'), actor }),
  z.strictObject({ kind: z.literal('ratify'), actor, proposal: name }),
  z.strictObject({ kind: z.literal('refuse-ratification'), actor, proposal: name, reason }),
  z.strictObject({ kind: z.literal('statement'), actor, text, binding, position }),
  z.strictObject({ kind: z.literal('settle'), actor, proposal: name, details: outcome }),
  z
    .strictObject({
      kind: z.literal('adjourn-talks'),
      actor,
      until: time,
      parties: z.array(name).max(50).optional(),
      reason,
    })
    .meta({
      description: 'A mediator adjourns the talks for the parties it names (its channels if none) until a return time.',
    }),
  z.strictObject({ kind: z.literal('hold'), actor, reason }).meta({
    description:
      'A mediator tables no new text this round (only when no text awaits an answer); the round passes and everyone hears it.',
  }),
  z
    .strictObject({
      kind: z.literal('respond'),
      actor,
      proposal: name,
      issues: z.record(z.string().max(200), issueAnswer),
      reason,
    })
    .meta({
      description: 'An answer issue by issue: accept, reject or counter (with a value) every issue of the text.',
    }),
  z
    .strictObject({ kind: z.literal('caucus'), actor, with: name, message: text, binding })
    .meta({ description: 'A private word between one mediator and one party; `with` names the other side.' }),
  z
    .strictObject({ kind: z.literal('note'), actor, text, about: name.optional() })
    .meta({ description: "A private note only the author's seat sees." }),
  z
    .strictObject({
      kind: z.literal('mandate'),
      actor,
      instructions: text,
      limits: z.record(z.string().max(200), z.array(value).max(1_000)).optional(),
    })
    .meta({ description: 'A decision body instructs its delegation (its own side only sees it).' }),
  z
    .strictObject({
      kind: z.literal('share-preferences'),
      actor,
      preferences: partySchema,
      to: z.enum(['mediators', 'self']).optional(),
    })
    .meta({
      description:
        'A delegation states its preferences: to the mediators (the default), or to its own seat only (`to: "self"`), which then uses them for its own analysis.',
    }),
  z.strictObject({ kind: z.literal('close'), actor, reason: text.min(1) }).meta({
    description:
      'The convenor closes the talks, saying why (every seat is told): they end without agreement, and a package still awaiting ratification lapses. Only the convenor may close.',
  }),
]);

export type ActionBody = z.infer<typeof actionSchema>;

// ---- Drift checks: compile errors, never run. ----

type SeatAction = Exclude<Action, { kind: 'tick' }>;
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** Every kind a seat may send has a schema, and no schema is for a kind the protocols lack. */
export type EveryKindHasASchema = Assert<Equal<ActionBody['kind'], Exclude<ActionKind, 'tick'>>>;

/** Per kind: the same fields, and whatever a schema accepts (with the actor set) is that action. */
type FieldsMatch = {
  [K in SeatAction['kind']]: Equal<keyof Extract<ActionBody, { kind: K }>, keyof Extract<SeatAction, { kind: K }>>;
};
type Accepts = {
  [K in SeatAction['kind']]: Extract<ActionBody, { kind: K }> & { actor: string } extends Extract<
    SeatAction,
    { kind: K }
  >
    ? true
    : false;
};
export type SameFieldsPerKind = Assert<FieldsMatch[SeatAction['kind']]>;
export type SchemasAcceptOnlyActions = Assert<Accepts[SeatAction['kind']]>;
export type PartySchemaIsAParty = Assert<z.infer<typeof partySchema> extends Party ? true : false>;
