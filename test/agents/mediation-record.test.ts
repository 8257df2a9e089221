import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import type { Outcome } from '../../src/core/domain.js';
import { contestedIssues, hillClimbPolicy, MediationRecord, relayMessage } from '../../src/agents/index.js';
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
  extra: { amendments?: Outcome; reason?: string } = {},
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

describe('what a mediator learns from the answers', () => {
  it('revises the issue a rejection names and keeps what was accepted', () => {
    const events = [
      tabled('text-1', text),
      answer('text-1', 'A', 'reject', { reason: "The text crosses A's red line on i1." }),
      answer('text-1', 'B', 'accept'),
    ];
    const record = new MediationRecord(domain);
    const view = mediatorView(events);
    record.sync(view);
    const next = hillClimbPolicy('central').next(view, record, new Random(1)).text;
    expect(next.i1).not.toBe('v2');
    expect(next.i0).toBe('v2');
    expect(next.i2).toBe('v2');
  });

  it('takes in an amendment only one side asked for, and meets in the middle where both pull', () => {
    const events = [
      tabled('text-1', text),
      answer('text-1', 'A', 'amend', { amendments: { i0: 'v4', i1: 'v0' } }),
      answer('text-1', 'B', 'amend', { amendments: { i0: 'v0' } }),
    ];
    const record = new MediationRecord(domain);
    const view = mediatorView(events);
    record.sync(view);
    const next = hillClimbPolicy('central').next(view, record, new Random(1)).text;
    expect(next).toEqual({ i0: 'v2', i1: 'v0', i2: 'v2' });
    expect(contestedIssues(view, record)).toEqual(['i0']);
  });

  it('does not call an issue contested when only one side raised it', () => {
    const events = [
      tabled('text-1', text),
      answer('text-1', 'A', 'amend', { amendments: { i1: 'v0' } }),
      answer('text-1', 'B', 'accept'),
    ];
    const record = new MediationRecord(domain);
    record.sync(mediatorView(events));
    expect(contestedIssues(mediatorView(events), record)).toEqual([]);
  });

  it('relays an answer in its own neutral words', () => {
    expect(
      relayMessage(domain, 'pkg-2', { party: 'A', answer: 'reject', reason: 'They are lying about i2 again!' }),
    ).toBe('A does not accept pkg-2; its objection concerns i2.');
    expect(relayMessage(domain, 'pkg-2', { party: 'B', answer: 'amend', amendments: { i0: 'v1' } })).toBe(
      'B asks for changes to pkg-2: i0: v1.',
    );
  });
});
