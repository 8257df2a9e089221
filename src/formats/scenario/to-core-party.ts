import type { Party, RedLine } from '../../core/party.js';
import type { HyperRectangle, UtilityFunction, ValueFunction } from '../../core/utility.js';
import type { NoteCollector } from './notes.js';
import type { NumField } from './schema-parts.js';
import type { PreferencesFile, RedLineFile, ScenarioFile } from './schema.js';

type PartyFile = ScenarioFile['parties'][number];
type ValueFunctionFile = Extract<PreferencesFile, { weights: unknown }>['values'][string];

export function partyFromFile(party: PartyFile, notes: NoteCollector): Party {
  const base = `parties.${party.name}`;
  notes.mark(base, party);
  const out: { -readonly [K in keyof Party]: Party[K] } = {
    name: party.name,
    utility: utilityFromFile(party.preferences, base, notes),
    reservation: notes.optionalNum(`${base}.reservation`, party.reservation) ?? 0,
    discount: notes.optionalNum(`${base}.discount`, party.discount) ?? 1,
    redLines: (party.redLines ?? []).map((l) => redLineFromFile(l, `${base}.redLines.${l.id}`, notes)),
  };
  if (party.description !== undefined) out.description = party.description;
  return out;
}

function utilityFromFile(prefs: PreferencesFile, base: string, notes: NoteCollector): UtilityFunction {
  notes.mark(`${base}.preferences`, prefs);
  if (prefs.kind === 'rectangles') {
    const rectangles: HyperRectangle[] = prefs.rectangles.map((r, i) => ({
      value: notes.num(`${base}.rectangles.${i}.value`, r.value),
      bounds: Object.fromEntries(
        Object.entries(r.bounds).map(([issue, b]) => [
          issue,
          'values' in b
            ? { values: [...b.values] }
            : {
                min: notes.num(`${base}.rectangles.${i}.bounds.${issue}.min`, b.min),
                max: notes.num(`${base}.rectangles.${i}.bounds.${issue}.max`, b.max),
              },
        ]),
      ),
    }));
    return { kind: 'rectangles', rectangles, scale: notes.num(`${base}.scale`, prefs.scale) };
  }
  const raw = Object.entries(prefs.weights).map(
    ([issue, w]) => [issue, notes.num(`${base}.weights.${issue}`, w)] as const,
  );
  const total = raw.reduce((sum, [, w]) => sum + w, 0);
  const largest = raw.reduce((m, [, w]) => Math.max(m, w), 0);
  const scaledTotal = raw.reduce((sum, [, w]) => sum + w / largest, 0);
  // Weights are kept as written when they already sum to 1, so a round trip is exact; weights
  // near the largest number sum to infinity, and are then scaled by the largest first.
  const share = (w: number) =>
    Math.abs(total - 1) < 1e-9 ? w : Number.isFinite(total) ? w / total : w / largest / scaledTotal;
  const weights = Object.fromEntries(raw.map(([issue, w]) => [issue, share(w)]));
  const values = Object.fromEntries(
    Object.entries(prefs.values).map(([issue, fn]) => [
      issue,
      valueFunctionFromFile(fn, `${base}.values.${issue}`, notes),
    ]),
  );
  return { kind: 'additive', weights, values };
}

function valueFunctionFromFile(fn: ValueFunctionFile, path: string, notes: NoteCollector): ValueFunction {
  if ('linear' in fn && isLinear(fn.linear)) {
    return {
      kind: 'linear',
      slope: notes.num(`${path}.slope`, fn.linear.slope),
      offset: notes.num(`${path}.offset`, fn.linear.offset),
    };
  }
  if ('piecewise' in fn && Array.isArray(fn.piecewise)) {
    const points = fn.piecewise.map(
      ([x, u], i) => [notes.num(`${path}.points.${i}.x`, x), notes.num(`${path}.points.${i}.u`, u)] as const,
    );
    return { kind: 'piecewise', points: [...points].sort((a, b) => a[0] - b[0]) };
  }
  const table = fn as Record<string, NumField>;
  return {
    kind: 'table',
    utilities: Object.fromEntries(Object.entries(table).map(([v, u]) => [v, notes.num(`${path}.${v}`, u)])),
  };
}

function isLinear(x: unknown): x is { slope: NumField; offset: NumField } {
  return typeof x === 'object' && x !== null && 'slope' in x && 'offset' in x;
}

export function redLineFromFile(line: RedLineFile, path: string, notes: NoteCollector): RedLine {
  notes.mark(path, line);
  const out: { -readonly [K in keyof RedLine]: RedLine[K] } = { id: line.id, issue: line.issue };
  if (line.allowed !== undefined) out.allowed = [...line.allowed];
  const min = notes.optionalNum(`${path}.min`, line.min);
  const max = notes.optionalNum(`${path}.max`, line.max);
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  if (line.description !== undefined) out.description = line.description;
  if (line.source !== undefined) out.source = { file: line.source.file, quote: line.source.quote };
  return out;
}
