import type { Outcome } from '../core/domain.js';
import type { ProtocolEvent } from './events.js';
import type { IssueAnswer } from './types.js';

/**
 * Questions asked of a log (or of the part of it one seat may see): what is on the table,
 * where each party stands, how a proposal was answered. Metrics, reports and agents all
 * ask them here, so that they agree on what the events mean.
 */

/** The last package (or offer) on the table and who put it there. */
export interface TableText {
  readonly proposal: string;
  readonly by: string;
  readonly text: Outcome;
}

/** The last text put on the table: an offer, a tabled text or package, or a revision of one. */
export function lastText(events: readonly ProtocolEvent[]): TableText | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'package-revised') return { proposal: e.proposal, by: e.by, text: e.text };
    if (e.kind === 'package-tabled' || e.kind === 'text-tabled')
      return { proposal: e.proposal, by: e.actor, text: e.text };
    if (e.kind === 'offer') return { proposal: e.proposal, by: e.actor, text: e.outcome };
  }
  return null;
}

/** The text behind a proposal id as it stands last: an offer, a tabled text or package, a revision, or what a decision body is asked to ratify. */
export function textOf(events: readonly ProtocolEvent[], proposal: string | undefined): Outcome | null {
  if (proposal === undefined) return null;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (!('proposal' in e) || e.proposal !== proposal) continue;
    switch (e.kind) {
      case 'offer':
        return e.outcome;
      case 'text-tabled':
      case 'package-tabled':
      case 'package-revised':
      case 'ratification-requested':
        return e.text;
      default:
        continue;
    }
  }
  return null;
}

/** One position put on the table: an offer, a tabled text, or a party's answer read as the text it would take. */
export interface Position {
  readonly at: number;
  readonly seq: number;
  /** Who put it forward: a party (offers, answers) or a mediator / working group (texts). */
  readonly by: string;
  /** The party it belongs to, when a party put it forward. */
  readonly party?: string;
  readonly proposal: string;
  readonly outcome: Outcome;
}

/**
 * Every position in the log, in order. SAOP offers are the parties' own; in mediated talks
 * the mediators' texts are theirs, and a party's position is the text it accepted or the
 * text with the changes it asked for (a rejection says only that something is wrong, not
 * where, so it states no position). A package tabled to several parties counts once.
 */
export function positionsOf(events: readonly ProtocolEvent[]): Position[] {
  const out: Position[] = [];
  const texts = new Map<string, Outcome>();
  const seen = new Set<string>();
  const once = (key: string, p: Position) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const e of events) {
    const base = { at: e.at, seq: e.seq };
    switch (e.kind) {
      case 'offer':
        out.push({ ...base, by: e.party, party: e.party, proposal: e.proposal, outcome: e.outcome });
        break;
      case 'text-tabled':
      case 'package-tabled':
        texts.set(e.proposal, e.text);
        once(`${e.proposal}|${JSON.stringify(e.text)}`, {
          ...base,
          by: e.actor,
          proposal: e.proposal,
          outcome: e.text,
        });
        break;
      case 'package-revised':
        texts.set(e.proposal, e.text);
        once(`${e.proposal}|${JSON.stringify(e.text)}`, { ...base, by: e.by, proposal: e.proposal, outcome: e.text });
        break;
      case 'text-response':
      case 'package-response': {
        const text = texts.get(e.proposal);
        if (!text || e.answer === 'reject') break;
        const outcome = { ...text, ...(e.amendments ?? {}) };
        out.push({ ...base, by: e.party, party: e.party, proposal: e.proposal, outcome });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Each party's last stated position, by party name (parties that stated none are absent). */
export function partyPositions(events: readonly ProtocolEvent[]): Map<string, Outcome> {
  const out = new Map<string, Outcome>();
  for (const p of positionsOf(events)) if (p.party !== undefined) out.set(p.party, p.outcome);
  return out;
}

/** Issues any party asked to change, in the order first asked. */
export function amendedIssues(events: readonly ProtocolEvent[]): string[] {
  const out = new Set<string>();
  for (const e of events)
    if ((e.kind === 'text-response' || e.kind === 'package-response') && e.answer !== 'reject')
      for (const issue of Object.keys(e.amendments ?? {})) out.add(issue);
  return [...out];
}

/** A party's answer to a proposal: what it said, and why where it said so. */
export interface ProposalAnswer {
  readonly proposal: string;
  readonly actor: string;
  readonly answer: string;
  readonly amendments?: Outcome;
  readonly reason?: string;
  /** The answer issue by issue, when the party gave it so (`respond`). */
  readonly byIssue?: Readonly<Record<string, IssueAnswer>>;
}

/** Every answer to one proposal, in order: accepts, rejections, requested changes, ratifications and refusals. */
export function answersTo(events: readonly ProtocolEvent[], proposal: string): ProposalAnswer[] {
  const out: ProposalAnswer[] = [];
  for (const e of events) {
    if ((e.kind === 'text-response' || e.kind === 'package-response') && e.proposal === proposal)
      out.push({
        proposal,
        actor: e.actor,
        answer: e.answer,
        amendments: e.amendments,
        reason: e.reason,
        ...(e.byIssue ? { byIssue: e.byIssue } : {}),
      });
    if (e.kind === 'ratification-refused' && e.proposal === proposal)
      out.push({ proposal, actor: e.actor, answer: 'refused to ratify', reason: e.reason });
    if (e.kind === 'ratified' && e.proposal === proposal) out.push({ proposal, actor: e.actor, answer: 'ratified' });
  }
  return out;
}

// The moves the consoles need (answers by issue, shared preferences, mandates) are asked here too.
export {
  issueResponsesTo,
  sharedPreferences,
  keptPreferences,
  mandateOf,
  outsideMandate,
  type IssueResponse,
  type Mandate,
} from './moves/queries.js';
