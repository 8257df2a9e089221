import { z } from 'zod';

const name = z.string().min(1).max(200);
const value = z.union([z.string().max(200), z.number()]);
const outcome = z.record(z.string().max(200), value);
const reason = z.string().max(2_000).optional();

/**
 * The actions a seat may send: the protocol's actions without the clock's tick. `actor`
 * may be left out (the seat acts as itself); naming another role is refused.
 */
export const actionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('offer'), actor: name.optional(), outcome }),
  z.strictObject({ kind: z.literal('accept'), actor: name.optional(), proposal: name }),
  z.strictObject({ kind: z.literal('reject'), actor: name.optional(), proposal: name, reason }),
  z.strictObject({ kind: z.literal('amend'), actor: name.optional(), proposal: name, amendments: outcome }),
  z.strictObject({ kind: z.literal('end'), actor: name.optional(), reason }),
  z.strictObject({
    kind: z.literal('table'),
    actor: name.optional(),
    text: outcome,
    to: z.array(name).max(50),
    note: z.string().max(2_000).optional(),
  }),
  z.strictObject({
    kind: z.literal('relay'),
    actor: name.optional(),
    to: name,
    message: z.string().max(2_000),
    about: name.optional(),
  }),
  z.strictObject({ kind: z.literal('adjourn'), actor: name.optional(), until: z.number().finite(), reason }),
  z.strictObject({ kind: z.literal('return'), actor: name.optional() }),
  z.strictObject({ kind: z.literal('ratify'), actor: name.optional(), proposal: name }),
  z.strictObject({ kind: z.literal('refuse-ratification'), actor: name.optional(), proposal: name, reason }),
  z.strictObject({ kind: z.literal('statement'), actor: name.optional(), text: z.string().max(2_000) }),
  z.strictObject({ kind: z.literal('settle'), actor: name.optional(), proposal: name, details: outcome }),
]);

export type ActionBody = z.infer<typeof actionSchema>;

export const actionRequestSchema = z.strictObject({
  actionId: z.string().min(1).max(100).meta({
    description: 'Chosen by the client; a retry with the same id returns the first answer and changes nothing.',
  }),
  action: actionSchema,
});

export const sessionParams = z.strictObject({ id: z.string().min(1).max(100) });
export const seatParams = z.strictObject({ id: z.string().min(1).max(100), role: name });
export const afterQuery = z.strictObject({
  after: z.coerce.number().int().min(-1).optional().meta({ description: 'Only events with a larger seq.' }),
});

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
