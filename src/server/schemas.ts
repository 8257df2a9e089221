import { z } from 'zod';

import { actionSchema } from './action-schemas.js';

export { actionSchema, partySchema, type ActionBody } from './action-schemas.js';

const name = z.string().min(1).max(200);

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
