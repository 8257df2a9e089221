import { describe, expect, it } from 'vitest';
import { answersTo, issueResponsesTo } from '../../src/protocols/log-queries.js';
import { saop } from '../../src/protocols/saop.js';
import { seatOf } from '../../src/protocols/seats.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { singleText } from '../../src/protocols/single-text.js';
import type { Action, IssueAnswer } from '../../src/protocols/types.js';
import { filterEvents } from '../../src/protocols/visibility.js';
import { bareSetup, deal, setup } from '../session/support/fixtures.js';
import { continueRun, drive, expectRefused, kinds, last } from './support/drive.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const tableAll: Action = { kind: 'table', actor: 'Egypt', text: deal, to: [] };
const ok: IssueAnswer = { answer: 'accept' };
const no: IssueAnswer = { answer: 'reject' };
const respond = (actor: string, issues: Record<string, IssueAnswer>, proposal = 'pkg-1', reason?: string): Action => ({
  kind: 'respond',
  actor,
  proposal,
  issues,
  reason,
});
const allOk = { ceasefire: ok, captives: ok, withdrawal: ok };

describe('answering a text issue by issue', () => {
  it('reads every issue accepted as an acceptance that goes to ratification', () => {
    const { events } = drive(shuttle, setup(), [tableAll, respond(H, allOk)]);
    expect(last(events, 'package-response')).toMatchObject({
      audience: { kind: 'mediators' },
      answer: 'accept',
      byIssue: allOk,
    });
    expect(last(events, 'ratification-requested')).toMatchObject({ body: 'Hamas-leadership', proposal: 'pkg-1' });
  });

  it('reads a counter-value as a request for amendments, with the refused issues kept by issue', () => {
    const issues = { ceasefire: ok, captives: { answer: 'counter', value: 25 } as const, withdrawal: no };
    const { events } = drive(shuttle, setup(), [tableAll, respond(H, issues)]);
    expect(last(events, 'package-response')).toMatchObject({
      answer: 'amend',
      amendments: { captives: 25 },
      amendmentsByPhase: { 'phase-1': { captives: 25 } },
      byIssue: issues,
    });
  });

  it('reads refusals alone as a rejection naming the refused issues, unless the party gave its reason', () => {
    const run = drive(shuttle, setup(), [tableAll, respond(H, { ceasefire: no, captives: ok, withdrawal: no })]);
    expect(last(run.events, 'package-response')).toMatchObject({
      answer: 'reject',
      reason: 'rejects ceasefire, withdrawal',
    });
    const given = continueRun(shuttle, run, [respond(I, { ...allOk, ceasefire: no }, 'pkg-1', 'only a pause')]);
    expect(last(given.events, 'package-response').reason).toBe('only a pause');
  });

  it('refuses an answer that misses an issue, names one the text lacks, or counters with a bad value', () => {
    const { state } = drive(shuttle, setup(), [tableAll]);
    expectRefused(shuttle, state, respond(H, { ceasefire: ok }), /no answer on captives, withdrawal/);
    expectRefused(shuttle, state, respond(H, { ...allOk, rafah: ok }), /"rafah" is not an issue of pkg-1/);
    const bad = (issue: IssueAnswer) => respond(H, { ...allOk, captives: issue });
    expectRefused(shuttle, state, bad({ answer: 'counter', value: 99 }), /"99" is not a value of captives/);
    expectRefused(shuttle, state, bad({ answer: 'counter', value: 33 }), /repeats the text's 33; accept it instead/);
    expectRefused(shuttle, state, bad({ answer: 'maybe' } as never), /must be accept, reject or counter/);
    expectRefused(shuttle, state, respond(H, allOk, 'pkg-7'), /unknown proposal "pkg-7"/);
    expectRefused(shuttle, state, respond('Egypt', allOk), /only a delegation may respond/);
  });

  it('follows the rules of a whole answer: once per package, and no acceptance after a refused ratification', () => {
    const run = drive(shuttle, setup(), [
      tableAll,
      respond(I, allOk),
      { kind: 'refuse-ratification', actor: 'War-cabinet', proposal: 'pkg-1' },
    ]);
    expectRefused(shuttle, run.state, respond(I, allOk), /refused to ratify pkg-1/);
    const countered = continueRun(shuttle, run, [
      respond(I, { ...allOk, withdrawal: { answer: 'counter', value: 'none' } }),
    ]);
    expectRefused(shuttle, countered.state, respond(I, allOk), /Israel has already answered pkg-1 \(amend\)/);
  });

  it('lets the mediators read every answer by issue, whole answers included, and no party read the other\u2019s', () => {
    const run = drive(shuttle, setup(), [
      tableAll,
      respond(H, { ceasefire: { answer: 'counter', value: 'permanent' }, captives: ok, withdrawal: no }),
      { kind: 'accept', actor: I, proposal: 'pkg-1' },
    ]);
    const s = setup();
    const egypt = filterEvents(run.events, seatOf(s, 'Egypt').viewer);
    expect(issueResponsesTo(egypt, 'pkg-1').map((r) => [r.party, r.answer, r.byIssue])).toEqual([
      ['Hamas', 'amend', { ceasefire: { answer: 'counter', value: 'permanent' }, captives: ok, withdrawal: no }],
      ['Israel', 'accept', allOk],
    ]);
    expect(answersTo(egypt, 'pkg-1').map((a) => a.byIssue?.withdrawal)).toEqual([no, undefined]);
    const israel = filterEvents(run.events, seatOf(s, I).viewer);
    expect(issueResponsesTo(israel, 'pkg-1')).toEqual([]);
  });

  it('works on a single negotiating text: agreement when every party accepts every issue', () => {
    const run = drive(singleText, setup(), [
      { kind: 'table', actor: 'Egypt', text: deal, to: [] },
      respond(I, allOk, 'text-1'),
      respond(H, allOk, 'text-1'),
    ]);
    expect(kinds(run.events).slice(-3)).toEqual(['text-response', 'text-response', 'agreement']);
    expect(last(run.events, 'text-response').byIssue).toEqual(allOk);
    expectRefused(singleText, drive(singleText, setup(), []).state, respond(I, allOk, 'text-1'), /no text/);
  });

  it('has no place in alternating offers', () => {
    expectRefused(saop, drive(saop, bareSetup(), []).state, respond('A', allOk, 'offer-1'), /saop has no "respond"/);
  });
});
