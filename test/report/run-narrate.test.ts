import { describe, expect, it } from 'vitest';
import { Narrator, packageText, timeUnit, who } from '../../src/report/run/narrate.js';
import { setup } from '../session/support/fixtures.js';
import { shuttleRatified } from './run-fixtures.js';

describe('the narration', () => {
  it('puts "the" before names of groups of people, and nowhere else', () => {
    expect(who('Hamas delegation')).toBe('the Hamas delegation');
    expect(who('War-cabinet')).toBe('the War-cabinet');
    expect(who('The council')).toBe('The council');
    expect(who('Egypt')).toBe('Egypt');
  });

  it('writes a package issue by issue', () => {
    expect(packageText({ ceasefire: 'pause', captives: 33 })).toBe('ceasefire pause, captives 33');
  });

  it('tells each event in a sentence, addressing packages to delegations and keeping consultations quiet', () => {
    const n = new Narrator(setup(), timeUnit(2));
    const at = { seq: 1, at: 4, audience: { kind: 'all' } } as const;
    const text = { ceasefire: 'pause', captives: 33 };
    expect(
      n.line({ ...at, kind: 'package-tabled', actor: 'Egypt', party: 'Hamas', proposal: 'pkg-1', text, byPhase: {} }),
    ).toBe('[hour 4] Egypt tabled package pkg-1 to the Hamas-delegation: ceasefire pause, captives 33.');
    expect(n.sentence({ ...at, kind: 'consultation', party: 'Israel', body: 'War-cabinet' })).toBeNull();
    expect(n.sentence({ ...at, kind: 'adjourned', actor: 'Israel-delegation', party: 'Israel', until: 12 })).toBe(
      'The Israel-delegation adjourned to consult the War-cabinet until hour 12.',
    );
    expect(
      n.sentence({
        ...at,
        kind: 'text-response',
        actor: 'Hamas-delegation',
        party: 'Hamas',
        proposal: 't',
        answer: 'reject',
        reason: 'No.',
      }),
    ).toBe('The Hamas-delegation REJECTED t: No.');
    expect(n.sentence({ ...at, kind: 'deadline', round: 3, now: 6 })).toBe(
      'The deadline is reached at hour 6 (round 3) without agreement.',
    );
  });

  it('tells a revised package once, however many parties it went to', () => {
    const n = new Narrator(setup());
    const revised = { seq: 1, at: 0, audience: { kind: 'party', party: 'Israel' } } as const;
    const e = {
      ...revised,
      kind: 'package-revised',
      party: 'Israel',
      proposal: 'pkg-1',
      text: { captives: 25 },
      by: 'T',
    } as const;
    expect(n.line(e)).toBe('[time 0] pkg-1 now reads: captives 25.');
    expect(n.line({ ...e, party: 'Hamas' })).toBeNull();
  });

  it('narrates a whole run with one line per event worth telling', () => {
    const run = shuttleRatified();
    const n = new Narrator(run.log.header.setup);
    const lines = run.log.events.map((e) => n.line(e)).filter((l) => l !== null);
    expect(lines[0]).toMatch(/^\[time 0\] Talks open \(shuttle\) between Israel, Hamas; deadline 10 rounds\.$/);
    expect(lines).toContain('[time 0] The War-cabinet REFUSED to ratify pkg-1: too early');
    expect(lines.at(-1)).toBe(
      '[time 1] AGREEMENT on pkg-2 in round 2: ceasefire pause, captives 33, withdrawal partial.',
    );
  });
});
