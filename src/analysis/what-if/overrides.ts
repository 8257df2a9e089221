import { ParleyError } from '../../core/errors.js';
import type { Party, RedLine } from '../../core/party.js';
import type { Scenario } from '../../core/scenario.js';
import { withEffects } from '../../core/timeline.js';

/**
 * What-if changes to a scenario given on the command line, without editing its file:
 *
 * - `parties.<party>.redLines.<id>=off`: drop a red line;
 * - `parties.<party>.redLines.<id>={"issue":"…","allowed":[…]}` (or `"min"`/`"max"`): add or replace one;
 * - `parties.<party>.reservation=<0..1>`: a new walk-away value;
 * - `parties.<party>.weights.<issue>=<number ≥ 0>`: a new weight, the others rescaled so all sum to 1.
 */
export function applyOverrides(scenario: Scenario, sets: readonly string[]): Scenario {
  let parties = [...scenario.parties];
  for (const set of sets) {
    const { path, value } = splitSet(set);
    const [root, partyName, field, ...rest] = path.split('.');
    const index = parties.findIndex((p) => p.name === partyName);
    if (root !== 'parties' || index < 0 || field === undefined)
      throw usage(set, `parties.<party>.… with a party of ${parties.map((p) => p.name).join(', ')}`);
    const key = rest.join('.');
    parties[index] = applyOne(parties[index]!, field, key, value, set, scenario);
  }
  return { ...scenario, parties };
}

function applyOne(party: Party, field: string, key: string, value: string, set: string, scenario: Scenario): Party {
  switch (field) {
    case 'redLines':
      return redLineOverride(party, key, value, set, scenario);
    case 'reservation': {
      const n = Number(value);
      if (key !== '' || value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
        throw usage(set, 'parties.<party>.reservation=<a number from 0 to 1>');
      return { ...party, reservation: n };
    }
    case 'weights':
      return weightOverride(party, key, value, set, scenario);
    default:
      throw usage(set, 'parties.<party>.redLines.<id>, parties.<party>.reservation or parties.<party>.weights.<issue>');
  }
}

function redLineOverride(party: Party, id: string, value: string, set: string, scenario: Scenario): Party {
  if (id === '') throw usage(set, 'parties.<party>.redLines.<id>=off or =<JSON red line>');
  if (value === 'off') {
    if (!party.redLines.some((l) => l.id === id))
      throw usage(
        set,
        `one of ${party.name}'s red lines (${party.redLines.map((l) => l.id).join(', ') || 'it has none'})`,
      );
    return { ...party, redLines: party.redLines.filter((l) => l.id !== id) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    throw usage(set, 'off, or a red line as JSON such as {"issue":"aid-crossing","allowed":["open"]}');
  }
  const line = raw as Partial<RedLine>;
  const issue = scenario.domain.issues.find((i) => i.name === line.issue);
  if (
    typeof raw !== 'object' ||
    raw === null ||
    !issue ||
    (!line.allowed && line.min === undefined && line.max === undefined)
  )
    throw usage(
      set,
      `a red line as JSON with "issue" (one of ${scenario.domain.issues.map((i) => i.name).join(', ')}) and "allowed", "min" or "max"`,
    );
  const added: RedLine = { ...line, id, issue: issue.name };
  return { ...party, redLines: [...party.redLines.filter((l) => l.id !== id), added] };
}

function weightOverride(party: Party, issue: string, value: string, set: string, scenario: Scenario): Party {
  const n = Number(value);
  if (party.utility.kind !== 'additive') throw usage(set, `an additive party (${party.name}'s utility has no weights)`);
  if (!scenario.domain.issues.some((i) => i.name === issue) || value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw usage(
      set,
      `parties.${party.name}.weights.<issue>=<a number ≥ 0>, issue one of ${scenario.domain.issues.map((i) => i.name).join(', ')}`,
    );
  const others = Object.entries(party.utility.weights).filter(([k]) => k !== issue);
  const rest = others.reduce((a, [, w]) => a + w, 0);
  const target = Math.min(1, n);
  const weights: Record<string, number> = { [issue]: target };
  for (const [k, w] of others) weights[k] = rest > 0 ? (w / rest) * (1 - target) : (1 - target) / others.length;
  return { ...party, utility: { ...party.utility, weights } };
}

function splitSet(set: string): { path: string; value: string } {
  const eq = set.indexOf('=');
  if (eq <= 0) throw usage(set, 'path=value, e.g. parties.Israel.redLines.rafah-regardless=off');
  return { path: set.slice(0, eq).trim(), value: set.slice(eq + 1).trim() };
}

function usage(set: string, expected: string): ParleyError {
  return new ParleyError('PARLEY_E_USAGE', `--set "${set}" is not a change parley can make`, { expected });
}

/**
 * The scenario as it stands at `hour`: the effects of every timeline event due by then
 * applied to the parties (walk-away values, weights, red lines). Deadline effects belong
 * to the talks, not to the analysis.
 */
export function scenarioAt(scenario: Scenario, hour: number): Scenario {
  const due = scenario.timeline.filter((e) => e.at <= hour);
  const effects = due.flatMap((e) => e.effects);
  return { ...scenario, parties: scenario.parties.map((p) => withEffects(p, effects)) };
}

/** The timeline events `scenarioAt(hour)` applies, for the report to name them. */
export function eventsBy(scenario: Scenario, hour: number): string[] {
  return scenario.timeline.filter((e) => e.at <= hour).map((e) => `${e.id} (hour ${e.at})`);
}
