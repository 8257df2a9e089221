import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ParleyError } from '../core/errors.js';
import type { AgentSpec } from '../core/scenario.js';
import { geniusWebProblems } from '../formats/geniusweb/index.js';
import type { RunPlan } from '../session/plan.js';

const wsUrl = z
  .string()
  .max(2_000)
  .regex(/^wss?:\/\/[^\s]+$/, 'a ws:// or wss:// address');

/** A seat played by a GeniusWeb party that parley reaches over its WebSocket. */
export const geniusWebSeatSchema = z
  .strictObject({
    geniuswebParty: wsUrl.meta({ description: "The party's WebSocket address, e.g. ws://127.0.0.1:9000/party." }),
    parameters: z
      .record(z.string().max(100), z.unknown())
      .optional()
      .meta({ description: 'The `parameters` of the Settings message sent to the party.' }),
    turnSeconds: z
      .number()
      .positive()
      .max(86_400)
      .optional()
      .meta({ description: 'Real seconds the party may take per turn before its seat ends the talks (default 60).' }),
    profileServer: wsUrl.optional().meta({
      description:
        'Where the party reaches this server for its profile (default: ws:// and the Host of the request that seats it).',
    }),
  })
  .meta({ description: 'A GeniusWeb party (SAOP only), reached at its WebSocket address.' });

export type GeniusWebSeat = z.infer<typeof geniusWebSeatSchema>;

/** Whatever plays a seat the convenor assigns: a built-in bot or a GeniusWeb party. */
export type SeatPlayer = AgentSpec | GeniusWebSeat;

export const DEFAULT_TURN_SECONDS = 60;

export function isGeniusWebSeat(player: SeatPlayer | null | undefined): player is GeniusWebSeat {
  return typeof player === 'object' && player !== null && 'geniuswebParty' in player;
}

/** The seat's GeniusWeb party, with the profile server taken from the request where none is given. */
export function withProfileServer<P extends SeatPlayer>(player: P, request: FastifyRequest): P {
  if (!isGeniusWebSeat(player) || player.profileServer !== undefined) return player;
  const scheme = request.protocol === 'https' ? 'wss' : 'ws';
  return { ...player, profileServer: `${scheme}://${request.host}` };
}

/**
 * A GeniusWeb party may take a delegation's seat in a SAOP session whose party profile
 * GeniusWeb can state (a linear additive space, weights summing to 1, no discount).
 */
export function checkGeniusWebSeat(plan: RunPlan, role: string): void {
  if (plan.protocol !== 'saop')
    throw new ParleyError(
      'PARLEY_E_USAGE',
      `a GeniusWeb party plays only SAOP sessions; this one runs ${plan.protocol} (MOPAC, SHAOP and mediated talks are not supported)`,
    );
  const seat = plan.seats.find((s) => s.role === role);
  const party = plan.scenario.parties.find((p) => p.name === seat?.party);
  if (seat?.kind !== 'delegation' || !party)
    throw new ParleyError('PARLEY_E_USAGE', `"${role}" is not a party's seat; a GeniusWeb party plays a party`);
  const mark = `"${party.name}"`;
  const problems = geniusWebProblems({ ...plan.scenario, parties: [party] }).filter(
    (p) => p.includes(mark) && !p.startsWith('description'),
  );
  if (problems.length > 0)
    throw new ParleyError(
      'PARLEY_E_USAGE',
      `the profile of ${mark} cannot be given to a GeniusWeb party: ${problems.join('; ')}`,
    );
}
