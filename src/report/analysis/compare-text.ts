import type { Domain } from '../../core/domain.js';
import { ParleyError } from '../../core/errors.js';
import { isValueOf, type Value } from '../../core/issue.js';
import type { Scenario } from '../../core/scenario.js';
import type { PackageComparison } from '../../analysis/what-if/compare.js';
import { legalValues } from '../../formats/outcome.js';
import { formatUtility, outcomeText, plainTable, wrap } from './format.js';

/** A package given as JSON that may leave issues open; every value given must be legal. */
export function parsePartialOutcome(domain: Domain, text: string, source: string): Record<string, Value> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ParleyError('PARLEY_E_OUTCOME', `${source} is not valid JSON: ${(e as Error).message}`, {
      expected: 'an object such as {"issue": "value", …}',
    });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ParleyError('PARLEY_E_OUTCOME', `${source} must be a JSON object`, {
      expected: 'an object such as {"issue": "value", …}',
    });
  const out: Record<string, Value> = {};
  for (const [key, value] of Object.entries(raw)) {
    const issue = domain.issues.find((i) => i.name === key);
    if (!issue)
      throw new ParleyError('PARLEY_E_OUTCOME', `bad outcome: "${key}" is not an issue of the domain`, {
        expected: `only the issues ${domain.issues.map((i) => i.name).join(', ')}`,
      });
    const v = value as Value;
    if ((typeof v !== 'string' && typeof v !== 'number') || !isValueOf(issue, v))
      throw new ParleyError('PARLEY_E_OUTCOME', `bad outcome: "${String(v)}" is not a value of issue "${key}"`, {
        expected: `${key}: ${legalValues(issue)}`,
      });
    out[key] = v;
  }
  return out;
}

function standing(p: PackageComparison['parties'][number]): string {
  const u = p.worst === p.best ? formatUtility(p.best) : `${formatUtility(p.worst)}–${formatUtility(p.best)}`;
  const lines = p.redLinesCrossed.length ? `; crosses ${p.redLinesCrossed.map((l) => l.id).join(', ')}` : '';
  return `${u}${p.worst < p.reservation - 1e-9 ? ' (below walk-away)' : ''}${lines}`;
}

function zoneText(c: PackageComparison): string {
  if (!c.inZone) return 'too many completions to count';
  if (c.open.length === 0) return c.inZone.count === 1 ? 'yes' : 'no';
  return `${c.inZone.count} of ${c.inZone.of} completions`;
}

/** Packages side by side: each party's utility (worst–best over completions of a partial one), red lines, the zone. */
export function renderComparisonText(scenario: Scenario, comparisons: readonly PackageComparison[]): string {
  const heads = ['', ...comparisons.map((_, i) => `#${i + 1}`)];
  const rows = [
    ...scenario.parties.map((p, i) => [
      `${p.name} (walk-away ${formatUtility(p.reservation)})`,
      ...comparisons.map((c) => standing(c.parties[i]!)),
    ]),
    ['Issues left open', ...comparisons.map((c) => (c.open.length ? c.open.join(', ') : 'none'))],
    ['In the zone', ...comparisons.map(zoneText)],
  ];
  const table = plainTable(
    heads,
    rows,
    heads.map(() => 'left' as const),
  );
  const packages = comparisons.map((c, i) =>
    wrap(
      `#${i + 1}: ${Object.keys(c.outcome).length ? outcomeText(scenario.domain, c.outcome) : '(nothing fixed)'}`,
      100,
      '    ',
    ),
  );
  const note =
    'A partial package shows, for each party, its worst and best utility over every way of filling the open issues,\n' +
    'and how many of those completions every party accepts.';
  return `${packages.join('\n')}\n${table}\n${note}\n`;
}
