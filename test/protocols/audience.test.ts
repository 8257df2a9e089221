import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audienceOf } from '../../src/protocols/audience.js';
import { deal, rocketAttack, setup } from '../session/support/fixtures.js';

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
    expect(audienceOf({ kind: 'relayed', actor: 'Qatar', to: 'Hamas', message: 'm' }, s)).toEqual({
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

  it('is the only place in the protocols that names an audience', () => {
    const choosing = sourcesUnder('src/protocols').filter(
      (file) => !file.endsWith('audience.ts') && /audience: (?!Audience\b)/.test(readFileSync(file, 'utf8')),
    );
    expect(choosing).toEqual([]);
  });
});
