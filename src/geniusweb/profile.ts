import { geniusWebDomainJson, geniusWebProfileJson } from '../formats/geniusweb/index.js';
import type { JsonObject } from '../formats/json-read.js';
import type { LiveSession } from '../host/live-session.js';

/** The party's profile of a seat, in GeniusWeb JSON (`{"LinearAdditiveUtilitySpace": {...}}`). */
export function seatProfileJson(live: LiveSession, role: string): JsonObject {
  const { scenario } = live.plan;
  const seat = live.plan.seats.find((s) => s.role === role);
  const party = scenario.parties.find((p) => p.name === seat?.party);
  if (!party) throw new Error(`unreachable: ${role} was checked to be a party's seat`);
  const name = scenario.name.split('/').pop() || scenario.domain.name;
  return geniusWebProfileJson(party, scenario.domain, geniusWebDomainJson(scenario.domain, name));
}
