import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAcceptable, redLinesCrossed, valueAt, issueSize, type Outcome, type Party, type Scenario, type Value } from '../../src/core/index.js';
import { readScenarioFile } from '../../src/formats/scenario/index.js';

const SCENARIO = new URL('../../scenarios/cairo-2024.yaml', import.meta.url).pathname;
/** The two reports the scenario is built from, shipped beside it (copies of the seed files). */
const SEEDS = new URL('../../scenarios/seeds', import.meta.url).pathname;
const BLOCKING = ['end-of-war', 'withdrawal', 'rafah-operation'];

/** Whitespace and the typographic form of quotation marks are the only liberties allowed. */
const normalise = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

function allOutcomes(s: Scenario): Outcome[] {
  let outcomes: Record<string, Value>[] = [{}];
  for (const issue of s.domain.issues) {
    const next: Record<string, Value>[] = [];
    for (const o of outcomes) for (let i = 0; i < issueSize(issue); i++) next.push({ ...o, [issue.name]: valueAt(issue, i) });
    outcomes = next;
  }
  return outcomes;
}

function withoutRedLinesOn(party: Party, issues: readonly string[]): Party {
  return { ...party, redLines: party.redLines.filter((l) => !issues.includes(l.issue)) };
}

function party(s: Scenario, name: string): Party {
  return s.parties.find((p) => p.name === name)!;
}

/** Text written for the scenario (not quoted from the reports). */
function ownText(s: Scenario): string[] {
  return [
    s.title,
    s.description,
    s.origin,
    ...s.domain.issues.map((i) => i.description),
    ...s.domain.phases.map((p) => p.description),
    ...s.parties.flatMap((p) => [p.description, ...p.redLines.map((l) => l.description)]),
    ...s.positions.map((p) => p.text),
    ...s.timeline.flatMap((e) => [e.title, e.description]),
    ...s.notes.map((n) => n.reason),
    ...s.roles.delegations.map((d) => d.location),
  ].filter((t): t is string => typeof t === 'string');
}

const FORBIDDEN = [
  'extreme', 'extremist', 'terrorist', 'terror', 'brutal', 'barbaric', 'savage', 'heinous', 'cruel', 'ruthless',
  'aggressive', 'aggression', 'heroic', 'martyr', 'intransigent', 'stubborn', 'obstinate', 'hardline', 'hard-line',
  'radical', 'moderate', 'reasonable', 'unreasonable', 'legitimate', 'illegitimate', 'genocidal', 'massacre',
  'evil', 'innocent', 'righteous', 'militant', 'rogue', 'generous', 'maximalist', 'hysteria', 'hysterical',
  'entrenched', 'fair', 'unfair', 'just', 'unjust', 'good', 'bad', 'sabotage', 'sabotaging', 'crucial',
];

describe('the cairo-2024 scenario', () => {
  const s = readScenarioFile(SCENARIO);

  it('loads with two parties, three mediators and a phased domain', () => {
    expect(s.parties.map((p) => p.name)).toEqual(['Israel', 'Hamas']);
    expect(s.roles.mediators.map((m) => m.name)).toEqual(['Egypt', 'Qatar', 'United States']);
    expect(s.domain.phases.map((p) => p.name)).toEqual(['first-phase', 'later-phases']);
    expect(s.roles.delegations.find((d) => d.party === 'Israel')?.present).toBe(false);
    expect(s.roles.delegations.find((d) => d.party === 'Hamas')?.present).toBe(true);
  });

  it('names each report by outlet and headline, and every report is a seed file', () => {
    expect(s.reports.map((r) => r.file).sort()).toEqual(['000_3bca4a51c52861e2.txt', '003_f536c0198adb16fb.txt']);
    for (const r of s.reports) {
      expect(r.outlet.length).toBeGreaterThan(0);
      expect(normalise(readFileSync(join(SEEDS, r.file), 'utf8'))).toContain(normalise(r.headline));
    }
  });

  it('quotes every source verbatim from an existing seed report', () => {
    const sources = s.notes.filter((n) => n.source).map((n) => n.source!);
    expect(sources.length).toBeGreaterThan(30);
    for (const src of sources) {
      const path = join(SEEDS, src.file);
      expect(existsSync(path), `${src.file} exists`).toBe(true);
      expect(normalise(readFileSync(path, 'utf8')), `quote from ${src.file}`).toContain(normalise(src.quote));
    }
  });

  it('marks every weight, utility, reservation, discount and effect size as sourced or assumed', () => {
    const noted = (path: string) => s.notes.some((n) => n.path === path && (n.assumed === true || n.source !== undefined));
    for (const p of s.parties) {
      const base = `parties.${p.name}`;
      const blockAssumed = s.notes.some((n) => n.path === `${base}.preferences` && n.assumed && n.reason);
      if (p.utility.kind !== 'additive') throw new Error('expected additive preferences');
      for (const [issue, fn] of Object.entries(p.utility.values)) {
        expect(blockAssumed || noted(`${base}.weights.${issue}`), `${base}.weights.${issue}`).toBe(true);
        if (fn.kind === 'table') for (const v of Object.keys(fn.utilities)) expect(blockAssumed || noted(`${base}.values.${issue}.${v}`)).toBe(true);
      }
      expect(noted(`${base}.reservation`)).toBe(true);
      expect(noted(`${base}.discount`)).toBe(true);
    }
    for (const e of s.timeline) {
      expect(noted(`timeline.${e.id}.at`), `timeline.${e.id}.at`).toBe(true);
      expect(e.source, `source of ${e.id}`).toBeDefined();
      e.effects.forEach((f, i) => {
        const key = f.kind === 'weight' ? 'factor' : f.kind === 'reservation' || f.kind === 'deadline' ? 'delta' : undefined;
        if (key) expect(noted(`timeline.${e.id}.effects.${i}.${key}`), `timeline.${e.id}.effects.${i}`).toBe(true);
      });
    }
    for (const n of s.notes.filter((n) => n.assumed)) expect(n.reason?.trim().length, n.path).toBeGreaterThan(10);
  });

  it('models both parties in the same form', () => {
    const [israel, hamas] = [party(s, 'Israel'), party(s, 'Hamas')];
    const weighted = (p: Party) => (p.utility.kind === 'additive' ? Object.keys(p.utility.weights).sort() : []);
    expect(weighted(israel)).toEqual(weighted(hamas));
    expect(weighted(israel)).toEqual(s.domain.issues.map((i) => i.name).sort());
    const kinds = (p: Party) => p.redLines.map((l) => `${l.issue}:${l.allowed ? 'allowed' : 'range'}:${l.source ? 'sourced' : 'unsourced'}`).sort();
    expect(kinds(israel)).toEqual(kinds(hamas));
    expect(israel.reservation).toBe(hamas.reservation);
    expect(israel.discount).toBe(hamas.discount);
    for (const name of ['Israel', 'Hamas']) {
      expect(s.positions.filter((p) => p.party === name && p.public).length).toBeGreaterThan(2);
      expect(s.roles.decisionBodies.filter((b) => b.party === name)).toHaveLength(1);
      expect(s.roles.delegations.filter((d) => d.party === name)).toHaveLength(1);
    }
  });

  it('has an outcome space small enough to enumerate', () => {
    expect(allOutcomes(s)).toHaveLength(648);
  });

  it('has no outcome that respects both parties\' red lines', () => {
    const both = allOutcomes(s).filter((o) => s.parties.every((p) => redLinesCrossed(p, o).length === 0));
    expect(both).toHaveLength(0);
    for (const p of s.parties) expect(allOutcomes(s).some((o) => redLinesCrossed(p, o).length === 0)).toBe(true);
  });

  it('opens packages acceptable to both once the red lines on the war\'s end, withdrawal and Rafah are dropped', () => {
    const relaxed = s.parties.map((p) => withoutRedLinesOn(p, BLOCKING));
    const open = allOutcomes(s).filter((o) => relaxed.every((p) => isAcceptable(p, o)));
    expect(open.length).toBeGreaterThan(0);
  });

  it('needs every one of the three blocking issues relaxed, and no other issue is blocked', () => {
    for (const keep of BLOCKING) {
      const relaxed = s.parties.map((p) => withoutRedLinesOn(p, BLOCKING.filter((b) => b !== keep)));
      expect(allOutcomes(s).some((o) => relaxed.every((p) => redLinesCrossed(p, o).length === 0)), keep).toBe(false);
    }
    const redLineIssues = new Set(s.parties.flatMap((p) => p.redLines.map((l) => l.issue)));
    expect([...redLineIssues].sort()).toEqual([...BLOCKING].sort());
  });

  it('uses no evaluative adjectives of its own', () => {
    for (const text of ownText(s)) {
      for (const word of FORBIDDEN) expect(new RegExp(`\\b${word}\\b`, 'i').test(text), `"${word}" in: ${text}`).toBe(false);
    }
  });
});
