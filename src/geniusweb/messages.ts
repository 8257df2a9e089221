import { z } from 'zod';
import type { Outcome } from '../core/domain.js';
import type { Value } from '../core/issue.js';

/**
 * GeniusWeb's JSON-over-WebSocket messages, as a party and its protocol exchange them:
 * every object is wrapped in its class name (`{"Offer": {...}}`), bids are
 * `{"issuevalues": {...}}` (discrete values as strings, numbers as numbers), parties
 * are named by a `PartyId` string, and times are milliseconds since 1970.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type GeniusWebBid = { readonly issuevalues: Readonly<Record<string, Value>> };

/** How far the session has gone: rounds (with a wall-clock end) or wall time. */
export type GeniusWebProgress =
  | { readonly ProgressRounds: { readonly duration: number; readonly currentRound: number; readonly endtime: number } }
  | { readonly ProgressTime: { readonly duration: number; readonly start: number } };

/** What a party sends back in SAOP. */
export type PartyAction =
  | { readonly kind: 'Offer'; readonly actor: string; readonly bid: Outcome }
  | { readonly kind: 'Accept'; readonly actor: string; readonly bid: Outcome }
  | { readonly kind: 'EndNegotiation'; readonly actor: string };

export function bidOf(outcome: Outcome): GeniusWebBid {
  return { issuevalues: { ...outcome } };
}

export function settingsMessage(settings: {
  readonly id: string;
  readonly profile: string;
  readonly progress: GeniusWebProgress;
  readonly parameters: Readonly<Record<string, Json>>;
}): Json {
  return {
    Settings: {
      id: settings.id,
      profile: settings.profile,
      protocol: 'SAOP',
      progress: settings.progress as unknown as Json,
      parameters: { ...settings.parameters },
    },
  };
}

export const YOUR_TURN: Json = { YourTurn: {} };

/** An action of any party, as GeniusWeb wraps it (`ActionDone`) or as a party sends it. */
export function actionJson(action: PartyAction): Json {
  if (action.kind === 'EndNegotiation') return { EndNegotiation: { actor: action.actor } };
  return { [action.kind]: { actor: action.actor, bid: bidOf(action.bid) } };
}

export function actionDoneMessage(action: PartyAction): Json {
  return { ActionDone: { action: actionJson(action) } };
}

/** The end: every party's agreed bid by party id (none when there is no agreement). */
export function finishedMessage(agreements: Readonly<Record<string, Outcome>>): Json {
  const bids: Record<string, Json> = {};
  for (const [party, outcome] of Object.entries(agreements)) bids[party] = bidOf(outcome) as unknown as Json;
  return { Finished: { agreements: bids } };
}

const bidSchema = z.strictObject({
  issuevalues: z.record(z.string().max(500), z.union([z.string().max(2_000), z.number()])),
});
const actorSchema = z.string().min(1).max(200);
const partyActionSchema = z.union([
  z.strictObject({ Offer: z.strictObject({ actor: actorSchema, bid: bidSchema }) }),
  z.strictObject({ Accept: z.strictObject({ actor: actorSchema, bid: bidSchema }) }),
  z.strictObject({ EndNegotiation: z.strictObject({ actor: actorSchema }) }),
]);

/** A party's message read as a SAOP action, or why it is none. */
export function parsePartyAction(raw: string): PartyAction | { readonly error: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { error: `not JSON: ${clip(raw)}` };
  }
  const parsed = partyActionSchema.safeParse(data);
  if (!parsed.success) {
    const name = data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data)[0] : undefined;
    const what = name ? `a "${clip(name)}" message` : 'a message';
    return {
      error: `${what} that is no SAOP action (Offer, Accept or EndNegotiation with their fields): ${clip(raw)}`,
    };
  }
  const m = parsed.data;
  if ('Offer' in m) return { kind: 'Offer', actor: m.Offer.actor, bid: m.Offer.bid.issuevalues };
  if ('Accept' in m) return { kind: 'Accept', actor: m.Accept.actor, bid: m.Accept.bid.issuevalues };
  return { kind: 'EndNegotiation', actor: m.EndNegotiation.actor };
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * GeniusWeb party ids are a letter then letters, digits or underscores. A role becomes
 * one by replacing every other character with `_` (and a leading `P` where it starts
 * otherwise); the ids of a session stay distinct by a numeric suffix.
 */
export function partyIds(roles: readonly string[]): ReadonlyMap<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const role of roles) {
    let base = role.replace(/\W/g, '_');
    if (!/^[A-Za-z]/.test(base)) base = `P${base}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    ids.set(role, id);
  }
  return ids;
}
