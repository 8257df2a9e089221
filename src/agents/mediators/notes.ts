import type { Outcome } from '../../core/domain.js';
import { crossesRedLine } from '../../core/party.js';
import type { ForcedCrossing } from './drafting.js';
import type { PartyModels } from './party-model.js';

export interface NoteFacts {
  readonly text: Outcome;
  readonly forced: readonly ForcedCrossing[];
  /** The turned-down text this one repeats on its objected issues, and what changed since. */
  readonly repeat?: { readonly proposal: string; readonly changes: readonly string[] };
  /** Issues set to the scenario's declared deferral value. */
  readonly deferred: readonly { readonly issue: string; readonly value: string }[];
  /** Every allowed text repeats a turned-down one: the one this text repeats, nothing having changed. */
  readonly unchanged?: string;
  /** Drawn to learn the parties' red lines and asks, not the best text by the mediator's estimates. */
  readonly exploratory?: boolean;
}

const list = (xs: readonly string[]) => xs.join(', ');

/** Which stated red lines the text respects and which asks it meets, party by party. */
function answered(models: PartyModels, text: Outcome): { respects: string[]; meets: string[]; leaves: string[] } {
  const respects: string[] = [];
  const meets: string[] = [];
  const leaves: string[] = [];
  for (const k of models.parties.values()) {
    const kept = [...k.redLines.values()].filter((l) => !crossesRedLine(l, text)).map((l) => l.id);
    if (kept.length) respects.push(`${k.party} (${list(kept)})`);
    const asks = Object.entries(k.lastAsks);
    const met = asks.filter(([issue, v]) => String(text[issue]) === String(v)).map(([issue]) => issue);
    const open = asks.filter(([issue, v]) => String(text[issue]) !== String(v));
    if (met.length) meets.push(`${k.party}'s asks on ${list(met)}`);
    if (open.length) leaves.push(`${k.party}'s asks on ${list(open.map(([i, v]) => `${i} (${String(v)})`))}`);
  }
  return { respects, meets, leaves };
}

/**
 * The note a mediator tables with a text, true to what it knows: the stated red lines the
 * text respects (or the fewest it crosses when none avoids them all, and that it does), the
 * asks it meets and those it leaves open, what changed if it repeats a turned-down text, and
 * the issues it defers, only where the scenario declares a deferral value.
 */
export function composeNote(models: PartyModels, facts: NoteFacts): string {
  const parts: string[] = [];
  const { respects, meets, leaves } = answered(models, facts.text);
  if (respects.length === 0 && meets.length === 0 && leaves.length === 0 && models.turnedDown.length === 0)
    parts.push('Opening text for comment.');
  for (const f of facts.forced) {
    const crossed = f.lines.filter((c) => crossesRedLine(c.line, facts.text)).map((c) => `${c.party}'s ${c.line.id}`);
    parts.push(`No text avoids every red line stated on ${f.issue}; this one crosses the fewest: ${list(crossed)}.`);
  }
  if (respects.length) parts.push(`It respects the red lines stated by ${list(respects)}.`);
  if (meets.length) parts.push(`It meets ${meets.join('; ')}.`);
  if (leaves.length) parts.push(`It leaves open ${leaves.join('; ')}.`);
  if (facts.repeat)
    parts.push(
      `It returns to ${facts.repeat.proposal} on the issues objected to, since then: ${facts.repeat.changes.join('; ')}.`,
    );
  if (facts.unchanged)
    parts.push(
      `Every text within the stated red lines repeats a turned-down one on the issues objected to; this one repeats ${facts.unchanged} there, and nothing has changed since.`,
    );
  if (facts.exploratory)
    parts.push(
      `An exploratory text, ${facts.forced.length ? 'crossing no more stated red lines than it must' : 'within every red line stated so far'}: the mediator asks where the parties stand and keeps the texts it rates best for the last rounds.`,
    );
  for (const d of facts.deferred)
    parts.push(
      `${d.issue} is deferred: the text holds "${d.value}", the value the scenario declares for a later phase.`,
    );
  return parts.join(' ');
}
