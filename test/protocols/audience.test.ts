import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audienceOf } from '../../src/protocols/audience.js';
import { deal, israel, rocketAttack, setup } from '../session/support/fixtures.js';

const I = 'Israel-delegation';

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('audienceOf', () => {
  const s = setup({ timeline: [rocketAttack] });

  it('sends a relay to its recipient and a package to its addressee', () => {
    expect(audienceOf({ kind: 'relayed', actor: 'Qatar', to: 'Hamas', message: 'm', binding: false }, s)).toEqual({
      kind: 'party',
      party: 'Hamas',
    });
    const tabled = { kind: 'package-tabled', actor: 'Egypt', party: 'Israel', proposal: 'pkg-1', text: deal } as const;
    expect(audienceOf({ ...tabled, byPhase: {} }, s)).toEqual({ kind: 'party', party: 'Israel' });
  });

  it('keeps answers among the mediators and consultations with the decision body', () => {
    const response = {
      kind: 'package-response',
      actor: I,
      party: 'Israel',
      proposal: 'pkg-1',
      answer: 'reject',
    } as const;
    expect(audienceOf(response, s)).toEqual({ kind: 'mediators' });
    expect(audienceOf({ kind: 'consultation', party: 'Israel', body: 'War-cabinet' }, s)).toEqual({
      kind: 'decision-body',
      body: 'War-cabinet',
    });
  });

  it('gives an outside event the audience its timeline entry names', () => {
    const fired = { kind: 'outside-event', id: rocketAttack.id, title: rocketAttack.title, effects: [] } as const;
    expect(audienceOf(fired, s)).toEqual(rocketAttack.audience);
    expect(() => audienceOf({ ...fired, id: 'no-such-event' }, s)).toThrow(/not on the timeline/);
  });

  it('shows a refused action to the actor\u2019s own side', () => {
    const refused = { kind: 'invalid-action', actor: 'Technical-team', action: 'settle', reason: 'no' } as const;
    expect(audienceOf(refused, s)).toEqual({ kind: 'working-group', group: 'Technical-team' });
  });

  it('narrows a caucus to its mediator and party, a mandate to the party\u2019s side, a note to its author', () => {
    const caucus = {
      kind: 'caucus',
      actor: 'Qatar',
      mediator: 'Qatar',
      party: 'Hamas',
      message: 'm',
      binding: false,
    } as const;
    expect(audienceOf(caucus, s)).toEqual({ kind: 'caucus', mediator: 'Qatar', party: 'Hamas' });
    const mandate = { kind: 'mandate', actor: 'War-cabinet', party: 'Israel', instructions: 'hold' } as const;
    expect(audienceOf(mandate, s)).toEqual({ kind: 'side', party: 'Israel' });
    expect(audienceOf({ kind: 'note', actor: 'Egypt', text: 't' }, s)).toEqual({ kind: 'seat', role: 'Egypt' });
  });

  it('tells shared preferences to the mediators and a mediator\u2019s adjournment to everyone', () => {
    const shared = { kind: 'preferences-shared', actor: I, party: 'Israel', preferences: israel } as const;
    expect(audienceOf(shared, s)).toEqual({ kind: 'mediators' });
    const adjourned = { kind: 'talks-adjourned', actor: 'Egypt', parties: ['Israel'], until: 5 } as const;
    expect(audienceOf(adjourned, s)).toEqual({ kind: 'all' });
  });

  it('is the only place in the protocols that names an audience', () => {
    const choosing = sourcesUnder('src/protocols').filter(
      (file) => !file.endsWith('audience.ts') && /audience: (?!(Event)?Audience\b)/.test(readFileSync(file, 'utf8')),
    );
    expect(choosing).toEqual([]);
  });
});
