import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import type { Outcome } from '../../src/core/domain.js';
import {
  contestedIssues,
  hillClimbPolicy,
  MediationRecord,
  PartyModels,
  relayMessage,
} from '../../src/agents/index.js';
import type { Position } from '../../src/protocols/position.js';
import { gridDomain, viewFor } from './support/fixtures.js';

const domain = gridDomain(3, 5);
const text = { i0: 'v2', i1: 'v2', i2: 'v2' };
let seq = 0;
const tabled = (proposal: string, t: Record<string, string>): ProtocolEvent => ({
  kind: 'text-tabled',
  seq: ++seq,
  at: 0,
  audience: { kind: 'all' },
  actor: 'M',
  proposal,
  text: t,
});
const answer = (
  proposal: string,
  party: string,
  a: 'accept' | 'reject' | 'amend',
  extra: { amendments?: Outcome; reason?: string; position?: Position } = {},
): ProtocolEvent => ({
  kind: 'text-response',
  seq: ++seq,
  at: 0,
  audience: { kind: 'mediators' },
  actor: party,
  party,
  proposal,
  answer: a,
  ...extra,
});
const mediatorView = (events: ProtocolEvent[]) =>
  viewFor(domain, undefined, { role: 'M', may: ['table'] }, events, { kind: 'mediator' });

const draftAfter = (events: ProtocolEvent[]) => {
  const view = mediatorView(events);
  const record = new MediationRecord(domain);
  record.sync(view);
  const models = new PartyModels(domain);
  models.sync(view);
  return { models, next: hillClimbPolicy('central').next({ view, record, models, random: new Random(1) }) };
};

describe('what a mediator learns from the answers', () => {
  it('revises the issue a rejection names and keeps what was accepted', () => {
    const { next } = draftAfter([
      tabled('text-1', text),
      answer('text-1', 'A', 'reject', { position: { issues: ['i1'], asks: { i1: 'v0' } } }),
      answer('text-1', 'B', 'accept'),
    ]);
    expect(next.text.i1).not.toBe('v2');
    expect(next.text.i0).toBe('v2');
    expect(next.text.i2).toBe('v2');
  });

  it('takes in an amendment only one side asked for', () => {
    const { next, models } = draftAfter([
      tabled('text-1', text),
      answer('text-1', 'A', 'amend', { amendments: { i0: 'v4', i1: 'v0' } }),
      answer('text-1', 'B', 'amend', { amendments: { i0: 'v0' } }),
    ]);
    expect(next.text.i1).toBe('v0');
    expect(contestedIssues(models)).toEqual(['i0']);
  });

  it('does not call an issue contested when only one side raised it', () => {
    const { models } = draftAfter([
      tabled('text-1', text),
      answer('text-1', 'A', 'amend', { amendments: { i1: 'v0' } }),
      answer('text-1', 'B', 'accept'),
    ]);
    expect(contestedIssues(models)).toEqual([]);
  });

  it('relays an answer in its own neutral words, from the structured fields and never the wording', () => {
    expect(
      relayMessage(domain, 'pkg-2', {
        party: 'A',
        answer: 'reject',
        reason: 'They are lying about i2 again!',
        position: { issues: ['i1'] },
      }),
    ).toBe('A does not accept pkg-2; its objection concerns i1.');
    expect(relayMessage(domain, 'pkg-2', { party: 'B', answer: 'amend', amendments: { i0: 'v1' } })).toBe(
      'B asks for changes to pkg-2: i0: v1.',
    );
  });
});
