import type { Domain } from '../../src/core/domain.js';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import {
  contestedIssues,
  hillClimbPolicy,
  MediationRecord,
  PartyModels,
  relayMessage,
} from '../../src/agents/index.js';
import { gridDomain, responseEvent, statementEvent, tabledEvent, viewFor } from './support/fixtures.js';

const domain = gridDomain(3, 5);
const text = { i0: 'v2', i1: 'v2', i2: 'v2' };
const tabled = tabledEvent;
const answer = responseEvent;
/** In the last rounds, when a mediator tables the best text by its estimates (earlier ones explore). */
const mediatorView = (events: ProtocolEvent[]) =>
  viewFor(domain, undefined, { role: 'M', may: ['table'] }, events, {
    kind: 'mediator',
    round: 54,
    deadline: { rounds: 60 },
    progress: 0.9,
  });

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

  it('keeps an issue contested once both sides, having pulled it apart, ask for its declared deferral value', () => {
    const phased: Domain = {
      name: 'phased',
      issues: [
        { kind: 'discrete', name: 'ceasefire', values: ['temporary', 'permanent', 'deferred'], deferral: 'deferred' },
        { kind: 'discrete', name: 'aid', values: ['low', 'high'] },
      ],
      phases: [],
    };
    const models = new PartyModels(phased);
    const sync = (events: ProtocolEvent[]) =>
      models.sync(viewFor(phased, undefined, { role: 'M', may: [] }, events, { kind: 'mediator' }));
    const pulled: ProtocolEvent[] = [
      tabled('text-1', { ceasefire: 'temporary', aid: 'low' }),
      answer('text-1', 'A', 'amend', { amendments: { ceasefire: 'permanent' } }),
      answer('text-1', 'B', 'reject', { position: { asks: { ceasefire: 'temporary' } } }),
    ];
    sync(pulled);
    expect(contestedIssues(models)).toEqual(['ceasefire']);
    const deferredByBoth = [
      ...pulled,
      statementEvent('A', { asks: { ceasefire: 'deferred' } }),
      statementEvent('B', { asks: { ceasefire: 'deferred' } }),
    ];
    sync(deferredByBoth);
    expect(contestedIssues(models)).toEqual(['ceasefire']);
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
